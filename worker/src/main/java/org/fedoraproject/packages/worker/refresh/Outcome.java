package org.fedoraproject.packages.worker.refresh;

import java.util.Locale;

/** What running one work item came to, and whether the item must wait in the queue again. */
public enum Outcome {
    /** The document was replaced. */
    WRITTEN(false),
    /** A fetch that started later had already written; nothing to do. */
    STALE(false),
    /** The upstream failed; the error is recorded next to the last good document. */
    FAILED(false),
    /** A binary name was mapped to its source package, whose entries are now queued. */
    RESOLVED(false),
    /** The branch no longer has the binary package: nothing to refresh. */
    GONE(false),
    /** No connector by that name in this worker, or an item this worker cannot read. */
    DROPPED(false),
    /** The upstream is not being called now (circuit open, bulkhead full): back in the queue, lane paused. */
    DEFERRED(true),
    /** A lookup failed and has attempts left: back in the queue. */
    RETRY(true),
    /** Our own store failed: back in the queue (never dropped, never dead-lettered). */
    STORE_FAILED(true);

    private final boolean requeue;

    Outcome(boolean requeue) {
        this.requeue = requeue;
    }

    public boolean requeue() {
        return requeue;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
