package org.fedoraproject.packages.worker.connector.mdapi;

import static org.fedoraproject.packages.worker.connector.JsonBodies.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.ChangelogDocument;
import org.fedoraproject.packages.contract.document.ChangelogDocument.Entry;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.UpstreamException;

/**
 * The RPM changelog of a package, from mdapi {@code /{branch}/changelog/{sub}}.
 *
 * <p>Shape from docs and sources, there is no recording: {@code {"repo": "release", "changelogs":
 * [{"author": "Name <email> - 1.2-3", "changelog": "- text", "date": 1520985600}]}} with {@code date} in
 * epoch seconds (fedora-infra/mdapi: {@code mdapi/services/apimodel.py} {@code ChangeLog.to_json},
 * {@code metasource/models/dict/othr.go} {@code UnitOther}, {@code metasource/routes/othr.go}; today's
 * server may send {@code "changelogs": null} for an empty changelog).
 *
 * <p>All sub-packages of a source package carry the same changelog (it comes from the spec file), so
 * one answer is enough: the sub-package named like the source package is asked first, then the others
 * in mdapi's order, until one answers 200. The author string is split like the old fedora-packages app
 * did ({@code (.*)\W*<(.*)>\W*-?\W*(.*)}): name, e-mail, and the version-release that follows. Kept per
 * branch: every branch that has the package gets its own changelog.
 */
@ApplicationScoped
public class ChangelogConnector implements Connector {
    /** {@code Name <email> - 1.2-3}, {@code Name <email> 1.2-3}, {@code Name <email>}. */
    private static final Pattern WITH_EMAIL = Pattern.compile("^(.*?)\\s*<([^>]*)>\\s*(?:-\\s*)?(.*)$", Pattern.DOTALL);
    /** {@code Name - 1.2-3} (no e-mail). */
    private static final Pattern WITHOUT_EMAIL = Pattern.compile("^(.*?)\\s+-\\s+(\\S+)\\s*$");

    private final Mdapi mdapi;
    private final PackageLocator locator;

    public ChangelogConnector(Mdapi mdapi, PackageLocator locator) {
        this.mdapi = mdapi;
        this.locator = locator;
    }

    @Override
    public ConnectorName name() {
        return ConnectorName.CHANGELOG;
    }

    @Override
    public int callsPerRefresh() {
        return 2 * PackageLocator.TYPICAL_BRANCHES; // per branch: located, then the changelog
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
        List<String> candidates = new ArrayList<>(located.subpackages());
        if (candidates.remove(packageName)) {
            candidates.add(0, packageName);
        }
        return firstAnswer(located, branches, candidates, 0);
    }

    private Uni<FetchResult> firstAnswer(PackageLocator.Located located, List<String> branches, List<String> candidates,
            int index) {
        if (index >= candidates.size()) {
            // The package is on the branch but no sub-package has a changelog there: an empty changelog.
            return Uni.createFrom().item(FetchResult.ok(located.source(), new ChangelogDocument(located.branch(), branches, List.of())));
        }
        String sub = candidates.get(index);
        return mdapi.changelog(located.branch(), sub).flatMap(answer -> answer.isPresent()
                ? Uni.createFrom().item(FetchResult.ok(mdapi.url("/" + located.branch() + "/changelog/" + sub),
                        new ChangelogDocument(located.branch(), branches, entries(answer.get()))))
                : firstAnswer(located, branches, candidates, index + 1));
    }

    static List<Entry> entries(JsonNode answer) {
        JsonNode list = answer.get("changelogs");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw UpstreamException.of(UpstreamException.Kind.MALFORMED, Mdapi.UPSTREAM,
                    "changelogs is " + list.getNodeType() + ", not an array", null);
        }
        List<Entry> entries = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (JsonNode item : list) {
            JsonNode date = item.get("date");
            long seconds = date == null || date.isNull() ? 0 : date.asLong();
            Author a = author(text(item, "author"));
            entries.add(new Entry(date == null || date.isNull() ? null : Instant.ofEpochSecond(seconds).toString(),
                    a.name(), a.email(), a.version(), text(item, "changelog")));
            times.add(seconds);
        }
        // Newest first; a stable sort keeps mdapi's order for entries of the same day.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> times.get(i)).reversed());
        return order.stream().map(entries::get).toList();
    }

    /** The parts of an RPM changelog author line. */
    record Author(String name, String email, String version) {
    }

    static Author author(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Author(null, null, null);
        }
        String s = raw.strip();
        Matcher m = WITH_EMAIL.matcher(s);
        if (m.matches()) {
            return new Author(emptyToNull(m.group(1)), emptyToNull(m.group(2)), emptyToNull(m.group(3)));
        }
        Matcher n = WITHOUT_EMAIL.matcher(s);
        if (n.matches()) {
            return new Author(emptyToNull(n.group(1)), null, emptyToNull(n.group(2)));
        }
        return new Author(s, null, null);
    }

    private static String emptyToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
