package org.fedoraproject.packages.worker.refresh;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The work of one upstream in this worker: claims items from the durable queue while it has free
 * slots (its own concurrency limit, so a slow upstream fills only its own lane), runs them, and ends
 * each claim. Never blocks; state changes are short synchronized sections because callbacks arrive on
 * any event-loop thread.
 */
final class Lane {
    private static final Logger LOG = Logger.getLogger(Lane.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String upstream;
    private final int limit;
    private final RefreshQueue queue;
    private final Function<RefreshQueue.Claim, Uni<Outcome>> runner;
    private final String owner;
    private final Duration lease;
    private final Duration circuitPause;
    private final Map<String, RefreshQueue.Claim> inFlight = new ConcurrentHashMap<>();

    private boolean claiming;
    private boolean wokenWhileClaiming;
    private boolean stopped;
    private long pausedUntilNanos;
    private Duration backoff = Duration.ZERO;

    Lane(String upstream, int limit, RefreshQueue queue, Function<RefreshQueue.Claim, Uni<Outcome>> runner,
            String owner, Duration lease, Duration circuitPause) {
        this.upstream = upstream;
        this.limit = limit;
        this.queue = queue;
        this.runner = runner;
        this.owner = owner;
        this.lease = lease;
        this.circuitPause = circuitPause;
    }

    String upstream() {
        return upstream;
    }

    int inFlight() {
        return inFlight.size();
    }

    /** Claims as much work as there are free slots; called on a local enqueue, a finished item and by the poll timer. */
    void pump() {
        int free;
        synchronized (this) {
            if (stopped) {
                return;
            }
            if (claiming) {
                wokenWhileClaiming = true;
                return;
            }
            if (System.nanoTime() < pausedUntilNanos) {
                return;
            }
            free = limit - inFlight.size();
            if (free <= 0) {
                return;
            }
            claiming = true;
            wokenWhileClaiming = false;
        }
        queue.claim(upstream, free, lease, owner).subscribe().with(this::start, this::claimFailed);
    }

    private void start(List<RefreshQueue.Claim> claims) {
        boolean again;
        synchronized (this) {
            claiming = false;
            backoff = Duration.ZERO;
            claims.forEach(c -> inFlight.put(c.item(), c));
            // slots freed or work queued while we claimed: look again (a short batch emptied the queue)
            again = wokenWhileClaiming;
        }
        claims.forEach(this::run);
        if (again) {
            pump();
        }
    }

    private void claimFailed(Throwable t) {
        synchronized (this) {
            claiming = false;
            backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), MAX_BACKOFF);
            pausedUntilNanos = System.nanoTime() + backoff.toNanos();
        }
        LOG.warnf("%s lane: cannot claim work (%s); retrying in %d ms", upstream, t.toString(), backoff.toMillis());
    }

    private void run(RefreshQueue.Claim claim) {
        Uni<Outcome> work;
        try {
            work = runner.apply(claim);
        } catch (RuntimeException e) {
            work = Uni.createFrom().failure(e);
        }
        work.onFailure().recoverWithItem(t -> {
            LOG.warnf("%s: %s; kept for a retry", claim.item(), t.toString());
            return Outcome.STORE_FAILED;
        }).subscribe().with(outcome -> finish(claim, outcome));
    }

    private void finish(RefreshQueue.Claim claim, Outcome outcome) {
        inFlight.remove(claim.item());
        if (outcome == Outcome.DEFERRED || outcome == Outcome.STORE_FAILED) {
            // nothing will work for a moment: don't spin on the same item
            Duration pause = outcome == Outcome.DEFERRED ? circuitPause : Duration.ofSeconds(1);
            synchronized (this) {
                pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + pause.toNanos());
            }
        }
        // If this fails (Redis down) the claim stays leased without renewal and comes back when the lease ends.
        queue.complete(claim, owner, outcome.requeue()).subscribe().with(
                requeued -> pump(),
                t -> {
                    LOG.warnf("%s: cannot end the claim (%s); it returns when its lease runs out", claim.item(), t.toString());
                    pump();
                });
    }

    /** Extends the leases of everything in flight; called well within the lease. */
    void renew() {
        List<String> items = new ArrayList<>(inFlight.keySet());
        queue.renew(upstream, items, lease, owner).subscribe().with(
                ok -> { },
                t -> LOG.warnf("%s lane: cannot renew %d leases (%s)", upstream, items.size(), t.toString()));
    }

    /** Stops claiming and puts what is in flight back in the queue for another worker (best effort). */
    Uni<Void> stop() {
        synchronized (this) {
            stopped = true;
        }
        List<Uni<Boolean>> returns = inFlight.values().stream()
                .map(c -> queue.complete(c, owner, true).onFailure().recoverWithItem(false)).toList();
        return returns.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(returns).andCollectFailures().replaceWithVoid();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
