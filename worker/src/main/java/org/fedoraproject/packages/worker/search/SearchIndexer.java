package org.fedoraproject.packages.worker.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Keeps the search index in step with Redis: takes pending names ({@link SearchPending}) in batches,
 * builds their documents and writes them; on an engine failure puts them back and tries again later,
 * logging once per outage. One thread per worker; replicas share the pending set.
 */
@ApplicationScoped
public class SearchIndexer {
    private static final Logger LOG = Logger.getLogger(SearchIndexer.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private final SearchConfig config;
    private final SearchPending pending;
    private final SearchDocuments documents;
    private final SearchWriter writer;
    private final SearchEngine engine;
    private final SearchDigests digests;
    private final AtomicLong written = new AtomicLong();
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean schemaReady;
    private volatile String outage;

    public SearchIndexer(SearchConfig config, SearchPending pending, SearchDocuments documents, SearchWriter writer,
            SearchEngine engine, SearchDigests digests, MeterRegistry metrics) {
        this.digests = digests;
        this.config = config;
        this.pending = pending;
        this.documents = documents;
        this.writer = writer;
        this.engine = engine;
        metrics.gauge("fp.search.written", written);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("search indexing disabled (fp.search.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "search-indexer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the engine answered the last write (false during an outage). */
    public boolean healthy() {
        return outage == null;
    }

    public long written() {
        return written.get();
    }

    private void loop() {
        while (running) {
            try {
                if (!schemaReady) {
                    engine.createIfMissing();
                    schemaReady = true;
                }
                int n = drainOnce();
                recovered();
                if (n == 0) {
                    pending.await(IDLE_POLL.toMillis());
                } else if (n < config.batchSize()) {
                    Thread.sleep(config.linger().toMillis()); // let a burst gather into one bulk request
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failed(e);
                try {
                    Thread.sleep(config.retryInterval().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One batch: returns how many names it handled. Names go back to the pending set when the write fails. */
    int drainOnce() {
        List<String> names = pending.take(config.batchSize()).await().atMost(Duration.ofSeconds(30));
        if (names.isEmpty()) {
            return 0;
        }
        try {
            SearchDocuments.Batch batch = documents.build(names).await().atMost(Duration.ofSeconds(60));
            // searchable before the write returns, and then announced: the API's cached answers are dropped
            // only once the new documents can be found (a refresh per batch is cheap; batches are few)
            List<org.fedoraproject.packages.contract.search.PackageDocument> changed = digests.changed(batch.documents());
            writer.write(changed, batch.removed(), true);
            digests.written(changed, batch.removed());
            written.addAndGet(changed.size() + batch.removed().size());
            return names.size();
        } catch (RuntimeException e) {
            pending.addAll(names).await().atMost(Duration.ofSeconds(30));
            throw e;
        }
    }

    private void failed(RuntimeException e) {
        String why = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (outage == null) {
            LOG.warnf("search engine unavailable, documents stay pending in Redis and are retried every %s: %s",
                    config.retryInterval(), why);
        }
        outage = why;
    }

    private void recovered() {
        if (outage != null) {
            LOG.info("search engine reachable again; pending documents are being written");
            outage = null;
        }
    }
}
