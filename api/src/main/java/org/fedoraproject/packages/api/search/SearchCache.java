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

    public SearchCache(@ConfigProperty(name = "fp.search.cache-entries", defaultValue = "20000") long entries) {
        this.enabled = entries > 0;
        this.answers = Caffeine.newBuilder().maximumSize(Math.max(1, entries)).build();
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
