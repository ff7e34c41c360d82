package org.fedoraproject.packages.worker.refresh;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.worker.WorkerConfig;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.Connectors;
import org.fedoraproject.packages.worker.connector.UpstreamErrors;
import org.jboss.logging.Logger;

/**
 * The one refresh scheduler that every path feeds (bus events, cold pages, bootstrap, sweep). A
 * request is recorded durably in the {@link RefreshQueue} — coalesced with what is already waiting or
 * running — and {@link #submit} completes then, long before the fetch. Each upstream has its own
 * {@link Lane} with its own concurrency limit; within a lane the best priority and the oldest request
 * go first. All worker replicas claim from the same queue.
 */
@ApplicationScoped
public class RefreshScheduler {
    private static final Logger LOG = Logger.getLogger(RefreshScheduler.class);
    /** Items per enqueue script: keeps Redis responsive while a 10,000-package event is recorded. */
    private static final int ENQUEUE_CHUNK = 500;

    private final RefreshQueue queue;
    private final Refresher refresher;
    private final Connectors connectors;
    private final SourcePackages sourcePackages;
    private final KnownNames known;
    private final RefreshMetrics metrics;
    private final WorkerConfig.Scheduler config;
    private final Vertx vertx;
    private final String owner = "worker-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> lookupAttempts = new ConcurrentHashMap<>();
    private final List<Long> timers = new ArrayList<>();

    public RefreshScheduler(RefreshQueue queue, Refresher refresher, Connectors connectors, SourcePackages sourcePackages,
            KnownNames known, RefreshMetrics metrics, WorkerConfig workerConfig, Vertx vertx) {
        this.queue = queue;
        this.refresher = refresher;
        this.connectors = connectors;
        this.sourcePackages = sourcePackages;
        this.known = known;
        this.metrics = metrics;
        this.config = workerConfig.scheduler();
        this.vertx = vertx;
        Set<String> upstreams = new TreeSet<>();
        connectors.all().forEach(c -> upstreams.add(c.upstream()));
        upstreams.add(sourcePackages.upstream());
        for (String u : upstreams) {
            lanes.put(u, new Lane(u, config.concurrencyOf(u), queue, this::run, owner, config.lease(), config.circuitPause()));
        }
    }

    void start(@Observes StartupEvent event) {
        timers.add(vertx.setPeriodic(config.pollInterval().toMillis(), id -> lanes.values().forEach(Lane::pump)));
        timers.add(vertx.setPeriodic(Math.max(1000, config.lease().toMillis() / 3), id -> lanes.values().forEach(Lane::renew)));
        timers.add(vertx.setPeriodic(config.depthInterval().toMillis(), id -> readDepths()));
        LOG.infof("refresh scheduler %s: lanes %s", owner, describeLanes());
    }

    void stop(@Observes ShutdownEvent event) {
        timers.forEach(vertx::cancelTimer);
        Uni.join().all(lanes.values().stream().map(Lane::stop).toList()).andCollectFailures()
                .await().atMost(Duration.ofSeconds(5));
    }

    /**
     * Completes once every entry of the plan is recorded in Redis (not fetched). Entries are for known
     * packages only: a name that is no package (a Bugzilla component, a container build) leaves no keys.
     */
    public Uni<RefreshQueue.Enqueued> submit(RefreshPlan plan, Priority priority, long requestedAtMillis) {
        if (plan.namesAreBinary()) {
            return enqueue(plan, priority, requestedAtMillis);
        }
        Uni<Void> announced = plan.announcedBy() == null ? Uni.createFrom().voidItem()
                : known.announce(plan.packages(), plan.announcedBy());
        return announced.flatMap(x -> known.knownAmong(plan.packages())).flatMap(names -> {
            if (names.size() < plan.packages().size()) {
                metrics.unknownDropped(plan.packages().size() - names.size());
            }
            return enqueue(new RefreshPlan(plan.topic(), names, plan.connectors(), null), priority, requestedAtMillis);
        });
    }

