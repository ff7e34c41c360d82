package org.fedoraproject.packages.worker.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.worker.search.SearchPending;
import org.fedoraproject.packages.worker.refresh.KnownNames;

/**
 * The known packages ({@code packages}) and their states ({@code packages:state}): every source package
 * of every branch, plus those announced by dist-git or Koji before a repository has them. Only known
 * packages get entries, so an event about a name that is no package leaves no keys behind.
 */
@ApplicationScoped
public class KnownPackages implements KnownNames {
    private final ReactiveRedisDataSource redis;
    private final CatalogStore store;
    private final ObjectMapper mapper;

    private final SearchPending search;

    public KnownPackages(ReactiveRedisDataSource redis, CatalogStore store, ObjectMapper mapper, SearchPending search) {
        this.redis = redis;
        this.search = search;
        this.store = store;
        this.mapper = mapper;
    }

    /**
     * The names among {@code names} that are known, in their order. Until a discovery has run (a new
     * deployment, tests without a catalog) nothing can be told apart and every name passes.
     */
    @Override
    public Uni<List<String>> knownAmong(List<String> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return redis.hash(String.class).hexists(RedisLayout.BOOTSTRAP, "discoveredAt")
                .flatMap(discovered -> discovered ? filter(names) : Uni.createFrom().item(names));
    }

    @Override
    public Uni<Void> announce(List<String> names, String via) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (String n : names) {
            all = all.call(() -> announce(n, via));
        }
        return all;
    }

    private Uni<List<String>> filter(List<String> names) {
        List<String> args = new ArrayList<>(names.size() + 1);
        args.add(RedisLayout.KNOWN_PACKAGES);
        args.addAll(names);
        return redis.execute("ZMSCORE", args.toArray(String[]::new)).map(scores -> {
            List<String> out = new ArrayList<>();
            int i = 0;
            for (Response score : scores) {
                if (score != null) {
                    out.add(names.get(i));
                }
                i++;
            }
            return out;
        });
    }

    /** Makes a package known that an event announced (a new dist-git repository, a first build). */
    public Uni<Boolean> announce(String name, String via) {
        return redis.sortedSet(String.class).zadd(RedisLayout.KNOWN_PACKAGES, 0, name).call(() -> redis.hash(String.class)
                .hsetnx(RedisLayout.PACKAGE_STATES, name, json(new PackageState(List.of(), false, via))))
                .call(() -> search.add(name)); // findable by name before any document exists
    }

    /** Up to {@code count} known names after {@code cursor} (from the first when null), by name. */
    public Uni<List<String>> namesAfter(String cursor, int count) {
        return redis.execute("ZRANGE", RedisLayout.KNOWN_PACKAGES, cursor == null ? "-" : "(" + cursor, "+", "BYLEX",
                "LIMIT", "0", Integer.toString(count)).map(r -> {
                    List<String> names = new ArrayList<>(r.size());
                    r.forEach(n -> names.add(n.toString()));
                    return names;
                });
    }

    public Uni<Long> count() {
        return redis.sortedSet(String.class).zcard(RedisLayout.KNOWN_PACKAGES);
    }

    /**
     * Brings the known set and the states in line with the branches' catalogs ({@code branchesByName}: every
     * name some branch ships → those branches, in display order). Names no branch ships any more stay
     * known, marked retired. Returns the names whose state changed.
     */
    public Uni<Set<String>> reconcile(Map<String, List<String>> branchesByName) {
        return redis.hash(String.class).hgetall(RedisLayout.PACKAGE_STATES).flatMap(old -> {
            Map<String, String> changed = new HashMap<>();
            branchesByName.forEach((name, branches) -> {
                String now = json(PackageState.fromBranches(branches));
                if (!now.equals(old.get(name))) {
                    changed.put(name, now);
                }
            });
            old.forEach((name, was) -> {
                if (!branchesByName.containsKey(name)) {
                    String now = json(parse(was).goneEverywhere());
                    if (!now.equals(was)) {
                        changed.put(name, now);
                    }
                }
            });
            List<String> added = branchesByName.keySet().stream().filter(n -> !old.containsKey(n)).toList();
            return addToKnown(added)
                    .call(() -> store.hsetChunked(RedisLayout.PACKAGE_STATES, changed))
                    .call(() -> search.addAll(changed.keySet())) // branches or retirement changed
                    .replaceWith(new LinkedHashSet<>(changed.keySet()));
        });
    }

    private Uni<Void> addToKnown(List<String> names) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (int i = 0; i < names.size(); i += 1000) {
            Map<String, Double> chunk = new HashMap<>();
            names.subList(i, Math.min(names.size(), i + 1000)).forEach(n -> chunk.put(n, 0.0));
            all = all.call(() -> redis.sortedSet(String.class).zadd(RedisLayout.KNOWN_PACKAGES, chunk));
        }
        return all;
    }

    private String json(PackageState state) {
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PackageState parse(String json) {
        try {
            return mapper.readValue(json, PackageState.class);
        } catch (JsonProcessingException e) {
            return new PackageState(List.of(), false, PackageState.VIA_REPODATA); // rewritten by this reconcile
        }
    }
}
