package org.fedoraproject.packages.api.refresh;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fedoraproject.packages.api.store.PackageReader;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout.MetaField;
import org.jboss.logging.Logger;

/**
 * Server-sent events of refreshes, fed by the worker's "refreshed" notices (one Redis subscription per
 * API instance, {@link RefreshNotices}). Each event says which document changed, its version, when and
 * with which status (read once from the package's metadata, for every listener).
 *
 * <p>Event ids are {@code <refreshedAt ms>-<n>}. A per-package stream resumes after {@code Last-Event-ID}
 * from the package's metadata in Redis (the same on every replica); the all-packages stream from the
 * last {@value #RECENT} events this instance saw, or tells the client to resynchronise ({@code reset}).
 * Open streams are counted: beyond {@code fp.events.max-streams} a new one is refused.
 */
@ApplicationScoped
public class LiveEvents {
    private static final Logger LOG = Logger.getLogger(LiveEvents.class);
    static final int RECENT = 10_000;

    /** One refresh of one document. {@code id} orders events: refresh time in ms, then a counter. */
    public record Event(String id, String packageName, String connector, Long version, String refreshedAt, String status) {
        long millis() {
            return Long.parseLong(id.substring(0, id.indexOf('-')));
        }
    }

    private final PackageReader reader;
    private final BroadcastProcessor<Event> hub = BroadcastProcessor.create();
    private final Deque<Event> recent = new ArrayDeque<>();
    private final AtomicLong counter = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final int maxStreams;

    public LiveEvents(PackageReader reader, @ConfigProperty(name = "fp.events.max-streams", defaultValue = "2000") int maxStreams) {
        this.reader = reader;
        this.maxStreams = maxStreams;
    }

    /** A notice arrived: builds its event from the package's metadata and hands it to every listener. */
    void notice(String pkg, ConnectorName connector, long version) {
        reader.meta(pkg).subscribe().with(meta -> publish(event(pkg, connector, meta, version)),
                failure -> LOG.debugf("event for %s/%s not sent: %s", pkg, connector.id(), failure.getMessage()));
    }

    private Event event(String pkg, ConnectorName c, Map<String, String> meta, Long version) {
        String at = meta.get(MetaField.refreshedAt(c));
        long millis = at == null ? System.currentTimeMillis() : java.time.Instant.parse(at).toEpochMilli();
        return new Event(millis + "-" + counter.incrementAndGet(), pkg, c.id(), version, at, meta.get(MetaField.status(c)));
    }

    private void publish(Event e) {
        synchronized (recent) {
            recent.addLast(e);
            if (recent.size() > RECENT) {
                recent.removeFirst();
            }
        }
        hub.onNext(e);
    }

    /** Live events of all packages (a slow listener loses events rather than slowing the others). */
    public Multi<Event> live() {
        return hub.onOverflow().drop();
    }

    /**
     * What a package's listener missed since {@code lastEventId}: each document refreshed after that time,
     * as the metadata says now.
     */
    public Uni<List<Event>> missedBy(String pkg, String lastEventId) {
        long since = millisOf(lastEventId);
        return reader.meta(pkg).map(meta -> {
            List<Event> out = new ArrayList<>();
            for (ConnectorName c : ConnectorName.values()) {
                String at = meta.get(MetaField.refreshedAt(c));
                if (at != null && java.time.Instant.parse(at).toEpochMilli() > since) {
                    String v = meta.get(MetaField.version(c));
                    out.add(event(pkg, c, meta, v == null ? null : Long.parseLong(v)));
                }
            }
            out.sort(java.util.Comparator.comparing(Event::refreshedAt));
            return out;
        });
    }

    /** What an all-packages listener missed, or null when this instance no longer remembers that far back. */
    public List<Event> missedByAll(String lastEventId) {
        long since = millisOf(lastEventId);
        synchronized (recent) {
            if (recent.isEmpty() || recent.peekFirst().millis() > since) {
                return recent.isEmpty() && since >= System.currentTimeMillis() - 1000 ? List.of() : null;
            }
            return recent.stream().filter(e -> e.id().compareTo(lastEventId) > 0 && e.millis() >= since).toList();
        }
    }

    /** Counts a new stream; false when the instance already holds its maximum. */
    public boolean open() {
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            return false;
        }
        return true;
    }

    public void closed() {
        open.decrementAndGet();
    }

    public int openStreams() {
        return open.get();
    }

    static long millisOf(String id) {
        try {
            int dash = id.indexOf('-');
            return Long.parseLong(dash < 0 ? id : id.substring(0, dash));
        } catch (RuntimeException e) {
            return Long.MIN_VALUE; // not one of ours: everything is news
        }
    }
}
