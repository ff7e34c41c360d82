package org.fedoraproject.packages.api.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fedoraproject.packages.contract.search.SearchChange;

/**
 * Search and suggest answers kept in the process until a change of the search index could affect them.
 * After every write it made searchable the worker says on {@code searched:<instance>} what the write
 * touched ({@link SearchChange}); each cached answer knows what it depends on ({@link AnswerDependencies})
 * and only the answers the change could affect are dropped. Most changes are a new build's version, which
 * drops only the answers that list that package. Like the near cache, it serves nothing while the notice
 * subscription is down and is emptied when it comes back.
 *
 * <p>An answer also lives at most {@code fp.search.cache-ttl} (120 s) to twice that, at random: a change
 * moves every score a little (term statistics, average field lengths), so near-tied hits of an untouched
 * answer could swap places; the time bound keeps that drift short, the spread keeps answers cached
 * together from expiring together.
 */
@ApplicationScoped
public class SearchCache {
    /** A cached answer and what it depends on. */
    public record Entry(PackageSearch.Answer answer, AnswerDependencies dependencies) {
    }

    private final Cache<String, Entry> answers;
    private final boolean enabled;
    private volatile boolean live;
    /** Bumped by every change: an answer computed across a change is not cached (it may predate the change). */
    private final AtomicLong generation = new AtomicLong();
    private final Counter dropped;
    private final Counter kept;
    private final io.micrometer.core.instrument.Timer passes;

    /**
     * Bounded by bytes, not entries (like the near cache): an answer is 1-20 kB of JSON, so 20,000 of them
     * could outgrow a heap sized for the API's data; {@code fp.search.cache-entries=0} turns it off.
     */
    public SearchCache(@ConfigProperty(name = "fp.search.cache-entries", defaultValue = "20000") long entries,
            @ConfigProperty(name = "fp.search.cache-bytes", defaultValue = "16777216") long bytes,
            @ConfigProperty(name = "fp.search.cache-ttl", defaultValue = "120s") Duration ttl, MeterRegistry metrics) {
        this.enabled = entries > 0 && bytes > 0;
        // each answer lives ttl to 2 × ttl: answers cached together do not all expire (and refill) together
        long ttlNanos = ttl.toNanos();
        this.answers = Caffeine.newBuilder().maximumWeight(Math.max(1, bytes))
                .expireAfter(com.github.benmanes.caffeine.cache.Expiry.creating((String key, Entry entry) ->
                        Duration.ofNanos(ttlNanos + java.util.concurrent.ThreadLocalRandom.current().nextLong(Math.max(1, ttlNanos)))))
                .weigher((String key, Entry entry) -> weight(key, entry, bytes / Math.max(1, entries))).build();
        this.dropped = Counter.builder("fp.search.cache.dropped").description("Cached answers a change could affect").register(metrics);
        this.kept = Counter.builder("fp.search.cache.kept").description("Cached answers a change left in place").register(metrics);
        this.passes = io.micrometer.core.instrument.Timer.builder("fp.search.cache.pass")
                .description("A change notice's pass over the cached answers").register(metrics);
    }

    /** Bytes held (the answer's UTF-8, the key and tag as UTF-16 at most), and at least one entry's share of the entry bound. */
    private static int weight(String key, Entry entry, long perEntry) {
        long size = 2L * key.length() + 64 + entry.dependencies().weight();
        size += entry.answer().json().length + 2L * entry.answer().etag().length();
        return (int) Math.min(Integer.MAX_VALUE, Math.max(size, perEntry));
    }

    /** The cached answer for {@code key}, or the computed one (cached while the subscription is up). */
    PackageSearch.Answer get(String key, Supplier<Entry> compute) {
        if (!enabled || !live) {
            return compute.get().answer();
        }
        Entry hit = answers.getIfPresent(key);
        if (hit != null) {
            return hit.answer();
        }
        long before = generation.get();
        Entry entry = compute.get();
        if (live && generation.get() == before) {
            answers.put(key, entry);
        }
        return entry.answer();
    }

    /** The cached answer, or null. */
    PackageSearch.Answer peek(String key) {
        Entry hit = enabled && live ? answers.getIfPresent(key) : null;
        return hit == null ? null : hit.answer();
    }

    /**
     * Drops the answers the change could affect. Called on the notice's event loop, which it leaves at once:
     * the pass over the cache (a few ms for thousands of answers) runs on a worker thread. An answer whose
     * computation spanned the notice is not cached (the generation moved on); one computed after it is
     * current, since the worker announces a write once it is searchable.
     */
    public void indexChanged(SearchChange change) {
        generation.incrementAndGet();
        io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool().execute(() -> drop(change));
    }

    private void drop(SearchChange change) {
        if (change.all()) {
            dropped.increment(answers.estimatedSize());
            answers.invalidateAll();
            return;
        }
        long start = System.nanoTime();
        AnswerDependencies.Change touched = new AnswerDependencies.Change(change);
        long[] counts = new long[2];
        answers.asMap().values().removeIf(e -> {
            boolean affected = e.dependencies().affectedBy(touched);
            counts[affected ? 0 : 1]++;
            return affected;
        });
        dropped.increment(counts[0]);
        kept.increment(counts[1]);
        passes.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void online() {
        generation.incrementAndGet();
        answers.invalidateAll();
        live = true;
    }

    public void offline() {
        generation.incrementAndGet();
        live = false;
        answers.invalidateAll();
    }
}
