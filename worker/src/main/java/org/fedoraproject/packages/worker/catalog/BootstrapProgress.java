package org.fedoraproject.packages.worker.catalog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.fedoraproject.packages.contract.RedisLayout;
import org.jboss.logging.Logger;

/**
 * How far the bootstrap is, for people: a log line every few seconds (not one per package), gauges
 * ({@code fp_bootstrap_done}, {@code fp_bootstrap_total}, {@code fp_bootstrap_rate}) and the worker's
 * status endpoint. Done counts the known packages that have an overview; it is read from Redis, so it
 * is right across workers and restarts.
 */
@ApplicationScoped
public class BootstrapProgress {
    private static final Logger LOG = Logger.getLogger(BootstrapProgress.class);

    /** A moment of the bootstrap: state (running, done, or none), packages with an overview, known ones. */
    public record Snapshot(String state, long done, long total, double perSecond, Duration eta, String startedAt,
            String finishedAt, String cursor) {
    }

    private final ReactiveRedisDataSource redis;
    private final CatalogConfig config;
    private final Vertx vertx;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile double rate;
    private long timer = -1;
    private long lastDone = -1;
    private long lastNanos;

    public BootstrapProgress(ReactiveRedisDataSource redis, CatalogConfig config, Vertx vertx, MeterRegistry registry) {
        this.redis = redis;
        this.config = config;
        this.vertx = vertx;
        Gauge.builder("fp.bootstrap.done", done, AtomicLong::get).description("known packages with an overview").register(registry);
        Gauge.builder("fp.bootstrap.total", total, AtomicLong::get).description("known packages").register(registry);
        Gauge.builder("fp.bootstrap.rate", this, p -> p.rate).description("overviews written per second (bootstrap)").register(registry);
    }

    synchronized void started() {
        if (timer < 0) {
            lastDone = -1;
            timer = vertx.setPeriodic(config.bootstrap().progressInterval().toMillis(), id -> report());
        }
    }

    synchronized void finished() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        snapshot().subscribe().with(s -> LOG.infof("bootstrap: done, %,d of %,d known packages have an overview",
                s.done(), s.total()), t -> { });
    }

    private void report() {
        snapshot().subscribe().with(s -> {
            if ("running".equals(s.state())) {
                LOG.infof("bootstrap: %,d of %,d packages (%.0f/s, ETA %s)", s.done(), s.total(), s.perSecond(),
                        s.eta() == null ? "unknown" : format(s.eta()));
            }
        }, t -> LOG.debugf("bootstrap progress: %s", t.toString()));
    }

    /** The current figures (and the rate since the previous call that measured one). */
    public Uni<Snapshot> snapshot() {
        Uni<Map<String, String>> state = redis.hash(String.class).hgetall(RedisLayout.BOOTSTRAP);
        Uni<Long> summaries = redis.hash(String.class).hlen(RedisLayout.PACKAGE_SUMMARIES);
        Uni<Long> known = redis.sortedSet(String.class).zcard(RedisLayout.KNOWN_PACKAGES);
        return Uni.combine().all().unis(state, summaries, known).asTuple().map(t -> {
            long d = t.getItem2();
            long n = t.getItem3();
            measure(d);
            done.set(d);
            total.set(n);
            Duration eta = rate > 0 && n > d ? Duration.ofSeconds((long) ((n - d) / rate)) : null;
            Map<String, String> h = t.getItem1();
            return new Snapshot(h.getOrDefault("state", "none"), d, n, rate, eta, h.get("startedAt"), h.get("finishedAt"),
                    h.get("cursor"));
        });
    }

    private synchronized void measure(long d) {
        long now = System.nanoTime();
        if (lastDone >= 0 && now - lastNanos >= 1_000_000_000L) {
            rate = Math.max(0, (d - lastDone) / ((now - lastNanos) / 1e9));
            lastDone = d;
            lastNanos = now;
        } else if (lastDone < 0) {
            lastDone = d;
            lastNanos = now;
        }
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? "%dh%02dm".formatted(s / 3600, s % 3600 / 60) : s >= 60 ? "%dm%02ds".formatted(s / 60, s % 60) : s + "s";
    }
}
