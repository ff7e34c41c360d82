package org.fedoraproject.packages.worker.catalog;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.worker.refresh.Priority;
import org.fedoraproject.packages.worker.refresh.RefreshPlan;
import org.fedoraproject.packages.worker.refresh.RefreshScheduler;
import org.jboss.logging.Logger;

/**
 * Fills the product from nothing: discovers the known set, then hands every known package's overview
 * to the refresh scheduler at {@link Priority#BOOTSTRAP}, a chunk at a time, so events and cold pages
 * overtake it; the other tabs fill on first view and through the sweep. Its cursor (the last name
 * handed over) is in Redis, so a restarted worker, or another one, continues where it stopped. It
 * holds back while enough of its entries wait in the scheduler, so the queue stays small and the
 * cursor says truthfully how far it got. A Redis that lost its data (no {@code bootstrap} hash) is
 * noticed by the check that runs every minute, and refilled the same way.
 */
@ApplicationScoped
public class Bootstrap {
    private static final Logger LOG = Logger.getLogger(Bootstrap.class);
    static final String STATE_RUNNING = "running";
    static final String STATE_DONE = "done";
    private static final String PLAN_TOPIC = "bootstrap";

    private final Discovery discovery;
    private final KnownPackages known;
    private final RefreshScheduler scheduler;
    private final ReactiveRedisDataSource redis;
    private final BootstrapProgress progress;
    private final CatalogConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopped;
    private long checkTimer = -1;

    public Bootstrap(Discovery discovery, KnownPackages known, RefreshScheduler scheduler, ReactiveRedisDataSource redis,
            BootstrapProgress progress, CatalogConfig config, Vertx vertx) {
        this.discovery = discovery;
        this.known = known;
        this.scheduler = scheduler;
        this.redis = redis;
        this.progress = progress;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (config.bootstrap().onStart()) {
            checkTimer = vertx.setPeriodic(1000, Duration.ofMinutes(1).toMillis(), id -> resumeIfUnfinished());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (checkTimer >= 0) {
            vertx.cancelTimer(checkTimer);
        }
    }

    /** Starts a bootstrap unless one runs in this worker; returns false when one already did. */
    public boolean start() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        redis.hash(String.class).hset(RedisLayout.BOOTSTRAP, Map.of("state", STATE_RUNNING, "startedAt", Instant.now().toString()))
                .flatMap(x -> redis.hash(String.class).hdel(RedisLayout.BOOTSTRAP, "cursor", "finishedAt"))
                .subscribe().with(x -> run(), this::failed);
        return true;
    }

    /**
     * An operator's request: resumes an unfinished bootstrap from its cursor, else starts a new one.
     * Says which it did ("running" when this worker already runs one).
     */
    public io.smallrye.mutiny.Uni<String> startOrResume() {
        if (running.get()) {
            return io.smallrye.mutiny.Uni.createFrom().item("running");
        }
        return redis.hash(String.class).hget(RedisLayout.BOOTSTRAP, "state").map(state -> {
            if (state != null && !STATE_DONE.equals(state)) {
                resumeIfUnfinished();
                return "resumed";
            }
            return start() ? "started" : "running";
        });
    }

    /** Resumes an unfinished bootstrap from its cursor, or starts one when Redis has none (lost data). */
    public void resumeIfUnfinished() {
        if (running.get() || stopped) {
            return;
        }
        redis.hash(String.class).hget(RedisLayout.BOOTSTRAP, "state").subscribe().with(state -> {
            if (!STATE_DONE.equals(state) && running.compareAndSet(false, true)) {
                LOG.infof(state == null ? "bootstrap: nothing in Redis yet (new, or its data was lost): filling it"
                        : "bootstrap: resuming from its cursor");
                redis.hash(String.class).hsetnx(RedisLayout.BOOTSTRAP, "startedAt", Instant.now().toString())
                        .flatMap(x -> redis.hash(String.class).hset(RedisLayout.BOOTSTRAP, "state", STATE_RUNNING))
                        .subscribe().with(x -> run(), this::failed);
            }
        }, t -> LOG.debugf("bootstrap check: Redis unavailable (%s); next check in a minute", t.toString()));
    }

    private void run() {
        progress.started();
        discovery.run()
                .flatMap(result -> result.ran() ? Uni.createFrom().voidItem()
                        : redis.hash(String.class).hexists(RedisLayout.BOOTSTRAP, "discoveredAt").invoke(done -> {
                            if (!done) { // another worker is discovering: its known set is not there yet
                                throw new IllegalStateException("discovery under way in another worker");
                            }
                        }).replaceWithVoid())
                .flatMap(x -> redis.sortedSet(String.class).zcard(RedisLayout.KNOWN_PACKAGES))
                .flatMap(total -> redis.hash(String.class).hset(RedisLayout.BOOTSTRAP, "total", Long.toString(total)))
                .subscribe().with(x -> nextChunk(), this::failed);
    }

    private void nextChunk() {
        if (stopped) {
            running.set(false);
            return;
        }
        scheduler.waiting(Priority.BOOTSTRAP).subscribe().with(waiting -> {
            if (waiting >= config.bootstrap().backlog()) {
                vertx.setTimer(500, id -> nextChunk()); // the scheduler is busy with ours: wait, do not pile up
                return;
            }
            handOver();
        }, this::failed);
    }

    private void handOver() {
        redis.hash(String.class).hget(RedisLayout.BOOTSTRAP, "cursor")
                .flatMap(cursor -> known.namesAfter(cursor, config.bootstrap().chunk()))
                .subscribe().with(this::submit, this::failed);
    }

    private void submit(List<String> names) {
        if (names.isEmpty()) {
            finishWhenDrained();
            return;
        }
        scheduler.submit(RefreshPlan.sources(PLAN_TOPIC, names, EnumSet.of(ConnectorName.OVERVIEW)), Priority.BOOTSTRAP,
                        System.currentTimeMillis())
                .flatMap(x -> redis.hash(String.class).hset(RedisLayout.BOOTSTRAP, "cursor", names.get(names.size() - 1)))
                .subscribe().with(x -> nextChunk(), this::failed);
    }

    /** Every name is handed over: done once the scheduler has fetched the last of them. */
    private void finishWhenDrained() {
        scheduler.waiting(Priority.BOOTSTRAP).subscribe().with(waiting -> {
            if (waiting > 0 && !stopped) {
                vertx.setTimer(500, id -> finishWhenDrained());
                return;
            }
            redis.hash(String.class).hset(RedisLayout.BOOTSTRAP, Map.of("state", STATE_DONE, "finishedAt", Instant.now().toString()))
                    .subscribe().with(x -> {
                        running.set(false);
                        progress.finished();
                    }, this::failed);
        }, this::failed);
    }

    private void failed(Throwable t) {
        running.set(false);
        LOG.warnf("bootstrap interrupted (%s); it resumes from its cursor within a minute", t.toString());
    }
}
