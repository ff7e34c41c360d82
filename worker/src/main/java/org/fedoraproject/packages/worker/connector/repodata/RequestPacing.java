package org.fedoraproject.packages.worker.connector.repodata;

/**
 * At most N requests a second to one upstream (the bootstrap's budget for the mirror): each request
 * waits for its turn, 1/N s after the previous one's. Blocking, for the worker threads the downloads
 * run on; 0 or less: no limit.
 */
final class RequestPacing {
    private final long spacingNanos;
    private long next;

    RequestPacing(double perSecond) {
        this.spacingNanos = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
    }

    void awaitTurn() throws InterruptedException {
        if (spacingNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long at = Math.max(now, next);
            next = at + spacingNanos;
            wait = at - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
