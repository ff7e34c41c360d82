package org.fedoraproject.packages.worker.catalog;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.Connectors;
import org.fedoraproject.packages.worker.refresh.Priority;
import org.fedoraproject.packages.worker.refresh.RefreshPlan;
import org.fedoraproject.packages.worker.refresh.RefreshScheduler;
import org.jboss.logging.Logger;

/**
 * The safety net: refreshes, at the lowest priority, the entries that have gone longest without a
 * refresh, so that an event the bus lost is healed within a bounded time. Each tick it spends, per
 * upstream, its share of the budget of upstream calls per minute ({@link SweepConfig#budget()}),
 * divided among that upstream's connectors by their calls per refresh: first on entries never
 * refreshed (walking the known set with a cursor per connector), then on the oldest ones. It holds
 * back while its earlier entries still wait, so a slow upstream does not pile them up.
 */
@ApplicationScoped
public class Sweep {
    private static final Logger LOG = Logger.getLogger(Sweep.class);
    private static final int WALK = 500;

    private final Connectors connectors;
    private final KnownPackages known;
    private final RefreshScheduler scheduler;
    private final ReactiveRedisDataSource redis;
    private final SweepConfig config;
    private final Vertx vertx;
    private final AtomicBoolean busy = new AtomicBoolean();
    private long timer = -1;

    public Sweep(Connectors connectors, KnownPackages known, RefreshScheduler scheduler, ReactiveRedisDataSource redis,
            SweepConfig config, Vertx vertx) {
        this.connectors = connectors;
        this.known = known;
        this.scheduler = scheduler;
        this.redis = redis;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.tick().toMillis(), id -> tick().subscribe().with(
                    n -> { }, t -> LOG.debugf("sweep tick skipped: %s", t.toString())));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One batch: returns how many entries it handed to the scheduler. */
    public Uni<Integer> tick() {
        if (!busy.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return scheduler.waiting(Priority.SWEEP).flatMap(waiting -> {
            Map<String, List<Connector>> byUpstream = new LinkedHashMap<>();
            connectors.all().forEach(c -> byUpstream.computeIfAbsent(c.upstream(), u -> new ArrayList<>()).add(c));
            int ticksPerMinute = (int) Math.max(1, 60_000 / config.tick().toMillis());
            if (waiting > 0) {
                return Uni.createFrom().item(0); // the last batch still waits: the upstreams are busier than the budget
            }
            return Multi.createFrom().iterable(byUpstream.entrySet())
                    .onItem().transformToUniAndConcatenate(e -> {
                        double callsPerTick = config.budgetOf(e.getKey()) / (double) ticksPerMinute / e.getValue().size();
                        return Multi.createFrom().iterable(e.getValue())
                                .onItem().transformToUniAndConcatenate(c -> sweep(c, (int) Math.floor(callsPerTick / c.callsPerRefresh())))
                                .collect().asList().map(l -> l.stream().mapToInt(Integer::intValue).sum());
                    })
                    .collect().asList().map(l -> l.stream().mapToInt(Integer::intValue).sum());
        }).eventually(() -> busy.set(false));
    }

    private Uni<Integer> sweep(Connector c, int count) {
        if (count <= 0) {
            return Uni.createFrom().item(0);
        }
        return neverRefreshed(c, count).flatMap(fresh -> {
            Set<String> names = new LinkedHashSet<>(fresh);
            Uni<Set<String>> all = names.size() >= count ? Uni.createFrom().item(names)
                    : oldest(c, count - names.size()).map(old -> {
                        names.addAll(old);
                        return names;
                    });
            return all;
        }).flatMap(names -> names.isEmpty() ? Uni.createFrom().item(0)
                : scheduler.submit(RefreshPlan.sources("sweep", List.copyOf(names), EnumSet.of(c.name())), Priority.SWEEP,
                        System.currentTimeMillis()).replaceWith(names.size()));
    }

    /** Known packages that never had this entry, from the connector's cursor over the known set. */
    private Uni<List<String>> neverRefreshed(Connector c, int count) {
        String cursorKey = RedisLayout.sweepCursor(c.name());
        return redis.value(String.class).get(cursorKey).flatMap(cursor -> known.namesAfter(cursor, WALK)
                .flatMap(walked -> {
                    if (walked.isEmpty()) {
                        // the end of the known set: start over next time (new packages sort anywhere)
                        return cursor == null ? Uni.createFrom().item(List.<String>of())
                                : redis.key().del(cursorKey).replaceWith(List.<String>of());
                    }
                    List<String> args = new ArrayList<>(walked.size() + 1);
                    args.add(RedisLayout.refreshedIndex(c.name()));
                    args.addAll(walked);
                    return redis.execute("ZMSCORE", args.toArray(String[]::new)).flatMap(scores -> {
                        List<String> missing = new ArrayList<>();
                        String last = null;
                        for (int i = 0; i < walked.size() && missing.size() < count; i++) {
                            last = walked.get(i);
                            if (scores.get(i) == null) {
                                missing.add(last);
                            }
                        }
                        return redis.value(String.class).set(cursorKey, last).replaceWith(missing);
                    });
                }));
    }

    /** The entries refreshed longest ago, older than the minimum age. */
    private Uni<List<String>> oldest(Connector c, int count) {
        long before = System.currentTimeMillis() - config.minAge().toMillis();
        return redis.execute("ZRANGE", RedisLayout.refreshedIndex(c.name()), "-inf", Long.toString(before), "BYSCORE",
                "LIMIT", "0", Integer.toString(count)).map(Sweep::strings);
    }

    private static List<String> strings(Response r) {
        List<String> out = new ArrayList<>();
        if (r != null) {
            r.forEach(x -> out.add(x.toString()));
        }
        return out;
    }
}
