package org.fedoraproject.packages.worker.connector.koschei;

import static org.fedoraproject.packages.worker.connector.JsonBodies.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.CiDocument;
import org.fedoraproject.packages.contract.document.CiDocument.Collection;
import org.fedoraproject.packages.worker.WorkerConfig;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.Urls;
import org.fedoraproject.packages.worker.connector.UtcTimes;
import org.fedoraproject.packages.worker.connector.mdapi.BranchOrder;

/**
 * Koschei's verdict on the package: in each collection (Fedora release) that tracks it, whether it
 * still builds against the current dependencies ({@code state}: Koschei's own word, {@code ok},
 * {@code failing}, {@code unresolved}, {@code blocked}, {@code untracked}, passed through as is) and
 * its last complete scratch build.
 *
 * <p>{@code []} (Koschei does not track the package) → absent. Collections are listed newest first
 * (Rawhide's collection has the highest number). {@code lastBuildAt}: the build's
 * {@code time_finished}, else {@code time_started}; Koschei stores them in UTC and PostgreSQL renders
 * them without a zone ({@code 2026-11-19T00:55:55.801540}), normalised to ISO-8601 UTC.
 * {@code taskUrl}: {@code fp.links.koji}{@code /taskinfo?taskID=<id>}; the package page is
 * {@code fp.links.koschei}{@code /package/<name>}.
 *
 * <p>Shape from docs (no recording of a Koschei API answer exists): the docstring of
 * {@code GET /api/v1/packages} in github.com/fedora-infra/koschei {@code koschei/frontend/api.py}
 * ({@code [{"name", "collection", "state", "last_complete_build": {"task_id", "time_started",
 * "time_finished", "epoch", "version", "release"}}]}, {@code last_complete_build} null when there is
 * none).
 */
@ApplicationScoped
public class CiConnector implements Connector {
    private final Koschei koschei;
    private final String koscheiWeb;
    private final String kojiWeb;

    public CiConnector(Koschei koschei, WorkerConfig config) {
        this.koschei = koschei;
        this.koscheiWeb = Urls.trimmed(config.links().koschei());
        this.kojiWeb = Urls.trimmed(config.links().koji());
    }

    @Override
    public ConnectorName name() {
        return ConnectorName.CI;
    }

    @Override
    public String upstream() {
        return Koschei.UPSTREAM;
    }

    @Override
    public Uni<FetchResult> fetch(String packageName) {
        String source = koschei.packagesUrl(packageName);
        return koschei.packages(packageName).map(answer -> {
            if (!answer.isArray()) {
                throw UpstreamException.of(UpstreamException.Kind.MALFORMED, Koschei.UPSTREAM, "not a list", null);
            }
            List<Collection> collections = new ArrayList<>();
            for (JsonNode p : answer) {
                if (packageName.equals(text(p, "name"))) {
                    collections.add(collection(p));
                }
            }
            if (collections.isEmpty()) {
                return FetchResult.absent(source);
            }
            List<String> order = BranchOrder.sort(collections.stream().map(Collection::collection).toList());
            collections.sort(Comparator.comparingInt((Collection c) -> order.indexOf(c.collection())));
            return FetchResult.ok(source, new CiDocument(
                    koscheiWeb + "/package/" + URLEncoder.encode(packageName, StandardCharsets.UTF_8), collections));
        });
    }

    private Collection collection(JsonNode p) {
        JsonNode build = p.get("last_complete_build");
        Long taskId = null;
        String at = null;
        if (build != null && build.isObject()) {
            JsonNode id = build.get("task_id");
            taskId = id != null && id.canConvertToLong() ? id.asLong() : null;
            String finished = text(build, "time_finished");
            at = UtcTimes.iso(Koschei.UPSTREAM, finished != null ? finished : text(build, "time_started"));
        }
        return new Collection(text(p, "collection"), text(p, "state"), taskId, at,
                taskId == null ? null : kojiWeb + "/taskinfo?taskID=" + taskId);
    }

}
