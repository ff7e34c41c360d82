package org.fedoraproject.packages.worker.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.contract.search.SearchIndexLayout;
import org.fedoraproject.packages.worker.catalog.KnownPackages;
import org.fedoraproject.packages.worker.catalog.CatalogConfig;
import org.jboss.logging.Logger;

/**
 * A full re-index without downtime: builds the next generation of the index (with this build's mapping),
 * points the write alias at it so live changes land there too, writes every known package's document,
 * then moves the read alias in one step and drops the old generation. Readers see the old index until
 * the switch, then the new one, never an empty or half-built one. Progress: {@code search:reindex} in
 * Redis (the status endpoints), a log line every few seconds and the {@code fp.search.reindex.*} gauges.
 * One run at a time across replicas (a lease in Redis).
 */
@ApplicationScoped
public class SearchReindex {
    private static final Logger LOG = Logger.getLogger(SearchReindex.class);
    private static final Duration LEASE = Duration.ofMinutes(30);

    private final SearchConfig config;
    private final SearchEngine engine;
    private final SearchDocuments documents;
    private final SearchWriter writer;
    private final SearchDigests digests;
    private final KnownPackages known;
    private final ReactiveRedisDataSource redis;
    private final Duration progressInterval;
    private final boolean whenEmpty;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong done = new AtomicLong();

    public SearchReindex(SearchConfig config, SearchEngine engine, SearchDocuments documents, SearchWriter writer,
            KnownPackages known, ReactiveRedisDataSource redis, MeterRegistry metrics, CatalogConfig catalog,
            SearchDigests digests) {
        this.digests = digests;
        this.config = config;
        this.engine = engine;
        this.documents = documents;
        this.writer = writer;
        this.known = known;
        this.redis = redis;
        this.progressInterval = catalog.bootstrap().progressInterval(); // reported like the bootstrap
        this.whenEmpty = config.reindexWhenEmpty();
        metrics.gauge("fp.search.reindex.total", total);
        metrics.gauge("fp.search.reindex.done", done);
    }

    /** A deployment whose index is empty while packages are known (search added later, index lost) fills it. */
    void onStart(@Observes StartupEvent event) {
        if (!config.enabled() || !whenEmpty) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                engine.createIfMissing();
                long packages = known.count().await().atMost(Duration.ofSeconds(30));
                if (packages > 0 && engine.count(engine.layout().readAlias()) == 0) {
                    LOG.infof("search index empty while %d packages are known: re-indexing", packages);
                    runIfFree();
                }
            } catch (RuntimeException e) {
                LOG.warnf("search: start-up check skipped (%s); POST /status/search/reindex when the engine is back",
                        e.getMessage());
            }
        }, "search-reindex-check");
        t.setDaemon(true);
        t.start();
    }

    /** Starts a re-index in the background; false when one is already running somewhere. */
    public boolean start() {
        String token = UUID.randomUUID().toString();
        Boolean free = redis.value(String.class).setnx(RedisLayout.SEARCH_REINDEX_LOCK, token)
                .await().atMost(Duration.ofSeconds(10));
        if (!Boolean.TRUE.equals(free)) {
            return false;
        }
        redis.key().pexpire(RedisLayout.SEARCH_REINDEX_LOCK, LEASE).await().atMost(Duration.ofSeconds(10));
        Thread t = new Thread(() -> runHolding(token), "search-reindex");
        t.setDaemon(true);
        t.start();
        return true;
    }

    private void runIfFree() {
        String token = UUID.randomUUID().toString();
        String previous = redis.value(String.class).setGet(RedisLayout.SEARCH_REINDEX_LOCK, token,
                new SetArgs().nx().px(LEASE)).await().atMost(Duration.ofSeconds(10));
        if (previous == null) {
            runHolding(token);
        }
    }

    private void runHolding(String token) {
        try {
            run();
        } finally {
            String holder = redis.value(String.class).get(RedisLayout.SEARCH_REINDEX_LOCK).await().atMost(Duration.ofSeconds(10));
            if (token.equals(holder)) {
                redis.key().del(RedisLayout.SEARCH_REINDEX_LOCK).await().atMost(Duration.ofSeconds(10));
            }
        }
    }

    /** The whole re-index, on the calling thread. */
    void run() {
        SearchIndexLayout layout = engine.layout();
        Instant started = Instant.now();
        String next = null;
        List<String> old = List.of();
        try {
            engine.createIfMissing();
            old = engine.indexesOf(layout.readAlias());
            next = layout.generation(engine.latestGeneration().orElse(0) + 1);
            total.set(known.count().await().atMost(Duration.ofSeconds(30)));
            done.set(0);
            progress(Map.of("state", "running", "index", next, "total", Long.toString(total.get()), "done", "0",
                    "startedAt", started.toString()), true);
            engine.createGeneration(next);
            engine.moveAlias(layout.writeAlias(), next, true); // live changes from now on land in the new index
            LOG.infof("search re-index: %d packages into %s (readers stay on %s until it is complete)", total.get(), next, old);
            String cursor = null;
            Instant lastLog = Instant.now();
            while (true) {
                List<String> names = known.namesAfter(cursor, config.batchSize()).await().atMost(Duration.ofSeconds(30));
                if (names.isEmpty()) {
                    break;
                }
                SearchDocuments.Batch batch = documents.build(names).await().atMost(Duration.ofSeconds(60));
                writer.write(batch.documents(), List.of(), false);
                digests.written(batch.documents(), List.of());
                cursor = names.get(names.size() - 1);
                done.addAndGet(names.size());
                progress(Map.of("done", Long.toString(done.get())), false);
                if (Duration.between(lastLog, Instant.now()).compareTo(progressInterval) >= 0) {
                    lastLog = Instant.now();
                    LOG.infof("search re-index: %d of %d packages (%.0f/s)", done.get(), total.get(), rate(started));
                }
            }
            engine.refresh(next);
            engine.moveAlias(layout.readAlias(), next, false);
            writer.announce();
            for (String o : old) {
                if (!o.equals(next)) {
                    engine.delete(o);
                }
            }
            progress(Map.of("state", "done", "finishedAt", Instant.now().toString()), false);
            LOG.infof("search re-index: done, %d documents in %s in %d ms (%.0f/s); readers switched", done.get(), next,
                    Duration.between(started, Instant.now()).toMillis(), rate(started));
        } catch (RuntimeException e) {
            LOG.errorf("search re-index failed (%s); readers stay on %s", e.getMessage(), old);
            try {
                if (next != null && !old.isEmpty()) {
                    engine.moveAlias(layout.writeAlias(), old.get(0), true);
                    engine.delete(next);
                }
            } catch (RuntimeException undo) {
                LOG.warnf("search re-index: could not undo (%s)", undo.getMessage());
            }
            progress(Map.of("state", "failed", "error", String.valueOf(e.getMessage()),
                    "finishedAt", Instant.now().toString()), false);
        }
    }

    private double rate(Instant started) {
        double s = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
        return done.get() / s;
    }

    private void progress(Map<String, String> fields, boolean fresh) {
        try {
            if (fresh) {
                redis.key().del(RedisLayout.SEARCH_REINDEX).await().atMost(Duration.ofSeconds(10));
            }
            redis.hash(String.class).hset(RedisLayout.SEARCH_REINDEX, new HashMap<>(fields)).await().atMost(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.debugf("search re-index progress not recorded: %s", e.getMessage());
        }
    }

    /** The last re-index's record ({@code search:reindex}). */
    public io.smallrye.mutiny.Uni<Map<String, String>> status() {
        return redis.hash(String.class).hgetall(RedisLayout.SEARCH_REINDEX);
    }
}
