package org.fedoraproject.packages.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An Atom 1.0 feed (RFC 4287) of one package's Koji builds and Bodhi updates, newest first, made from the
 * stored builds and updates documents. Entry ids are tag URIs (RFC 4151) named after the build id or the
 * update's alias, so a reader keeps one entry per build or update and sees it change (a build completing,
 * an update going stable) rather than a new one. Every text from the upstreams goes through {@link XmlText}.
 */
final class AtomFeed {
    /** One entry; {@code link} is the human page upstream (Koji's buildinfo, Bodhi's update page). */
    record Entry(String id, String category, String title, Instant updated, String link, String summary) {
    }

    /** What the feed is about: {@code tagAuthority} is the tag URI's "authority,date" part. */
    record Head(String pkg, String tagAuthority, String selfUrl, String pageUrl) {
    }

    static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::updated).reversed().thenComparing(Entry::id);

    private AtomFeed() {
    }

    /** Entries of the builds document's {@code builds}; {@code fallback}: when a build has no usable Koji link, and its time. */
    static List<Entry> builds(Head head, JsonNode data, String fallbackLink, Instant fallbackTime) {
        List<Entry> out = new ArrayList<>();
        for (JsonNode b : data.path("builds")) {
            String nvr = text(b, "nvr");
            String buildId = text(b, "buildId");
            if (nvr == null || buildId == null) {
                continue;
            }
            String state = Optional.ofNullable(text(b, "state")).map(s -> s.toLowerCase(Locale.ROOT)).orElse("unknown");
            Instant updated = PackageDocuments.instant(text(b, "completedAt"))
                    .or(() -> PackageDocuments.instant(text(b, "startedAt"))).orElse(fallbackTime);
            StringBuilder summary = new StringBuilder("Koji build ").append(nvr).append(": ").append(state);
            Optional.ofNullable(text(b, "owner")).ifPresent(o -> summary.append(", by ").append(o));
            Optional.ofNullable(text(b, "durationSeconds")).ifPresent(d -> summary.append(", ").append(d).append(" s"));
            out.add(new Entry(tag(head, "koji-build", buildId), "build", nvr + " build " + state, updated,
                    webLink(text(b, "buildUrl"), fallbackLink), summary.toString()));
        }
        return out;
    }

    /** Entries of the updates document's {@code updates}: updated is the update's latest change. */
    static List<Entry> updates(Head head, JsonNode data, String fallbackLink, Instant fallbackTime) {
        List<Entry> out = new ArrayList<>();
        for (JsonNode u : data.path("updates")) {
            String alias = text(u, "alias");
            if (alias == null) {
                continue;
            }
            Instant updated = Stream.of("dateModified", "dateStable", "dateTesting", "dateSubmitted")
                    .map(f -> PackageDocuments.instant(text(u, f))).flatMap(Optional::stream)
                    .max(Comparator.naturalOrder()).orElse(fallbackTime);
            String status = Optional.ofNullable(text(u, "status")).orElse("unknown");
            String type = Optional.ofNullable(text(u, "type")).orElse("");
            String release = text(u, "release");
            StringBuilder title = new StringBuilder(alias).append(": ");
            title.append(type.isEmpty() ? "update" : type + " update");
            if (release != null) {
                title.append(" for ").append(release);
            }
            title.append(", ").append(status);
            StringBuilder summary = new StringBuilder(Optional.ofNullable(text(u, "title")).orElse(alias));
            Optional.ofNullable(text(u, "submitter")).ifPresent(s -> summary.append("; submitted by ").append(s));
            Optional.ofNullable(text(u, "karma")).ifPresent(k -> summary.append("; karma ").append(k));
            Optional.ofNullable(text(u, "severity")).ifPresent(s -> summary.append("; severity ").append(s));
            out.add(new Entry(tag(head, "bodhi-update", alias), "update", title.toString(), updated,
                    webLink(text(u, "url"), fallbackLink), summary.toString()));
        }
        return out;
    }

    /** The feed: at most {@code max} of the entries, newest first; updated is the newest entry's, else {@code asOf}. */
    static String render(Head head, List<Entry> entries, int max, Instant asOf) {
        List<Entry> shown = entries.stream().sorted(NEWEST_FIRST).limit(max).toList();
        Instant updated = shown.isEmpty() ? asOf : shown.get(0).updated();
        StringBuilder x = new StringBuilder(1024 + shown.size() * 512);
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        element(x, "  ", "id", tag(head, "package", head.pkg()));
        element(x, "  ", "title", head.pkg() + ": Koji builds and Bodhi updates");
        element(x, "  ", "updated", updated.toString());
        x.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(XmlText.escape(head.selfUrl())).append("\"/>\n");
        x.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(XmlText.escape(head.pageUrl())).append("\"/>\n");
        x.append("  <author><name>Fedora Packages</name></author>\n");
        element(x, "  ", "generator", "Fedora Packages");
        for (Entry e : shown) {
            x.append("  <entry>\n");
            element(x, "    ", "id", e.id());
            element(x, "    ", "title", e.title());
            element(x, "    ", "updated", e.updated().toString());
            x.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(XmlText.escape(e.link())).append("\"/>\n");
            x.append("    <category term=\"").append(e.category()).append("\"/>\n");
            element(x, "    ", "summary", e.summary());
            x.append("  </entry>\n");
        }
        return x.append("</feed>\n").toString();
    }

    private static void element(StringBuilder x, String indent, String name, String text) {
        x.append(indent).append('<').append(name).append('>').append(XmlText.escape(text)).append("</").append(name).append(">\n");
    }

    /** {@code tag:<authority,date>:<kind>:<name>}; the name percent-encoded, as a tag URI's specific part allows. */
    private static String tag(Head head, String kind, String name) {
        return "tag:" + head.tagAuthority() + ":" + kind + ":" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    /** Only http(s) links from the documents: anything else (javascript:, data:) becomes the package's own page. */
    private static String webLink(String url, String fallback) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : fallback;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
