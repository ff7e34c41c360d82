package org.fedoraproject.packages.worker.connector.bugzilla;

import static org.fedoraproject.packages.worker.connector.JsonBodies.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.BugsDocument;
import org.fedoraproject.packages.contract.document.BugsDocument.Bug;
import org.fedoraproject.packages.worker.WorkerConfig;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.Urls;
import org.fedoraproject.packages.worker.connector.UtcTimes;

/**
 * The open bugs of the package's component in the Fedora and Fedora EPEL products, from one Bugzilla
 * REST search (at most {@value Bugzilla#LIMIT} bugs; {@code total} is Bugzilla's
 * {@code total_matches} when it sends one, otherwise the number of bugs listed).
 *
 * <p>Order, as the old app's bugs tab: by status in the workflow order NEW, ASSIGNED, POST, MODIFIED,
 * ON_DEV, ON_QA, VERIFIED, RELEASE_PENDING (any other status after them), then the most recently
 * changed first, then the highest id. {@code byStatus} counts the listed bugs per status, in the same
 * order, with only the statuses that occur.
 *
 * <p>Shapes: Red Hat Bugzilla sends {@code component} and {@code version} as lists (a bug can be
 * filed against several versions, e.g. {@code ["rawhide"]}); upstream Bugzilla sends scalars. Both
 * become one string, list items joined with {@code ", "}. Anonymous searches give {@code assigned_to}
 * as Bugzilla shows it to anonymous users (the real name, or the login without the domain), which is
 * kept as it is. A component without open bugs is {@code ok} with an empty list: Bugzilla cannot tell
 * an unknown component from one without open bugs, so this connector is never absent.
 *
 * <p>Shape from docs for the search answer as a whole (no recording of a Red Hat Bugzilla search for
 * Fedora exists): https://bugzilla.readthedocs.io/en/latest/api/core/v1/bug.html#search-bugs; the bug
 * objects are those of the real Red Hat Bugzilla {@code /rest/bug/<id>} answer.
 */
@ApplicationScoped
public class BugsConnector implements Connector {
    /** Workflow order of the statuses; lastChange is ISO-8601 UTC, so it sorts as text. */
    static final Comparator<Bug> ORDER = Comparator
            .comparingInt((Bug b) -> statusRank(b.status()))
            .thenComparing(Bug::lastChange, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Comparator.comparingLong(Bug::id).reversed());

    private final Bugzilla bugzilla;
    private final String webBase;

    public BugsConnector(Bugzilla bugzilla, WorkerConfig config) {
        this.bugzilla = bugzilla;
        this.webBase = Urls.trimmed(config.links().bugzilla());
    }

    @Override
    public ConnectorName name() {
        return ConnectorName.BUGS;
    }

    @Override
    public String upstream() {
        return Bugzilla.UPSTREAM;
    }

    @Override
    public Uni<FetchResult> fetch(String packageName) {
        return bugzilla.openBugs(packageName)
                .map(answer -> FetchResult.ok(bugzilla.searchUrl(packageName), bugs(answer)));
    }

    private BugsDocument bugs(JsonNode answer) {
        JsonNode list = answer.get("bugs");
        if (list == null || !list.isArray()) {
            throw UpstreamException.of(UpstreamException.Kind.MALFORMED, Bugzilla.UPSTREAM, "no bugs list", null);
        }
        List<Bug> bugs = new ArrayList<>();
        list.forEach(b -> bugs.add(bug(b)));
        bugs.sort(ORDER);
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        bugs.forEach(b -> byStatus.merge(b.status(), 1, Integer::sum));
        JsonNode total = answer.get("total_matches");
        return new BugsDocument(total != null && total.canConvertToLong() ? total.asLong() : bugs.size(), byStatus, bugs);
    }

    private Bug bug(JsonNode b) {
        JsonNode id = b.get("id");
        if (id == null || !id.canConvertToLong()) {
            throw UpstreamException.of(UpstreamException.Kind.MALFORMED, Bugzilla.UPSTREAM, "bug without id", null);
        }
        List<String> keywords = new ArrayList<>();
        b.path("keywords").forEach(k -> keywords.add(k.asText()));
        return new Bug(id.asLong(), text(b, "summary"), text(b, "status"), text(b, "severity"), text(b, "priority"),
                text(b, "assigned_to"), joined(b.get("product")), joined(b.get("version")), joined(b.get("component")),
                UtcTimes.iso(Bugzilla.UPSTREAM, text(b, "last_change_time")),
                UtcTimes.iso(Bugzilla.UPSTREAM, text(b, "creation_time")),
                keywords, webBase + "/show_bug.cgi?id=" + id.asLong());
    }

    /** A scalar as text, a list as its items joined with ", ", missing or empty as null. */
    static String joined(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            return value.asText();
        }
        List<String> items = new ArrayList<>();
        value.forEach(v -> items.add(v.asText()));
        return items.isEmpty() ? null : String.join(", ", items);
    }

    static int statusRank(String status) {
        int i = Bugzilla.OPEN_STATUSES.indexOf(status);
        return i < 0 ? Bugzilla.OPEN_STATUSES.size() : i;
    }
}
