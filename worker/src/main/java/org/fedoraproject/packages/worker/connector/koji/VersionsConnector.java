package org.fedoraproject.packages.worker.connector.koji;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.VersionsDocument;
import org.fedoraproject.packages.contract.document.VersionsDocument.Build;
import org.fedoraproject.packages.contract.document.VersionsDocument.Release;
import org.fedoraproject.packages.worker.WorkerConfig;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.JsonBodies;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.Urls;
import org.fedoraproject.packages.worker.connector.bodhi.Bodhi;

/**
 * Which build of the package each active Fedora and EPEL release has, stable and in testing (the old
 * app's "Active Releases Overview"): Bodhi's active releases, then Koji's latest tagged build of the
 * package in each release's stable and testing tags, all tags asked in one {@code system.multicall}.
 */
@ApplicationScoped
public class VersionsConnector implements Connector {
    /** Bodhi pages of 100 releases; more than this would be a broken answer, not a real list. */
    static final int MAX_PAGES = 20;
    private static final Set<String> PREFIXES = Set.of("FEDORA", "FEDORA-EPEL");
    private static final Set<String> ACTIVE = Set.of("current", "pending", "frozen");
    private static final Pattern NUMBERED = Pattern.compile("(?:F|EPEL-|EL-)(\\d+)(?:\\.(\\d+))?");
    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?");
    /** Kept for {@code quarkus.cache.caffeine.bodhi-active-releases.expire-after-write}. */
    static final String RELEASES_CACHE = "bodhi-active-releases";

    /** A Bodhi release this connector shows. {@code testingTag} is null for Rawhide (no separate testing). */
    record ActiveRelease(String name, String longName, String branch, String state, String stableTag,
            String testingTag, boolean rawhide, boolean epel, int major, int minor) {
    }

    private enum Kind { STABLE, TESTING }

    private record Query(int release, Kind kind, String tag) {
    }

    private record Answer(Query query, Build build) {
    }

    private final Koji koji;
    private final KojiPackageIds packageIds;
    private final Bodhi bodhi;
    private final String kojiWeb;
    private final String bodhiWeb;

    public VersionsConnector(Koji koji, KojiPackageIds packageIds, Bodhi bodhi, WorkerConfig config) {
        this.koji = koji;
        this.packageIds = packageIds;
        this.bodhi = bodhi;
        this.kojiWeb = Urls.trimmed(config.links().koji());
        this.bodhiWeb = Urls.trimmed(config.links().bodhi());
    }

    @Override
    public ConnectorName name() {
        return ConnectorName.VERSIONS;
    }

    @Override
    public String upstream() {
        return Koji.UPSTREAM;
    }

    @Override
    public Uni<FetchResult> fetch(String packageName) {
        String source = bodhi.url("/releases/?state=current&state=pending&state=frozen&rows_per_page=100&page=1");
        // A name Koji does not know has no builds anywhere: one small call, and neither Bodhi nor the tags are asked.
        return packageIds.of(packageName).flatMap(id -> id.isEmpty()
                ? Uni.createFrom().item(FetchResult.absent(source))
                : activeReleases().flatMap(list -> versions(packageName, list)).map(v -> v.releases().stream()
                        .allMatch(r -> r.stable() == null && r.testing() == null)
                        ? FetchResult.absent(source) : FetchResult.ok(source, v)));
    }

