package org.fedoraproject.packages.api.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Search and suggest answers kept in the process until the search index changes: the worker says
 * {@code {"search":"updated"}} on {@code searched:<instance>} after every write it made searchable, and
 * the whole cache is dropped then (answers depend on every document, so nothing finer is right). Like
 * the near cache, it serves nothing while the notice subscription is down and is emptied when it comes
 * back. Typeahead and popular searches repeat a lot; at Fedora's event rate the cache lives for seconds.
 */
@ApplicationScoped
public class SearchCache {
    private final Cache<String, Object> answers;
    private final boolean enabled;
    private volatile boolean live;

    /**
     * Bounded by bytes, not entries (like the near cache): an answer is 1-20 kB of JSON, so 20,000 of them
     * could outgrow a heap sized for the API's data; {@code fp.search.cache-entries=0} turns it off.
     */
    public SearchCache(@ConfigProperty(name = "fp.search.cache-entries", defaultValue = "20000") long entries,
            @ConfigProperty(name = "fp.search.cache-bytes", defaultValue = "16777216") long bytes) {
        this.enabled = entries > 0 && bytes > 0;
        this.answers = Caffeine.newBuilder().maximumWeight(Math.max(1, bytes))
                .weigher((String key, Object answer) -> weight(key, answer, bytes / Math.max(1, entries))).build();
    }

    /** Bytes held (UTF-16 strings), and at least the share of one entry of the entry bound. */
    private static int weight(String key, Object answer, long perEntry) {
        long size = 2L * key.length() + 64;
        if (answer instanceof PackageSearch.Answer a) {
            size += 2L * (a.json().length() + a.etag().length());
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(size, perEntry));
    }

    /** The cached answer for {@code key}, or the computed one (cached while the subscription is up). */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> compute) {
        if (!enabled || !live) {
            return compute.get();
        }
        Object hit = answers.getIfPresent(key);
        if (hit != null) {
            return (T) hit;
        }
        T answer = compute.get();
        if (live) {
            answers.put(key, answer);
        }
        return answer;
    }

    /** The cached answer, or null. */
    @SuppressWarnings("unchecked")
    <T> T peek(String key) {
        return enabled && live ? (T) answers.getIfPresent(key) : null;
    }

    public void indexChanged() {
        answers.invalidateAll();
    }

    public void online() {
        answers.invalidateAll();
        live = true;
    }

    public void offline() {
        live = false;
        answers.invalidateAll();
    }
}
