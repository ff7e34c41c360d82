package org.fedoraproject.packages.worker.connector.anitya;

import static org.fedoraproject.packages.worker.connector.JsonBodies.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RpmVersion;
import org.fedoraproject.packages.contract.document.UpstreamDocument;
import org.fedoraproject.packages.worker.WorkerConfig;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.Urls;
import org.fedoraproject.packages.worker.connector.mdapi.Mdapi;

/**
 * The upstream project Anitya (release-monitoring.org) maps the package to, its latest and latest
 * stable versions, and whether Rawhide is behind.
 *
 * <p>Calls: Anitya v2 {@code /api/v2/packages/?name=<name>&distribution=Fedora} (the main call; no
 * item → absent), then together: Anitya v2 {@code /api/v2/projects/?name=<project>&ecosystem=<ecosystem>}
 * for the project's id (its page is {@code fp.links.anitya}{@code /project/<id>}), and mdapi
 * {@code /rawhide/srcpkg/<name>} for Rawhide's version.
 *
 * <ul>
 * <li>{@code latestVersion}, {@code stableVersion}: the package item's {@code version} and
 * {@code stable_version} (Anitya ≥ 1.7); when an older Anitya leaves them out, the project's
 * {@code version} and first {@code stable_versions} entry.</li>
 * <li>{@code projectUrl}: when the projects call answers 404 or has no such project (it always has on
 * the real Anitya, where a package mapping cannot exist without its project), Anitya's exact-name
 * search {@code /projects/search/?pattern=<project>&exact=1}, which redirects to the project page.</li>
 * <li>{@code rawhideVersion}: mdapi's {@code version}; null when Rawhide does not have the package
 * (404, e.g. an EPEL-only package). Any other mdapi failure fails the document, like an Anitya
 * failure: a document without Rawhide's version would tell users "unknown" where the last good one
 * knew, so the last good one stays.</li>
 * <li>{@code outdated}: Rawhide's version is older than {@code stableVersion} by {@link RpmVersion}
 * (epoch and release play no part: upstream has neither); null when either is unknown.</li>
 * </ul>
 *
 * <p>Shape from docs (no recording of a positive Anitya v2 answer exists): the API documentation of
 * {@code GET /api/v2/packages/} and {@code GET /api/v2/projects/}, i.e. the {@code PackagesResource}
 * and {@code ProjectsResource} docstrings in github.com/fedora-infra/anitya {@code anitya/api_v2.py}
 * (package items with {@code version}/{@code stable_version}; project items with {@code id},
 * {@code version}, {@code stable_versions}); a project item is the same {@code Project.__json__} that
 * real {@code anitya.project.version.update.v2} messages carry.
 */
@ApplicationScoped
public class UpstreamConnector implements Connector {
    private final Anitya anitya;
    private final Mdapi mdapi;
    private final String webBase;

    public UpstreamConnector(Anitya anitya, Mdapi mdapi, WorkerConfig config) {
        this.anitya = anitya;
        this.mdapi = mdapi;
        this.webBase = Urls.trimmed(config.links().anitya());
    }

    @Override
    public ConnectorName name() {
        return ConnectorName.UPSTREAM;
    }

    @Override
    public int callsPerRefresh() {
        return 3; // two Anitya lookups and Rawhide's version from mdapi
    }

    @Override
    public String upstream() {
        return Anitya.UPSTREAM;
    }

    @Override
    public Uni<FetchResult> fetch(String packageName) {
        String source = anitya.packagesUrl(packageName);
        return anitya.fedoraPackage(packageName).flatMap(page -> mapping(page, packageName)
                .map(item -> describe(packageName, item).map(doc -> FetchResult.ok(source, doc)))
                .orElseGet(() -> Uni.createFrom().item(FetchResult.absent(source))));
    }

    /** The Fedora mapping of exactly this package name (Anitya matches names case-insensitively). */
    private static Optional<JsonNode> mapping(JsonNode page, String packageName) {
        JsonNode items = page.get("items");
        if (items == null || !items.isArray()) {
            throw UpstreamException.of(UpstreamException.Kind.MALFORMED, Anitya.UPSTREAM, "no items list", null);
        }
        JsonNode first = null;
        for (JsonNode item : items) {
            if (packageName.equals(text(item, "name"))) {
                return Optional.of(item);
            }
            if (first == null) {
                first = item;
            }
        }
        return Optional.ofNullable(first);
    }

    private Uni<UpstreamDocument> describe(String packageName, JsonNode item) {
        String project = text(item, "project");
        String ecosystem = text(item, "ecosystem");
        Uni<Optional<JsonNode>> projects = project == null ? Uni.createFrom().item(Optional.empty())
                : anitya.project(project, ecosystem);
        return Uni.combine().all().unis(projects, mdapi.srcpkg("rawhide", packageName)).asTuple().map(both -> {
            Optional<JsonNode> found = both.getItem1().flatMap(p -> projectNamed(p, project, ecosystem));
            String latest = text(item, "version");
            String stable = text(item, "stable_version");
            if (found.isPresent()) {
                if (latest == null) {
                    latest = text(found.get(), "version");
                }
                if (stable == null && found.get().path("stable_versions").size() > 0) {
                    stable = found.get().path("stable_versions").get(0).asText();
                }
            }
            String rawhide = both.getItem2().map(src -> text(src, "version")).orElse(null);
            Boolean outdated = rawhide == null || stable == null ? null : RpmVersion.compare(rawhide, stable) < 0;
            String url = found.map(p -> text(p, "id")).map(id -> webBase + "/project/" + id)
                    .orElseGet(() -> project == null ? null : webBase + "/projects/search/?pattern="
                            + URLEncoder.encode(project, StandardCharsets.UTF_8) + "&exact=1");
            return new UpstreamDocument(project, url, ecosystem, latest, stable, rawhide, outdated);
        });
    }

    private static Optional<JsonNode> projectNamed(JsonNode page, String project, String ecosystem) {
        for (JsonNode p : page.path("items")) {
            if (project.equalsIgnoreCase(text(p, "name"))
                    && (ecosystem == null || ecosystem.equalsIgnoreCase(text(p, "ecosystem")))
                    && text(p, "id") != null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
