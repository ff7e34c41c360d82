package org.fedoraproject.packages.worker.connector.mdapi;

import static org.fedoraproject.packages.worker.connector.JsonBodies.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.DependenciesDocument;
import org.fedoraproject.packages.contract.document.DependenciesDocument.Dep;
import org.fedoraproject.packages.contract.document.DependenciesDocument.Subpackage;
import org.fedoraproject.packages.worker.WorkerConfig;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.Parallel;
import org.fedoraproject.packages.worker.connector.UpstreamException;

/**
 * What each sub-package requires, provides, recommends, … (mdapi {@code /{branch}/pkg/{sub}}), and
 * which binary packages require or recommend one of them (mdapi {@code /{branch}/requires/{sub}} and
 * {@code /{branch}/recommends/{sub}}).
 *
 * <p>Reverse lookups: shape from docs and sources, there is no recording. mdapi's own documentation
 * (fedora-infra/mdapi, {@code mdapi/services/homepage.html}: "packages requiring R in rawhide:
 * /rawhide/requires/R") and today's server ({@code metasource/routes/rela.go}) answer a JSON array of
 * package objects shaped like {@code /pkg/}, each naming the package in {@code basename}; 404 when the
 * branch has no package of that name; {@code []} when nothing requires it. Both 404 and {@code []}
 * mean "none". mdapi matches the requirement by exact name, so a package that requires a file or a
 * virtual provide ({@code /usr/bin/vim}, {@code vi}) is not found: the list is a lower bound.
 *
 * <p>Sub-packages mdapi has no {@code /pkg/} answer for are left out. Kept per branch: every branch that
 * has the package gets its own document.
 */
@ApplicationScoped
public class DependenciesConnector implements Connector {
    private final Mdapi mdapi;
    private final PackageLocator locator;
    private final int fanOut;

    public DependenciesConnector(Mdapi mdapi, PackageLocator locator, WorkerConfig config) {
        this.mdapi = mdapi;
        this.locator = locator;
        this.fanOut = config.connector().fanOut();
    }

    @Override
    public ConnectorName name() {
        return ConnectorName.DEPENDENCIES;
    }

    @Override
    public int callsPerRefresh() {
        // per branch: eight kinds of dependency and the reverse lookups
        return 13 * PackageLocator.TYPICAL_BRANCHES;
    }

    @Override
    public String upstream() {
        return Mdapi.UPSTREAM;
    }

    @Override
    public Uni<FetchResult> fetch(String packageName) {
        return locator.describeOnEveryBranch(packageName, (located, branches) -> describe(packageName, located, branches));
    }

    private Uni<FetchResult> describe(String packageName, PackageLocator.Located located, List<String> branches) {
        String branch = located.branch();
        List<String> subs = located.subpackages();
        Set<String> own = new HashSet<>(subs);
        own.add(packageName);
        Uni<List<Optional<Subpackage>>> details = Parallel.inOrder(subs, fanOut,
                sub -> mdapi.pkg(branch, sub).map(pkg -> pkg.map(p -> subpackage(sub, p))));
        Uni<List<String>> requiredBy = reverse(branch, "requires", subs, own);
        Uni<List<String>> recommendedBy = reverse(branch, "recommends", subs, own);
        return Uni.combine().all().unis(details, requiredBy, recommendedBy).asTuple()
                .map(t -> FetchResult.ok(located.source(), new DependenciesDocument(branch, branches,
                        t.getItem1().stream().flatMap(Optional::stream).toList(), t.getItem2(), t.getItem3())));
    }

    private Uni<List<String>> reverse(String branch, String relation, List<String> subs, Set<String> own) {
        return Parallel.inOrder(subs, fanOut, sub -> mdapi.reverse(branch, relation, sub))
                .map(answers -> {
                    TreeSet<String> names = new TreeSet<>();
                    for (Optional<JsonNode> answer : answers) {
                        answer.ifPresent(list -> {
                            if (!list.isArray()) {
                                throw UpstreamException.of(UpstreamException.Kind.MALFORMED, Mdapi.UPSTREAM,
                                        "/" + relation + "/ answered " + list.getNodeType() + ", not an array", null);
                            }
                            list.forEach(pkg -> {
                                String name = text(pkg, "basename") != null ? text(pkg, "basename") : text(pkg, "name");
                                if (name != null && !name.isBlank() && !own.contains(name)) {
                                    names.add(name);
                                }
                            });
                        });
                    }
                    return List.copyOf(names);
                });
    }

    static Subpackage subpackage(String name, JsonNode pkg) {
        return new Subpackage(name, deps(pkg, "requires"), deps(pkg, "provides"), deps(pkg, "recommends"),
                deps(pkg, "suggests"), deps(pkg, "supplements"), deps(pkg, "enhances"), deps(pkg, "obsoletes"),
                deps(pkg, "conflicts"));
    }

    private static List<Dep> deps(JsonNode pkg, String relation) {
        JsonNode list = pkg.get(relation);
        List<Dep> deps = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(d -> deps.add(new Dep(text(d, "name"), blankToNull(text(d, "flags")),
                    evr(text(d, "epoch"), text(d, "version"), text(d, "release")))));
        }
        return deps;
    }

    /** {@code epoch:version-release}, leaving out empty parts; null without a version. */
    static String evr(String epoch, String version, String release) {
        if (isBlank(version)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        if (!isBlank(epoch)) {
            sb.append(epoch).append(':');
        }
        sb.append(version);
        if (!isBlank(release)) {
            sb.append('-').append(release);
        }
        return sb.toString();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
