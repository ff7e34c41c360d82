package org.fedoraproject.packages.worker.connector.mdapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.UpstreamException;

/**
 * Finds where a source package lives in mdapi: the first branch (in {@link BranchOrder}) whose
 * {@code /srcpkg/} knows it, with its sub-packages. Shared by every mdapi-backed connector.
 */
@ApplicationScoped
public class PackageLocator {
    /** A source package found on a branch; {@code srcpkg} is mdapi's answer for it. */
    public record Located(String branch, JsonNode srcpkg, List<String> subpackages, String source) {
    }

    /** Kept for {@code quarkus.cache.caffeine.mdapi-branches.expire-after-write}. */
    static final String BRANCHES_CACHE = "mdapi-branches";

    private final Mdapi mdapi;
    private final java.util.Map<String, Uni<Optional<Located>>> inFlight = new java.util.concurrent.ConcurrentHashMap<>();

    public PackageLocator(Mdapi mdapi) {
        this.mdapi = mdapi;
    }

    /**
     * What every mdapi-backed connector does: describe the package where it is found, or say it is
     * absent (no branch has it) with the Rawhide URL that was asked first as the source.
     */
    public Uni<FetchResult> describeWhereFound(String name, Function<Located, Uni<FetchResult>> describe) {
        return locate(name).flatMap(found -> found.map(describe)
                .orElseGet(() -> Uni.createFrom().item(FetchResult.absent(mdapi.url("/rawhide/srcpkg/" + name)))));
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
