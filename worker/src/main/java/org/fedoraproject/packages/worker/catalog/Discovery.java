package org.fedoraproject.packages.worker.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.worker.search.SearchPending;
import org.fedoraproject.packages.worker.connector.mdapi.PackageLocator;
import org.fedoraproject.packages.worker.connector.repodata.Repodata;
import org.fedoraproject.packages.worker.connector.repodata.Repomd;
import org.jboss.logging.Logger;

/**
 * Learns the packages of every active branch from the branches' repositories: reads each repository's
 * index, downloads the primary metadata only when its checksum changed, replaces the branch's catalog
 * and reconciles the known set (new packages, retired ones), the binary → source index and the order in
 * which the branches' provides indexes are read. One run at a time across all workers (a lease in Redis);
 * a run that finds nothing changed costs one small request per repository.
 */
@ApplicationScoped
public class Discovery {
    private static final Logger LOG = Logger.getLogger(Discovery.class);
    static final String LOCK = "catalog:lock";
    private static final Duration LOCK_LEASE = Duration.ofMinutes(5); // a run takes about a minute for Fedora; a killed worker holds it no longer

    /** What a run changed. {@code changed}: source packages whose catalog entry differs on some branch. */
    public record Result(boolean ran, List<String> branches, Set<String> changed, Set<String> stateChanged, long known,
            int binaries, Duration took) {
        static Result skipped() {
            return new Result(false, List.of(), Set.of(), Set.of(), 0, 0, Duration.ZERO);
        }
    }

    private final PackageLocator branches;
    private final RepoLocations locations;
    private final Repodata repodata;
    private final CatalogStore store;
    private final KnownPackages known;
    private final ReactiveRedisDataSource redis;
    private final ObjectMapper mapper;
    private final SearchPending search;

    public Discovery(PackageLocator branches, RepoLocations locations, Repodata repodata, CatalogStore store,
            KnownPackages known, ReactiveRedisDataSource redis, ObjectMapper mapper, SearchPending search) {
        this.search = search;
        this.branches = branches;
        this.locations = locations;
        this.repodata = repodata;
        this.store = store;
        this.known = known;
        this.redis = redis;
        this.mapper = mapper;
    }

    /** Runs unless another worker is running it (then: {@link Result#skipped()}). */
    public Uni<Result> run() {
        String token = UUID.randomUUID().toString();
        return redis.value(String.class).setGet(LOCK, token, new SetArgs().nx().px(LOCK_LEASE))
                .flatMap(previous -> previous != null ? Uni.createFrom().item(Result.skipped())
                        : discover().eventually(() -> release(token)));
    }

    private Uni<Void> release(String token) {
        return redis.value(String.class).get(LOCK)
                .flatMap(v -> token.equals(v) ? redis.key().del(LOCK).replaceWithVoid() : Uni.createFrom().voidItem());
    }

    private Uni<Result> discover() {
        Instant start = Instant.now();
        return branches.branches().flatMap(list -> {
            List<String> read = list.stream().filter(b -> !locations.of(b).isEmpty()).toList();
            Set<String> changed = new LinkedHashSet<>();
            return Multi.createFrom().iterable(read)
                    .onItem().transformToUniAndConcatenate(b -> branch(b).invoke(changed::addAll))
                    .collect().last()
                    .flatMap(x -> indexes(read))
                    .map(counts -> new Result(true, read, changed, counts.stateChanged(), counts.known(), counts.binaries(),
                            Duration.between(start, Instant.now())));
        }).call(r -> search.addAll(r.changed())) // provides and texts come from the catalog too
                .invoke(r -> LOG.infof("discovery: %d branches %s, %d packages known, %d binaries; %d changed, %d states changed; %d ms",
                r.branches().size(), r.branches(), r.known(), r.binaries(), r.changed().size(), r.stateChanged().size(),
                r.took().toMillis()));
    }