    private Uni<RefreshQueue.Enqueued> enqueue(RefreshPlan plan, Priority priority, long requestedAtMillis) {
        Map<String, List<String>> byUpstream = new LinkedHashMap<>();
        if (plan.namesAreBinary()) {
            for (String binary : plan.packages()) {
                byUpstream.computeIfAbsent(sourcePackages.upstream(), u -> new ArrayList<>())
                        .add(new WorkItem.BinaryLookup(plan.binaryBranch(), binary, plan.connectors()).id());
            }
        } else {
            for (String pkg : plan.packages()) {
                for (ConnectorName c : plan.connectors()) {
                    Optional<Connector> connector = connectors.get(c);
                    connector.ifPresent(k -> byUpstream.computeIfAbsent(k.upstream(), u -> new ArrayList<>())
                            .add(new WorkItem.Entry(pkg, c).id()));
                }
            }
        }
        List<Uni<RefreshQueue.Enqueued>> writes = new ArrayList<>();
        byUpstream.forEach((upstream, items) -> {
            for (int i = 0; i < items.size(); i += ENQUEUE_CHUNK) {
                List<String> chunk = items.subList(i, Math.min(items.size(), i + ENQUEUE_CHUNK));
                writes.add(queue.enqueue(upstream, chunk, priority, requestedAtMillis)
                        .invoke(e -> metrics.enqueued(upstream, priority, e)));
            }
        });
        if (writes.isEmpty()) {
            return Uni.createFrom().item(RefreshQueue.Enqueued.NONE);
        }
        return Multi.createFrom().iterable(writes).onItem().transformToUniAndConcatenate(u -> u)
                .collect().in(() -> new RefreshQueue.Enqueued[] {RefreshQueue.Enqueued.NONE}, (acc, e) -> acc[0] = acc[0].plus(e))
                .map(acc -> acc[0])
                .invoke(() -> byUpstream.keySet().forEach(u -> lanes.get(u).pump()));
    }

    /** Runs one claimed item: the unit of work of every lane. */
    private Uni<Outcome> run(RefreshQueue.Claim claim) {
        Optional<WorkItem> item = WorkItem.parse(claim.item());
        if (item.isEmpty()) {
            LOG.warnf("dropping unreadable work item '%s'", claim.item());
            return Uni.createFrom().item(Outcome.DROPPED);
        }
        if (item.get() instanceof WorkItem.Entry entry) {
            return refresher.refresh(entry.pkg(), entry.connector()).invoke(outcome -> {
                if (!outcome.requeue()) {
                    metrics.requestToWrite(claim.priority(), System.currentTimeMillis() - claim.requestedAtMillis());
                }
            });
        }
        WorkItem.BinaryLookup lookup = (WorkItem.BinaryLookup) item.get();
        return sourcePackages.sourceOf(lookup.branch(), lookup.binary())
                .flatMap(source -> source.isEmpty() ? Uni.createFrom().item(Outcome.GONE)
                        : submit(RefreshPlan.sources(lookup.id(), List.of(source.get()), lookup.connectors()),
                                claim.priority(), claim.requestedAtMillis())
                                .onFailure().transform(Refresher.StoreFailure::new)
                                .replaceWith(Outcome.RESOLVED))
                .invoke(() -> lookupAttempts.remove(claim.item()))
                .onFailure(t -> !(t instanceof Refresher.StoreFailure)).recoverWithItem(t -> lookupFailed(claim, t));
    }

    private Outcome lookupFailed(RefreshQueue.Claim claim, Throwable t) {
        if (UpstreamErrors.isNotCalledNow(t)) {
            return Outcome.DEFERRED;
        }
        int attempts = lookupAttempts.computeIfAbsent(claim.item(), k -> new AtomicInteger()).incrementAndGet();
        if (attempts < config.lookupAttempts()) {
            LOG.warnf("lookup %s failed (attempt %d of %d): %s", claim.item(), attempts, config.lookupAttempts(), t.toString());
            return Outcome.RETRY;
        }
        lookupAttempts.remove(claim.item());
        metrics.lookupGivenUp();
        LOG.errorf("lookup %s failed %d times; given up (the sweep refreshes the package later): %s",
                claim.item(), attempts, t.toString());
        return Outcome.DROPPED;
    }

    private void readDepths() {
        lanes.keySet().forEach(u -> queue.depth(u).subscribe().with(d -> metrics.depth(u, d), t -> { }));
    }

    /** Waiting, running and again-marked items of every upstream (for tests, status and benchmarks). */
    public Uni<Map<String, RefreshQueue.Depth>> depths() {
        List<String> names = new ArrayList<>(lanes.keySet());
        return Uni.join().all(names.stream().map(queue::depth).toList()).andFailFast().map(all -> {
            Map<String, RefreshQueue.Depth> out = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                out.put(names.get(i), all.get(i));
            }
            return out;
        });
    }

    /** Items waiting at one priority, over all upstreams (the bootstrap holds back on it). */
    public Uni<Long> waiting(Priority priority) {
        return depths().map(all -> all.values().stream().mapToLong(d -> d.waiting().getOrDefault(priority, 0L)).sum());
    }

    private String describeLanes() {
        StringBuilder s = new StringBuilder();
        lanes.forEach((u, l) -> s.append(s.length() == 0 ? "" : ", ").append(u).append('×').append(config.concurrencyOf(u)));
        return s.toString();
    }
}
