package org.fedoraproject.packages.worker.connector.mdapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.Parallel;
import org.fedoraproject.packages.worker.connector.UpstreamException;

/**
 * Finds where a source package lives in mdapi: the first branch (in {@link BranchOrder}) whose
 * {@code /srcpkg/} knows it, or every branch that does, with its sub-packages there. Shared by every
 * mdapi-backed connector.
 */
@ApplicationScoped
public class PackageLocator {
    /** A source package found on a branch; {@code srcpkg} is mdapi's answer for it. */
    public record Located(String branch, JsonNode srcpkg, List<String> subpackages, String source) {
    }

    /** Kept for {@code quarkus.cache.caffeine.mdapi-branches.expire-after-write}. */
    static final String BRANCHES_CACHE = "mdapi-branches";

    private final Mdapi mdapi;
    /** Branches described at a time by {@link #describeOnEveryBranch}. */
    static final int BRANCH_FAN_OUT = 2;
    /**
     * About how many branches a package is on (Rawhide, two or three Fedora releases, an EPEL or two): the
     * per-branch connectors' {@code callsPerRefresh} are per branch times this.
     */
    public static final int TYPICAL_BRANCHES = 4;

    private final java.util.Map<String, Uni<Optional<Located>>> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Uni<List<Located>>> everywhere = new java.util.concurrent.ConcurrentHashMap<>();

    public PackageLocator(Mdapi mdapi) {
        this.mdapi = mdapi;
    }

    /**
     * What every mdapi-backed connector does: describe the package where it is found, or say it is
     * absent (no branch has it) with the Rawhide URL that was asked first as the source.
     */
    public Uni<FetchResult> describeWhereFound(String name, Function<Located, Uni<FetchResult>> describe) {
        return locate(name).flatMap(found -> found.map(describe)
                .orElseGet(() -> Uni.createFrom().item(absent(name))));
    }

    /**
     * What the per-branch connectors do: describe the package on every branch that has it ({@code describe}
     * gets the branch and the names of all of them, for the document's {@code branches}), the first branch's
     * document being the default; absent when no branch has it. Branches are described {@link #BRANCH_FAN_OUT}
     * at a time, each with its own fan-out, so one refresh never floods the upstream.
     */
    public Uni<FetchResult> describeOnEveryBranch(String name, BiFunction<Located, List<String>, Uni<FetchResult>> describe) {
        return locateAll(name).flatMap(all -> {
            if (all.isEmpty()) {
                return Uni.createFrom().item(absent(name));
            }
            List<String> names = all.stream().map(Located::branch).toList();
            return Parallel.inOrder(all, BRANCH_FAN_OUT, located -> describe.apply(located, names)).map(results -> {
                LinkedHashMap<String, FetchResult> byBranch = new LinkedHashMap<>();
                for (int i = 0; i < all.size(); i++) {
                    byBranch.put(names.get(i), results.get(i));
                }
                return FetchResult.perBranch(byBranch);
            });
        });
    }

    private FetchResult absent(String name) {
        return FetchResult.absent(mdapi.url("/rawhide/srcpkg/" + name));
    }

    /**
     * Every branch that has the package, in display order. Shared while in flight, like {@link #locate}: the
     * three per-branch connectors of one refresh ask at the same moment.
     */
    public Uni<List<Located>> locateAll(String name) {
        return everywhere.computeIfAbsent(name, n -> branches()
                .flatMap(list -> Parallel.inOrder(list, BRANCH_FAN_OUT * 2, b -> mdapi.srcpkg(b, n).map(found -> found.map(
                        src -> located(n, b, src)))))
                .map(found -> found.stream().flatMap(Optional::stream).toList())
                .eventually(() -> {
                    everywhere.remove(n);
                })
                .memoize().indefinitely());
    }

    /**
     * Where the package is now. The four mdapi connectors of one refresh ask at the same moment: they
     * share one lookup while it is in flight. Nothing is kept afterwards, so a later refresh (after a
     * repository update) always asks mdapi again.
     */
    public Uni<Optional<Located>> locate(String name) {
        return inFlight.computeIfAbsent(name, n -> branches().flatMap(list -> tryBranches(n, list, 0))
                .eventually(() -> {
                    inFlight.remove(n);
                })
                .memoize().indefinitely());
    }

    private Uni<Optional<Located>> tryBranches(String name, List<String> list, int index) {
        if (index >= list.size()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String branch = list.get(index);
        return mdapi.srcpkg(branch, name).flatMap(found -> found.isPresent()
                ? Uni.createFrom().item(Optional.of(located(name, branch, found.get())))
                : tryBranches(name, list, index + 1));
    }

    private Located located(String name, String branch, JsonNode srcpkg) {
        List<String> subs = new ArrayList<>();
        JsonNode co = srcpkg.get("co-packages");
        if (co != null && co.isArray()) {
            co.forEach(n -> subs.add(n.asText()));
        }
        if (subs.isEmpty()) {
            subs.add(name);
        }
        return new Located(branch, srcpkg, List.copyOf(subs), mdapi.url("/" + branch + "/srcpkg/" + name));
    }

    /**
     * mdapi's branch list, in display order (Rawhide, Fedora newest first, EPEL): the active branches. It
     * changes a few times a year; asking once per refresh would double the calls.
     * Cached (a failure is not), and the cache is shared by concurrent callers.
     */
    @CacheResult(cacheName = BRANCHES_CACHE)
    public Uni<List<String>> branches() {
        return mdapi.branches().map(answer -> {
            List<String> names = new ArrayList<>();
            answer.ifPresent(node -> node.forEach(n -> names.add(n.asText())));
            if (names.isEmpty()) {
                // without the list, an EPEL-only package would wrongly become absent
                throw UpstreamException.of(UpstreamException.Kind.MALFORMED, Mdapi.UPSTREAM, "/branches lists no branch", null);
            }
            return BranchOrder.sort(names);
        });
    }
}