    /** Re-reads one branch when any of its repositories changed; returns the sources that differ. */
    private Uni<Set<String>> branch(String branch) {
        List<String> repos = locations.of(branch);
        return Multi.createFrom().iterable(repos)
                .onItem().transformToUniAndConcatenate(repo -> repodata.primaryOf(repo).map(p -> Map.entry(repo, p)))
                .collect().asList()
                .flatMap(primaries -> store.repoChecksums(branch).flatMap(stored -> {
                    Map<String, String> identities = new TreeMap<>();
                    primaries.forEach(e -> e.getValue().ifPresent(p -> identities.put(e.getKey(), p.identity())));
                    if (identities.isEmpty()) {
                        // no repository answers (a mirror without the branch, a broken sync): the branch's
                        // catalog stays as it was rather than every package of it looking retired
                        LOG.warnf("discovery: no repository of %s answers (%s); its catalog is kept", branch, repos);
                        return Uni.createFrom().item(Set.<String>of());
                    }
                    return store.hasProvides(branch).flatMap(indexed -> {
                        // a catalog written before the provides index existed is read again once to build it
                        if (identities.equals(stored) && indexed) {
                            return Uni.createFrom().item(Set.<String>of());
                        }
                        return read(branch, primaries).flatMap(catalog -> replace(branch, catalog, identities));
                    });
                }));
    }

    private Uni<BranchCatalog> read(String branch, List<Map.Entry<String, Optional<Repomd.Primary>>> primaries) {
        BranchCatalog catalog = new BranchCatalog();
        return Multi.createFrom().iterable(primaries)
                .filter(e -> e.getValue().isPresent())
                .onItem().transformToUniAndConcatenate(e -> {
                    catalog.repository(e.getKey());
                    return repodata.packages(e.getKey(), e.getValue().get(), catalog::add);
                })
                .collect().asList()
                .map(counts -> {
                    LOG.debugf("discovery: %s: %d rpms in %d repositories, %d binaries", branch,
                            counts.stream().mapToInt(Integer::intValue).sum(), counts.size(), catalog.binaryCount());
                    return catalog;
                });
    }

    private Uni<Set<String>> replace(String branch, BranchCatalog catalog, Map<String, String> identities) {
        Map<String, String> sources = new TreeMap<>();
        catalog.sources().forEach((name, entry) -> sources.put(name, json(entry)));
        return store.sources(branch).flatMap(old -> {
            Set<String> changed = new LinkedHashSet<>();
            sources.forEach((name, json) -> {
                if (!json.equals(old.get(name))) {
                    changed.add(name);
                }
            });
            old.keySet().stream().filter(n -> !sources.containsKey(n)).forEach(changed::add);
            return store.replaceBranch(branch, sources, catalog.binaryToSource(), catalog.provides(), identities)
                    .replaceWith(changed);
        });
    }

    private record Counts(Set<String> stateChanged, long known, int binaries) {
    }

    /** The known set and the binary index from the branches' catalogs, Rawhide's answers first. */
    private Uni<Counts> indexes(List<String> read) {
        Map<String, List<String>> branchesByName = new LinkedHashMap<>();
        Map<String, String> union = new LinkedHashMap<>();
        return Multi.createFrom().iterable(read)
                .onItem().transformToUniAndConcatenate(b -> store.sources(b).map(Map::keySet)
                        .invoke(names -> names.forEach(n -> branchesByName.computeIfAbsent(n, k -> new ArrayList<>()).add(b)))
                        .flatMap(x -> store.binaries(b))
                        .invoke(bins -> bins.forEach(union::putIfAbsent)))
                .collect().last()
                .flatMap(x -> branchesByName.isEmpty() ? Uni.createFrom().item(new Counts(Set.of(), 0, 0))
                        : publish(read, branchesByName, union));
    }

    /** Writes the indexes; only a discovery that found packages counts (the known-set rule starts then). */
    private Uni<Counts> publish(List<String> read, Map<String, List<String>> branchesByName, Map<String, String> union) {
        return store.updateBinaryIndex(union)
                .call(() -> store.resolveOrder(read)) // provides resolve through the branches in the binary index's order
                .flatMap(x -> known.reconcile(branchesByName))
                .flatMap(stateChanged -> redis.hash(String.class)
                        .hset(RedisLayout.BOOTSTRAP, "discoveredAt", Instant.now().toString())
                        .flatMap(y -> known.count())
                        .map(n -> new Counts(stateChanged, n, union.size())));
    }

    private String json(SourceEntry entry) {
        try {
            return mapper.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
