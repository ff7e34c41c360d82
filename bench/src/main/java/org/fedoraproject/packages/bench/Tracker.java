package org.fedoraproject.packages.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Matches the worker's "refreshed" notices to the events of one run. An event asks for one or more
 * package × connector entries; an entry is
 * <ul>
 *   <li><b>noticed</b> by the first notice for its package and connector that arrives after the event
 *       was published (the figure the brief asks for), and</li>
 *   <li><b>fresh</b> by the first notice whose version is above the entry's {@code <c>:seq} read just
 *       before publishing: versions are taken from that counter when a fetch starts, so only such a
 *       notice comes from a fetch that started after the event, i.e. one that can have seen what the
 *       event announced. The two differ when a fetch already under way finishes just after the
 *       publish.</li>
 * </ul>
 * An event's latency is that of its last entry: it is fresh when everything it asked for is.
 */
final class Tracker {
    record Key(String pkg, String connector) {
    }

    static final class Entry {
        final Event event;
        final Key key;
        final long seqAtPublish;
        final long deadlineNanos;
        volatile long noticed = -1;
        volatile long fresh = -1;
        volatile long freshVersion;
        /** ok | error | superseded (set by the outcome check after the fresh notice) */
        volatile String outcome;

        Entry(Event event, Key key, long seqAtPublish, long deadlineNanos) {
            this.event = event;
            this.key = key;
            this.seqAtPublish = seqAtPublish;
            this.deadlineNanos = deadlineNanos;
        }

        boolean resolved(long now) {
            return fresh >= 0 || now > deadlineNanos;
        }
    }

    static final class Event {
        final String topic;
        final String pkg;
        final long publishNanos;
        final Instant publishWall;
        final boolean sampled;
        final List<Entry> entries = new ArrayList<>();
        volatile long apiShown = -1;
        volatile boolean apiGaveUp;

        Event(String topic, String pkg, long publishNanos, Instant publishWall, boolean sampled) {
            this.topic = topic;
            this.pkg = pkg;
            this.publishNanos = publishNanos;
            this.publishWall = publishWall;
            this.sampled = sampled;
        }

        /** When its last entry was noticed / became fresh; -1 while one is missing. */
        long last(boolean freshOnly) {
            long max = 0;
            for (Entry e : entries) {
                long t = freshOnly ? e.fresh : e.noticed;
                if (t < 0) {
                    return -1;
                }
                max = Math.max(max, t);
            }
            return max;
        }
    }

    private final Map<Key, List<Entry>> waiting = new HashMap<>();
    private final List<Event> events = new ArrayList<>();
    private final AtomicLong notices = new AtomicLong();
    private final AtomicLong lastNotice = new AtomicLong(-1);
    private final Consumer<Entry> onFresh;
    private final Consumer<Event> onAllNoticed;

    /** {@code onFresh}: per entry, when it became fresh; {@code onAllNoticed}: per event, when all its entries were noticed. */
    Tracker(Consumer<Entry> onFresh, Consumer<Event> onAllNoticed) {
        this.onFresh = onFresh;
        this.onAllNoticed = onAllNoticed;
    }

    synchronized void add(Event e) {
        events.add(e);
        for (Entry entry : e.entries) {
            waiting.computeIfAbsent(entry.key, k -> new ArrayList<>()).add(entry);
        }
    }

    void onNotice(String pkg, String connector, long version, long nanos) {
        notices.incrementAndGet();
        lastNotice.set(nanos);
        List<Entry> fresh = new ArrayList<>();
        List<Event> noticed = new ArrayList<>();
        synchronized (this) {
            List<Entry> list = waiting.get(new Key(pkg, connector));
            if (list == null) {
                return;
            }
            for (Iterator<Entry> it = list.iterator(); it.hasNext();) {
                Entry e = it.next();
                if (e.noticed < 0 && nanos >= e.event.publishNanos) {
                    e.noticed = nanos;
                    if (e.event.last(false) >= 0) {
                        noticed.add(e.event);
                    }
                }
                if (e.fresh < 0 && version > e.seqAtPublish) {
                    e.freshVersion = version;
                    e.fresh = nanos;
                    fresh.add(e);
                }
                if (e.noticed >= 0 && e.fresh >= 0) {
                    it.remove();
                }
            }
            if (list.isEmpty()) {
                waiting.remove(new Key(pkg, connector));
            }
        }
        fresh.forEach(onFresh);
        noticed.forEach(onAllNoticed);
    }

    synchronized List<Event> events() {
        return new ArrayList<>(events);
    }

    /** Every entry fresh or past its deadline, and every sampled API check finished. */
    synchronized boolean resolved(long now) {
        for (Event e : events) {
            for (Entry entry : e.entries) {
                if (!entry.resolved(now)) {
                    return false;
                }
            }
            if (e.sampled && e.apiShown < 0 && !e.apiGaveUp && now <= e.publishNanos + maxDeadline(e)) {
                return false;
            }
        }
        return true;
    }

    private static long maxDeadline(Event e) {
        long d = 0;
        for (Entry entry : e.entries) {
            d = Math.max(d, entry.deadlineNanos - e.publishNanos);
        }
        return d;
    }

    long notices() {
        return notices.get();
    }

    long lastNoticeNanos() {
        return lastNotice.get();
    }
}