    private Uni<VersionsDocument> versions(String packageName, List<ActiveRelease> list) {
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ActiveRelease r = list.get(i);
            queries.add(new Query(i, Kind.STABLE, r.stableTag()));
            if (r.testingTag() != null) {
                queries.add(new Query(i, Kind.TESTING, r.testingTag()));
            }
        }
        // One system.multicall request asks every tag. Should a release list ever hold more tags than
        // Koji.MULTICALL_MAX, it is split into requests of that many, sent one after the other.
        List<List<Query>> chunks = new ArrayList<>();
        for (int from = 0; from < queries.size(); from += Koji.MULTICALL_MAX) {
            chunks.add(queries.subList(from, Math.min(queries.size(), from + Koji.MULTICALL_MAX)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> koji
                        .listTaggedLatest(chunk.stream().map(Query::tag).toList(), packageName)
                        .map(tagged -> {
                            List<Answer> answers = new ArrayList<>(chunk.size());
                            for (int i = 0; i < chunk.size(); i++) {
                                answers.add(new Answer(chunk.get(i), newest(packageName, tagged.get(i))));
                            }
                            return answers;
                        }))
                .collect().asList()
                .map(chunkAnswers -> {
                    Map<Query, Build> found = new HashMap<>();
                    chunkAnswers.forEach(answers -> answers.forEach(a -> found.put(a.query(), a.build())));
                    List<Release> rows = new ArrayList<>(list.size());
                    for (int i = 0; i < list.size(); i++) {
                        ActiveRelease r = list.get(i);
                        Build stable = found.get(new Query(i, Kind.STABLE, r.stableTag()));
                        Build testing = r.testingTag() == null ? null : found.get(new Query(i, Kind.TESTING, r.testingTag()));
                        // The testing tag inherits the stable one: the same build there means nothing is in testing.
                        if (testing != null && stable != null && Objects.equals(testing.buildId(), stable.buildId())) {
                            testing = null;
                        }
                        rows.add(new Release(r.name(), r.longName(), r.branch(), r.state(), stable, testing));
                    }
                    return new VersionsDocument(List.copyOf(rows));
                });
    }

    /** The newest build of the package in a listTagged answer (there is one with latest=True). */
    private Build newest(String packageName, List<Map<String, Object>> tagged) {
        return tagged.stream()
                .filter(b -> isOf(packageName, b))
                .filter(b -> KojiFields.buildId(b) != null)
                .max(Comparator.comparing(KojiFields::buildId))
                .map(this::build)
                .orElse(null);
    }

    /** {@code package=} already filters on the hub; a build naming another package is never shown as this one's. */
    private static boolean isOf(String packageName, Map<String, Object> build) {
        String name = KojiFields.text(build, "package_name");
        if (name == null) {
            name = KojiFields.text(build, "name");
        }
        return name == null || name.equals(packageName);
    }

    private Build build(Map<String, Object> b) {
        Long buildId = KojiFields.buildId(b);
        String nvr = KojiFields.text(b, "nvr");
        return new Build(nvr, KojiFields.text(b, "version"), KojiFields.text(b, "release"), KojiFields.number(b, "epoch"),
                buildId, kojiWeb + "/buildinfo?buildID=" + buildId,
                nvr == null ? null : bodhiWeb + "/updates/?builds=" + URLEncoder.encode(nvr, StandardCharsets.UTF_8));
    }

    /**
     * Bodhi's active releases, shown ones only, in display order. They change a few times a year, so
     * they are cached; a failed or unusable answer is not, and concurrent refreshes share one request.
     */
    @CacheResult(cacheName = RELEASES_CACHE)
    Uni<List<ActiveRelease>> activeReleases() {
        return bodhi.activeReleases(1).flatMap(first -> {
            int pages = Math.min(Math.max(first.path("pages").asInt(1), 1), MAX_PAGES);
            return Multi.createFrom().range(2, pages + 1)
                    .onItem().transformToUniAndConcatenate(bodhi::activeReleases)
                    .collect().asList()
                    .map(rest -> {
                        List<JsonNode> all = new ArrayList<>();
                        all.addAll(releasesOf(first));
                        rest.forEach(page -> all.addAll(releasesOf(page)));
                        List<ActiveRelease> shown = select(all);
                        if (shown.isEmpty()) {
                            // Fedora always has active releases: an empty list would turn every package absent
                            throw UpstreamException.of(UpstreamException.Kind.MALFORMED, Bodhi.UPSTREAM,
                                    "no active Fedora or EPEL release in /releases/", null);
                        }
                        return shown;
                    });
        });
    }

    private static List<JsonNode> releasesOf(JsonNode page) {
        JsonNode list = page.get("releases");
        if (list == null || !list.isArray()) {
            throw UpstreamException.of(UpstreamException.Kind.MALFORMED, Bodhi.UPSTREAM,
                    "/releases/ answer has no \"releases\" array", null);
        }
        List<JsonNode> out = new ArrayList<>();
        list.forEach(out::add);
        return out;
    }

    /**
     * The releases shown, in order: Rawhide, then Fedora newest first, then EPEL newest first. Kept:
     * Fedora and EPEL ({@code id_prefix} FEDORA, FEDORA-EPEL) in an active state. Left out: containers,
     * flatpaks and EPEL Next (names ending in C, F, N; their prefixes differ too), and ELN (a rebuild
     * of Rawhide for the next RHEL, not a Fedora release anyone installs; its builds are ELN's, not
     * the package's Fedora builds).
     */
    static List<ActiveRelease> select(List<JsonNode> bodhiReleases) {
        List<ActiveRelease> out = new ArrayList<>();
        for (JsonNode r : bodhiReleases) {
            String name = JsonBodies.text(r, "name");
            String prefix = JsonBodies.text(r, "id_prefix");
            String state = JsonBodies.text(r, "state");
            String stableTag = JsonBodies.text(r, "stable_tag");
            if (name == null || stableTag == null || !PREFIXES.contains(prefix) || !ACTIVE.contains(state)
                    || name.endsWith("C") || name.endsWith("F") || name.endsWith("N") || "ELN".equalsIgnoreCase(name)
                    || "eln".equals(JsonBodies.text(r, "branch"))) {
                continue;
            }
            String branch = JsonBodies.text(r, "branch");
            boolean rawhide = "rawhide".equals(branch);
            int[] number = number(name, JsonBodies.text(r, "version"));
            out.add(new ActiveRelease(name, JsonBodies.text(r, "long_name"), branch, state, stableTag,
                    rawhide ? null : JsonBodies.text(r, "testing_tag"), rawhide, "FEDORA-EPEL".equals(prefix),
                    number[0], number[1]));
        }
        out.sort(Comparator.comparingInt((ActiveRelease r) -> r.rawhide() ? 0 : r.epel() ? 2 : 1)
                .thenComparing(Comparator.comparingInt(ActiveRelease::major).reversed())
                .thenComparing(Comparator.comparingInt(ActiveRelease::minor).reversed())
                .thenComparing(ActiveRelease::name));
        return List.copyOf(out);
    }

    private static int[] number(String name, String version) {
        Matcher m = NUMBERED.matcher(name);
        if (!m.matches() && version != null) {
            m = VERSION.matcher(version);
        }
        if (!m.matches()) {
            return new int[] {0, 0};
        }
        return new int[] {Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))};
    }

}
