package org.fedoraproject.packages.worker.catalog;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fedoraproject.packages.contract.RedisLayout;

/**
 * The catalog's keys in Redis ({@link RedisLayout}): per branch, its sources, its binaries, its provides
 * index and the checksums they were read from, each replaced whole; the binary → source index over all
 * branches, and the order in which the API looks provides up through the branches.
 */
@ApplicationScoped
public class CatalogStore {
    /** Fields per HSET: keeps Redis responsive while 30,000 entries are written. */
    private static final int CHUNK = 1000;

    private final ReactiveRedisDataSource redis;

    public CatalogStore(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    public Uni<Map<String, String>> sources(String branch) {
        return redis.hash(String.class).hgetall(RedisLayout.catalogSources(branch));
    }

    public Uni<String> source(String branch, String name) {
        return redis.hash(String.class).hget(RedisLayout.catalogSources(branch), name);
    }

    public Uni<Map<String, String>> binaries(String branch) {
        return redis.hash(String.class).hgetall(RedisLayout.catalogBinaries(branch));
    }

    public Uni<Map<String, String>> repoChecksums(String branch) {
        return redis.hash(String.class).hgetall(RedisLayout.catalogRepos(branch));
    }

    /** Whether the branch has its provides index (catalogs written before it existed have none). */
    public Uni<Boolean> hasProvides(String branch) {
        return redis.key().exists(RedisLayout.catalogProvides(branch));
    }

    /** The source package of a binary, over all branches; null when no branch has it. */
    public Uni<String> sourceOfBinary(String binary) {
        return redis.hash(String.class).hget(RedisLayout.BINARIES, binary);
    }

    /**
     * Replaces a branch's four keys, each at once: readers see the old catalog or the new one. The checksums
     * go last: a worker that dies before them leaves the branch to be read again.
     */
    public Uni<Void> replaceBranch(String branch, Map<String, String> sources, Map<String, String> binaries,
            Map<String, String> provides, Map<String, String> repos) {
        return replace(RedisLayout.catalogSources(branch), sources)
                .call(() -> replace(RedisLayout.catalogBinaries(branch), binaries))
                .call(() -> replace(RedisLayout.catalogProvides(branch), provides))
                .call(() -> replace(RedisLayout.catalogRepos(branch), repos));
    }

    /** The branches provides resolve through, in order (one SET: readers see the old list or the new). */
    public Uni<Void> resolveOrder(List<String> branches) {
        return redis.value(String.class).set(RedisLayout.CATALOG_BRANCHES, String.join(",", branches));
    }

    /** Brings the binary index to {@code union}, changing only the fields that differ. */
    public Uni<Integer> updateBinaryIndex(Map<String, String> union) {
        return redis.hash(String.class).hgetall(RedisLayout.BINARIES).flatMap(old -> {
            Map<String, String> changed = new HashMap<>();
            union.forEach((k, v) -> {
                if (!v.equals(old.get(k))) {
                    changed.put(k, v);
                }
            });
            List<String> removed = old.keySet().stream().filter(k -> !union.containsKey(k)).toList();
            return hsetChunked(RedisLayout.BINARIES, changed)
                    .call(() -> hdelChunked(RedisLayout.BINARIES, removed))
                    .replaceWith(changed.size() + removed.size());
        });
    }

    private Uni<Void> replace(String key, Map<String, String> values) {
        String next = key + RedisLayout.REPLACEMENT_SUFFIX;
        if (values.isEmpty()) {
            return redis.key().del(key, next).replaceWithVoid();
        }
        return redis.key().del(next)
                .call(() -> hsetChunked(next, values))
                .call(() -> redis.key().rename(next, key))
                .replaceWithVoid();
    }

    Uni<Void> hsetChunked(String key, Map<String, String> values) {
        List<Map<String, String>> chunks = new ArrayList<>();
        Map<String, String> current = new HashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            current.put(e.getKey(), e.getValue());
            if (current.size() == CHUNK) {
                chunks.add(current);
                current = new HashMap<>();
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(c -> redis.hash(String.class).hset(key, c))
                .collect().last().replaceWithVoid();
    }

    Uni<Void> hdelChunked(String key, List<String> fields) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < fields.size(); i += CHUNK) {
            chunks.add(fields.subList(i, Math.min(fields.size(), i + CHUNK)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(c -> redis.hash(String.class).hdel(key, c.toArray(String[]::new)))
                .collect().last().replaceWithVoid();
    }
}
