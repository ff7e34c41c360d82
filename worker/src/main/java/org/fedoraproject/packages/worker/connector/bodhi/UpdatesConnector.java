package org.fedoraproject.packages.worker.connector.bodhi;

import static org.fedoraproject.packages.worker.connector.JsonBodies.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.UpdatesDocument;
import org.fedoraproject.packages.contract.document.UpdatesDocument.Update;
import org.fedoraproject.packages.worker.WorkerConfig;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.Urls;
import org.fedoraproject.packages.worker.connector.UtcTimes;

/**
 * The package's Bodhi updates: the newest {@value #ROWS} (one call, {@code total} says how many
 * exist), in Bodhi's order (newest submitted first).
 *
 * <p>Absent: Bodhi has never had an update of the package (it rejects the name with a 400
 * "Invalid packages specified", see {@link Bodhi#updates}). A package Bodhi knows but with no updates
 * left is {@code ok} with {@code total: 0} and an empty list. Bodhi's times are UTC without a zone
 * ({@code 2021-08-13 07:55:29}) and are normalised to ISO-8601 UTC. Links go to
 * {@code fp.links.bodhi}{@code /updates/<alias>}; an update without an alias (pre-2016) keeps
 * Bodhi's own {@code url}.
 */
@ApplicationScoped
public class UpdatesConnector implements Connector {
    static final int ROWS = 50;

    private final Bodhi bodhi;
    private final String webBase;

    public UpdatesConnector(Bodhi bodhi, WorkerConfig config) {
        this.bodhi = bodhi;
        this.webBase = Urls.trimmed(config.links().bodhi());
    }

    @Override
    public ConnectorName name() {
        return ConnectorName.UPDATES;
    }

    @Override
    public String upstream() {
        return Bodhi.UPSTREAM;
    }

    @Override
    public Uni<FetchResult> fetch(String packageName) {
        String source = bodhi.url("/updates/?packages=" + URLEncoder.encode(packageName, StandardCharsets.UTF_8)
                + "&rows_per_page=" + ROWS + "&page=1");
        return bodhi.updates(packageName, ROWS).map(answer -> answer
                .map(page -> FetchResult.ok(source, updates(page)))
                .orElseGet(() -> FetchResult.absent(source)));
    }

    private UpdatesDocument updates(JsonNode page) {
        JsonNode list = page.get("updates");
        if (list == null || !list.isArray()) {
            throw UpstreamException.of(UpstreamException.Kind.MALFORMED, Bodhi.UPSTREAM, "no updates list", null);
        }
        List<Update> updates = new ArrayList<>();
        list.forEach(u -> updates.add(update(u)));
        JsonNode total = page.get("total");
        return new UpdatesDocument(total != null && total.canConvertToLong() ? total.asLong() : updates.size(), updates);
    }

    private Update update(JsonNode u) {
        String alias = text(u, "alias");
        List<String> builds = new ArrayList<>();
        u.path("builds").forEach(b -> builds.add(text(b, "nvr")));
        JsonNode karma = u.get("karma");
        return new Update(alias, text(u, "title"), text(u.get("release"), "name"), text(u, "status"),
                text(u, "type"), text(u, "severity"), karma != null && karma.isNumber() ? karma.asInt() : null,
                text(u.get("user"), "name"),
                time(u, "date_submitted"), time(u, "date_testing"), time(u, "date_stable"), time(u, "date_modified"),
                builds, alias != null ? webBase + "/updates/" + alias : text(u, "url"));
    }

    private static String time(JsonNode u, String field) {
        return UtcTimes.iso(Bodhi.UPSTREAM, text(u, field));
    }
}
