package org.fedoraproject.packages.worker.search;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.fedoraproject.packages.contract.RedisLayout;

/**
 * The packages whose search document must be rebuilt ({@code search:pending} in Redis). Writers add a
 * name after the Redis write that changed it; the indexer takes names out in batches and puts them back
 * when the engine failed. Kept in Redis, not in memory, so a restart or an engine outage loses none and
 * any replica's indexer may take them.
 */
@ApplicationScoped
public class SearchPending {
    private final ReactiveRedisDataSource redis;
    /** Wakes this process's indexer at once instead of at its next poll. */
    private final Semaphore signal = new Semaphore(0);

    public SearchPending(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    public Uni<Void> add(String name) {
        return redis.set(String.class).sadd(RedisLayout.SEARCH_PENDING, name).invoke(n -> wake()).replaceWithVoid();
    }

    public Uni<Void> addAll(Collection<String> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> list = List.copyOf(names);
        Uni<Void> all = Uni.createFrom().voidItem();
        for (int i = 0; i < list.size(); i += 1000) {
            String[] chunk = list.subList(i, Math.min(list.size(), i + 1000)).toArray(String[]::new);
            all = all.call(() -> redis.set(String.class).sadd(RedisLayout.SEARCH_PENDING, chunk));
        }
        return all.invoke(this::wake);
    }

    /** Takes up to {@code count} names out (any order). */
    public Uni<List<String>> take(int count) {
        return redis.set(String.class).spop(RedisLayout.SEARCH_PENDING, count).map(List::copyOf);
    }

    public Uni<Long> size() {
        return redis.set(String.class).scard(RedisLayout.SEARCH_PENDING);
    }

    void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Waits up to {@code millis} for a wake-up; returns early when there was one. */
    void await(long millis) throws InterruptedException {
        signal.tryAcquire(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        signal.drainPermits();
    }
}
