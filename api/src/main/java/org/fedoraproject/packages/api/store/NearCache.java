package org.fedoraproject.packages.api.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fedoraproject.packages.api.store.PackageReader.StoredDocument;

/**
 * Hot documents kept in the process, so that a read of one needs no Redis round trip. Entries never
 * expire by age: the worker's "refreshed" notice for an entry removes it (the next read takes the new
 * document from Redis). Bounded by bytes ({@code fp.near-cache.max-bytes}; 0 turns it off), least
 * recently used out first.
 *
 * <p>One entry per Redis document key holds the fields read from it (the default body and, for documents
 * kept per branch, each branch's body), so one notice drops every branch of the document at once.
 *
 * <p>Two races are closed: a read that started before a notice must not put back the document the
 * notice replaced (the notice's version is remembered, and older documents are not put), and notices
 * lost while the subscription is down must not leave stale entries (while it is down nothing is served
 * from here, and the whole cache is dropped when it ends and when it is made again).
 */
@ApplicationScoped
public class NearCache {
    /** The fields of one document key that were read, all of one version. */
    private record Fields(long version, Map<String, StoredDocument> byField, int bytes) {
    }

    private final Cache<String, Fields> documents;
    /** The newest version a notice announced per entry, for a while: reads older than it are not cached. */
    private final Cache<String, Long> announced;
    private final boolean enabled;
    /** Only while notices arrive may anything be served from here. */
    private volatile boolean live;

    public NearCache(@ConfigProperty(name = "fp.near-cache.max-bytes", defaultValue = "67108864") long maxBytes) {
        this.enabled = maxBytes > 0;
        this.documents = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, maxBytes))
                .weigher((String k, Fields f) -> k.length() + f.bytes() + 64)
                .build();
        this.announced = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1)).build();
    }

    public StoredDocument get(String key, String field) {
        if (!enabled || !live) {
            return null;
        }
        Fields f = documents.getIfPresent(key);
        return f == null ? null : f.byField().get(field);
    }

    /** Keeps a field just read from Redis, unless a notice already announced a newer document. */
    public void put(String key, String field, StoredDocument doc) {
        if (!enabled || !live) {
            return;
        }
        Long newer = announced.getIfPresent(key);
        if (newer != null && newer > doc.version()) {
            return;
        }
        documents.asMap().compute(key, (k, old) -> {
            if (old != null && old.version() > doc.version()) {
                return old;
            }
            Map<String, StoredDocument> fields = old == null || old.version() != doc.version() ? new HashMap<>()
                    : new HashMap<>(old.byField());
            StoredDocument replaced = fields.put(field, doc);
            int bytes = (old == null || old.version() != doc.version() ? 0 : old.bytes())
                    + doc.json().length() + field.length() - (replaced == null ? 0 : replaced.json().length() + field.length());
            return new Fields(doc.version(), Map.copyOf(fields), bytes);
        });
    }

    /** A notice: the entry changed (to {@code version}). */
    public void changed(String key, long version) {
        announced.asMap().merge(key, version, Math::max);
        documents.invalidate(key);
    }

    /** The subscription is (again) up: from now on notices keep entries fresh; what came before is dropped. */
    public void online() {
        documents.invalidateAll();
        live = true;
    }

    /** The subscription ended or failed: notices may be missed, so nothing is served or kept until it is back. */
    public void offline() {
        live = false;
        documents.invalidateAll();
    }

    public long size() {
        documents.cleanUp();
        return documents.estimatedSize();
    }
}
