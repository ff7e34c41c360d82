package org.fedoraproject.packages.worker.connector.koji;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.contract.document.VersionsDocument;
import org.fedoraproject.packages.contract.document.VersionsDocument.Build;
import org.fedoraproject.packages.contract.document.VersionsDocument.Release;
import org.fedoraproject.packages.contract.testing.SharedFixtures;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.bodhi.Bodhi;
import org.fedoraproject.packages.worker.refresh.Outcome;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.FailureChecks;
import org.fedoraproject.packages.worker.support.KojiStubs;
import org.fedoraproject.packages.worker.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;

/**
 * The versions connector on Bodhi's real release lists (../shared/fixtures/real/bodhi) and Koji's
 * recorded listTagged results (koschei's recordings, encoded as XML-RPC here and served per tag inside
 * system.multicall answers, see {@link KojiStubs#tagged}).
 */
@QuarkusTest
class VersionsConnectorTest extends ConnectorTestBase {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RELEASES_2025 = "bodhi/releases_current_pending_frozen_2025-02.json";
    private static final String RELEASES_2018 = "bodhi/releases_page1_2018-04.json";
    private static final String BACKEND = "koji/koschei_BackendTest_test_refresh_latest_builds.yml";
    private static final String WATCHER = "koji/koschei_WatcherTest_test_real_build.yml";

    @Inject
    VersionsConnector connector;


    private static MappingBuilder releasesPage(int page) {
        return get(urlPathEqualTo("/bodhi/releases/"))
                .withQueryParam("state", havingExactly("current", "pending", "frozen"))
                .withQueryParam("rows_per_page", equalTo("100"))
                .withQueryParam("page", equalTo(Integer.toString(page)));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** eclipse-4.7.3-2.fc29, as listTagged(f29-build, latest=True) returned it (koschei's recording). */
    private static Map<String, Object> eclipse473() {
        return KojiStubs.recordedTagged(BACKEND, "f29-build", "eclipse").get(0);
    }

    /** eclipse-4.4.0-10.fc22, as getBuild returned it (same struct, "id" instead of "build_id"). */
    private static Map<String, Object> eclipse440() {
        return KojiStubs.recordedJson("koji/getBuild_eclipse-4.4.0-10.fc22.json");
    }

    private static void tagged(String tag, String pkg, Map<String, Object> build) {
        KojiStubs.tagged(WireMockUpstreams.server(), tag, pkg, List.of(build));
    }

    /** Bodhi in February 2025; eclipse in Rawhide, newer in F42 testing, only in testing for EPEL 10. */
    private static void stubEclipse2025() {
        var wm = WireMockUpstreams.server();
        wm.stubFor(releasesPage(1).willReturn(json(SharedFixtures.realText(RELEASES_2025))));
        KojiStubs.packageId(wm, "eclipse", 183L);
        KojiStubs.nothingTaggedByDefault(wm);
        tagged("f43", "eclipse", eclipse473());
        tagged("f42", "eclipse", eclipse440());
        tagged("f42-updates-testing", "eclipse", eclipse473());
        tagged("f41-updates", "eclipse", eclipse473());
        tagged("f41-updates-testing", "eclipse", eclipse473()); // inherited from f41-updates: nothing in testing
        tagged("epel10.0-testing", "eclipse", eclipse440());
        // tags of releases that are not shown: answering them would show up in the matrix
        for (String tag : List.of("eln", "f43-updates-testing", "epel9-next", "epel9-next-testing", "f42-container-updates",
                "f42-flatpak-updates", "f43-container-updates", "f43-flatpak-updates", "f41-flatpak-updates")) {
            tagged(tag, "eclipse", eclipse473());
        }
    }

    private static Build eclipse473Build() {
        return new Build("eclipse-4.7.3-2.fc29", "4.7.3", "2.fc29", 1L, 1060955L,
                "https://koji.fedoraproject.org/koji/buildinfo?buildID=1060955",
                "https://bodhi.fedoraproject.org/updates/?builds=eclipse-4.7.3-2.fc29");
    }

    private static Build eclipse440Build() {
        return new Build("eclipse-4.4.0-10.fc22", "4.4.0", "10.fc22", 1L, 548392L,
                "https://koji.fedoraproject.org/koji/buildinfo?buildID=548392",
                "https://bodhi.fedoraproject.org/updates/?builds=eclipse-4.4.0-10.fc22");
    }

    @Test
    void eclipseAcrossTheReleasesBodhiHadInFebruary2025() {
        stubEclipse2025();

        FetchResult result = connector.fetch("eclipse").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(result.source()).isEqualTo("http://127.0.0.1:" + WireMockUpstreams.server().port()
                + "/bodhi/releases/?state=current&state=pending&state=frozen&rows_per_page=100&page=1");
        List<Release> releases = ((VersionsDocument) result.data()).releases();
        // Rawhide, Fedora newest first, EPEL newest first; no ELN, EPEL Next, containers or flatpaks
        assertThat(releases).containsExactly(
                new Release("F43", "Fedora 43", "rawhide", "pending", eclipse473Build(), null),
                new Release("F42", "Fedora 42", "f42", "pending", eclipse440Build(), eclipse473Build()),
                new Release("F41", "Fedora 41", "f41", "current", eclipse473Build(), null),
                new Release("F40", "Fedora 40", "f40", "current", null, null),
                new Release("EPEL-10.0", "Fedora EPEL 10.0", "epel10", "current", null, eclipse440Build()),
                new Release("EPEL-9", "Fedora EPEL 9", "epel9", "current", null, null),
                new Release("EPEL-8", "Fedora EPEL 8", "epel8", "current", null, null));
    }

    @Test
    void kojiIsAskedForTheStableAndTestingTagOfEachShownReleaseOnly() {
        stubEclipse2025();
        connector.fetch("eclipse").await().indefinitely();

        var calls = KojiStubs.calls(WireMockUpstreams.server());
        assertThat(calls.get(0).getKey()).isEqualTo("getPackageID");
        assertThat(calls.get(0).getValue()).containsExactly("eclipse");
        var listTagged = calls.subList(1, calls.size());
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("package", "eclipse");
        kwargs.put("inherit", true);
        kwargs.put("latest", true);
        kwargs.put("__starstar", true);
        assertThat(listTagged).allSatisfy(c -> {
            assertThat(c.getKey()).isEqualTo("listTagged");
            assertThat(c.getValue()).hasSize(2);
            assertThat(c.getValue().get(1)).isEqualTo(kwargs);
        });
        // Rawhide has no separate testing tag
        assertThat(listTagged).extracting(c -> c.getValue().get(0)).containsExactlyInAnyOrder(
                "f43", "f42", "f42-updates-testing", "f41-updates", "f41-updates-testing", "f40-updates",
                "f40-updates-testing", "epel10.0", "epel10.0-testing", "epel9", "epel9-testing", "epel8", "epel8-testing");
    }

    @Test
    void rnvAcrossTheReleasesBodhiHadInApril2018() {
        // The 2018 answer was for all releases (archived too, and modular ones): only active
        // Fedora and EPEL releases are shown. rnv's build is koschei's recorded listTagged answer.
        var wm = WireMockUpstreams.server();
        wm.stubFor(releasesPage(1).willReturn(json(SharedFixtures.realText(RELEASES_2018))));
        KojiStubs.packageId(wm, "rnv", 16808L);
        KojiStubs.nothingTaggedByDefault(wm);
        Map<String, Object> rnv = KojiStubs.recordedTagged(WATCHER, "f29-build", "rnv").get(0);
        tagged("f28-updates", "rnv", rnv);
        tagged("f28-updates-testing", "rnv", rnv);
        tagged("f22-updates", "rnv", rnv); // archived: never asked

        FetchResult result = connector.fetch("rnv").await().indefinitely();

        Build build = new Build("rnv-1.7.11-15.fc28", "1.7.11", "15.fc28", null, 1046486L,
                "https://koji.fedoraproject.org/koji/buildinfo?buildID=1046486",
                "https://bodhi.fedoraproject.org/updates/?builds=rnv-1.7.11-15.fc28");
        assertThat(((VersionsDocument) result.data()).releases()).containsExactly(
                new Release("F28", "Fedora 28", "f28", "pending", build, null),
                new Release("F27", "Fedora 27", "f27", "current", null, null),
                new Release("F26", "Fedora 26", "f26", "current", null, null),
                new Release("EPEL-7", "Fedora EPEL 7", "epel7", "current", null, null),
                new Release("EL-6", "Fedora EPEL 6", "el6", "current", null, null));
        assertThat(KojiStubs.calls(wm).subList(1, 11)).extracting(c -> c.getValue().get(0)).containsExactlyInAnyOrder(
                "f28-updates", "f28-updates-testing", "f27-updates", "f27-updates-testing", "f26-updates",
                "f26-updates-testing", "epel7", "epel7-testing", "dist-6E-epel", "dist-6E-epel-testing");
        assertThat(KojiStubs.calls(wm)).hasSize(11);
        assertThat(KojiStubs.requests(wm)).hasSize(2); // getPackageID, then one system.multicall
    }

    @Test
    void everyPageOfReleasesIsRead() throws Exception {
        // The 2025 answer split into two pages of Bodhi's shape
        ObjectNode all = (ObjectNode) MAPPER.readTree(SharedFixtures.realText(RELEASES_2025));
        ArrayNode releases = (ArrayNode) all.get("releases");
        ObjectNode first = all.deepCopy();
        ObjectNode second = all.deepCopy();
        ArrayNode firstList = first.putArray("releases");
        ArrayNode secondList = second.putArray("releases");
        for (int i = 0; i < releases.size(); i++) {
            (i < 9 ? firstList : secondList).add(releases.get(i));
        }
        first.put("pages", 2);
        second.put("pages", 2).put("page", 2);
        stubEclipse2025();
        var wm = WireMockUpstreams.server();
        wm.stubFor(releasesPage(1).willReturn(json(first.toString())));
        wm.stubFor(releasesPage(2).willReturn(json(second.toString())));

        List<Release> rows = ((VersionsDocument) connector.fetch("eclipse").await().indefinitely().data()).releases();

        assertThat(rows).extracting(Release::release).containsExactly("F43", "F42", "F41", "F40", "EPEL-10.0", "EPEL-9", "EPEL-8");
        assertThat(rows.get(0).stable()).isEqualTo(eclipse473Build()); // F43 came on page 2
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/bodhi/releases/")))).hasSize(2);
    }

    @Test
    void releasesAreOrderedRawhideFedoraEpelNewestFirst() throws Exception {
        // The 2025 releases plus EPEL 10.1 (as Bodhi lists it since) and an archived one
        ArrayNode releases = (ArrayNode) MAPPER.readTree(SharedFixtures.realText(RELEASES_2025)).get("releases");
        List<com.fasterxml.jackson.databind.JsonNode> input = new java.util.ArrayList<>();
        releases.forEach(input::add);
        ObjectNode epel101 = ((ObjectNode) input.get(1)).deepCopy();
        epel101.put("name", "EPEL-10.1").put("long_name", "Fedora EPEL 10.1").put("stable_tag", "epel10.1")
                .put("testing_tag", "epel10.1-testing");
        ObjectNode archived = ((ObjectNode) input.get(5)).deepCopy();
        archived.put("name", "F39").put("state", "archived");
        input.add(0, epel101);
        input.add(archived);

        List<VersionsConnector.ActiveRelease> shown = VersionsConnector.select(input);

        assertThat(shown).extracting(VersionsConnector.ActiveRelease::name)
                .containsExactly("F43", "F42", "F41", "F40", "EPEL-10.1", "EPEL-10.0", "EPEL-9", "EPEL-8");
        assertThat(shown.get(0).rawhide()).isTrue();
        assertThat(shown.get(0).testingTag()).isNull();
        // F42 (branched, not released) has its stable tag equal to its dist tag like Rawhide, and a testing tag
        assertThat(shown.get(1).rawhide()).isFalse();
        assertThat(shown.get(1).stableTag()).isEqualTo("f42");
        assertThat(shown.get(1).testingTag()).isEqualTo("f42-updates-testing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheAskedPackagesBuildIsTaken() {
        // koschei's recorded listTagged(f29-build) without package=: seven packages' latest builds
        stubEclipse2025();
        var all = (List<Map<String, Object>>) KojiStubs.recordedResult(BACKEND, "listTagged", "f29-build");
        assertThat(all).hasSize(7);
        KojiStubs.tagged(WireMockUpstreams.server(), "f43", "eclipse", all);

        List<Release> rows = ((VersionsDocument) connector.fetch("eclipse").await().indefinitely().data()).releases();

        assertThat(rows.get(0).stable()).isEqualTo(eclipse473Build());
    }

    @Test
    void aPackageKojiDoesNotKnowIsAbsentWithoutAskingAnythingElse() {
        var wm = WireMockUpstreams.server();
        KojiStubs.packageId(wm, "no-such-package", null);

        FetchResult result = connector.fetch("no-such-package").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.ABSENT);
        assertThat(result.data()).isNull();
        assertThat(KojiStubs.calls(wm)).extracting(Map.Entry::getKey).containsExactly("getPackageID");
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/bodhi/releases/")))).isEmpty();
    }

    @Test
    void aPackageInNoActiveReleaseIsAbsent() {
        // e.g. retired everywhere: Koji knows it, no active release has a build
        var wm = WireMockUpstreams.server();
        wm.stubFor(releasesPage(1).willReturn(json(SharedFixtures.realText(RELEASES_2025))));
        KojiStubs.packageId(wm, "rnv", 16808L);
        KojiStubs.nothingTaggedByDefault(wm);

        FetchResult result = connector.fetch("rnv").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.ABSENT);
        assertThat(KojiStubs.calls(wm)).hasSize(14);
        assertThat(KojiStubs.requests(wm)).hasSize(2);
    }

    @Test
    void bodhiFailuresKeepTheLastGoodVersions() throws Exception {
        var wm = WireMockUpstreams.server();
        var failures = new LinkedHashMap<String, ResponseDefinitionBuilder>();
        failures.put("server-error", FailureChecks.commonFailures().get("server-error"));
        failures.put("timeout", FailureChecks.commonFailures().get("timeout"));
        failures.put("malformed", json("{\"errors\": []}"));
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "eclipse", ConnectorName.VERSIONS,
                VersionsConnectorTest::stubEclipse2025,
                response -> wm.stubFor(releasesPage(1).willReturn(response)),
                failures);
    }

    @Test
    void aBodhiTimeoutIsRecordedAsBodhisThoughTheConnectorRunsOnKojisLane() throws Exception {
        // Bodhi's guard throws the timeout itself, outside Bodhi's calls: Bodhi still names it
        stubEclipse2025();
        var wm = WireMockUpstreams.server();
        wm.stubFor(releasesPage(1).atPriority(1).willReturn(FailureChecks.commonFailures().get("timeout")));

        assertThat(refresher.refresh("eclipse", ConnectorName.VERSIONS).await().indefinitely()).isEqualTo(Outcome.FAILED);

        JsonNode error = MAPPER.readTree(redis.hash(String.class)
                .hget(RedisLayout.meta("eclipse"), RedisLayout.MetaField.error(ConnectorName.VERSIONS)));
        assertThat(error.get("kind").asText()).isEqualTo("timeout");
        assertThat(error.get("upstream").asText()).isEqualTo(Bodhi.UPSTREAM);
    }

    @Test
    void kojiFailuresKeepTheLastGoodVersions() throws Exception {
        var wm = WireMockUpstreams.server();
        var failures = FailureChecks.commonFailures(); // server-error, timeout, malformed, unavailable
        failures.put("fault", KojiStubs.fault(1014, "database outage")); // the whole multicall faulted
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "eclipse", ConnectorName.VERSIONS,
                VersionsConnectorTest::stubEclipse2025,
                response -> wm.stubFor(KojiStubs.multicall("eclipse").atPriority(1).willReturn(response)),
                failures);
    }

    @Test
    void aMulticallAnswerThatDoesNotFitItsCallsKeepsTheLastGoodVersions() throws Exception {
        var wm = WireMockUpstreams.server();
        for (ResponseDefinitionBuilder answer : List.of(
                KojiStubs.result(List.of()), // no result for the 13 calls
                KojiStubs.multicallAnswer(Map.of("f41-updates", XmlRpc.value("eclipse"))), // neither [result] nor a fault
                KojiStubs.multicallAnswer(Map.of("f41-updates", XmlRpc.value(List.of("eclipse")))))) { // [not a build list]
            FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "eclipse", ConnectorName.VERSIONS,
                    VersionsConnectorTest::stubEclipse2025,
                    response -> wm.stubFor(KojiStubs.multicall("eclipse").atPriority(1).willReturn(response)),
                    Map.of("malformed", answer));
        }
    }

    @Test
    void oneKojiRequestPerRefreshAsksEveryTag() {
        stubEclipse2025();
        var wm = WireMockUpstreams.server();

        assertThat(refresher.refresh("eclipse", ConnectorName.VERSIONS).await().indefinitely()).isEqualTo(Outcome.WRITTEN);

        // the journal: getPackageID, then one system.multicall with the 13 listTagged calls (was 14 requests)
        assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(KojiStubs.HUB)))).hasSize(2);
        var requests = KojiStubs.requests(wm);
        assertThat(requests).extracting(Map.Entry::getKey).containsExactly("getPackageID", "system.multicall");
        assertThat(requests.get(1).getValue()).hasSize(1);
        assertThat((List<?>) requests.get(1).getValue().get(0)).hasSize(13);
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/bodhi/releases/")))).hasSize(1);
    }

    @Test
    void theActiveReleasesAreStoredForTheApiWithTheDocument() throws Exception {
        stubEclipse2025();
        assertThat(redis.value(String.class).get(RedisLayout.ACTIVE_RELEASES)).as("nothing before a versions document").isNull();

        assertThat(refresher.refresh("eclipse", ConnectorName.VERSIONS).await().indefinitely()).isEqualTo(Outcome.WRITTEN);

        JsonNode stored = MAPPER.readTree(redis.value(String.class).get(RedisLayout.ACTIVE_RELEASES));
        assertThat(stored.findValuesAsText("branch")).containsExactly("rawhide", "f42", "f41", "f40", "epel10", "epel9", "epel8");
        assertThat(stored.get(0).toString())
                .isEqualTo("{\"release\":\"F43\",\"longName\":\"Fedora 43\",\"branch\":\"rawhide\",\"state\":\"pending\"}");
    }

    @Test
    void anAbsentVersionsDocumentLeavesTheStoredReleasesAlone() {
        redis.value(String.class).set(RedisLayout.ACTIVE_RELEASES, "[{\"release\":\"F43\"}]");
        var wm = WireMockUpstreams.server();
        KojiStubs.packageId(wm, "no-such-package", null);

        assertThat(refresher.refresh("no-such-package", ConnectorName.VERSIONS).await().indefinitely()).isEqualTo(Outcome.WRITTEN);

        assertThat(redis.value(String.class).get(RedisLayout.ACTIVE_RELEASES)).isEqualTo("[{\"release\":\"F43\"}]");
    }

    @Test
    void aTagKojiDoesNotHaveShowsNoBuildThere() {
        stubEclipse2025();
        var wm = WireMockUpstreams.server();
        // today's hub and older hubs word it differently; both are GenericErrors naming the tag
        KojiStubs.taggedFault(wm, "epel10.0-testing", "eclipse", 1000, "No such tagInfo: 'epel10.0-testing'");
        KojiStubs.taggedFault(wm, "f42", "eclipse", 1000, "No such entry in table tag: f42");

        FetchResult result = connector.fetch("eclipse").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        List<Release> releases = ((VersionsDocument) result.data()).releases();
        assertThat(releases.get(1)).isEqualTo(new Release("F42", "Fedora 42", "f42", "pending", null, eclipse473Build()));
        assertThat(releases.get(4)).isEqualTo(new Release("EPEL-10.0", "Fedora EPEL 10.0", "epel10", "current", null, null));
        assertThat(releases.get(0).stable()).isEqualTo(eclipse473Build()); // the other calls' answers stand
        assertThat(releases.get(2).stable()).isEqualTo(eclipse473Build());
    }

    @Test
    void anyOtherFaultOfOneTagFailsTheRefreshAndKeepsTheLastGoodVersions() throws Exception {
        // one release's answer failing fails the document: no half-filled matrix replaces a whole one
        var wm = WireMockUpstreams.server();
        String fault = XmlRpc.value(XmlRpc.faultStruct(1000, "koji.GenericError: database is locked"));
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "eclipse", ConnectorName.VERSIONS,
                VersionsConnectorTest::stubEclipse2025,
                response -> wm.stubFor(KojiStubs.multicall("eclipse").atPriority(1).willReturn(response)),
                Map.of("fault", KojiStubs.multicallAnswer(Map.of("f42-updates-testing", fault))));

        WireMockUpstreams.server().resetAll();
        stubEclipse2025();
        KojiStubs.taggedFault(wm, "f42-updates-testing", "eclipse", 1000, "No such tagInfo: 'f41-updates-testing'");
        // a missing tag other than the one asked is not this tag's absence
        assertThatThrownBy(() -> connector.fetch("eclipse").await().indefinitely())
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.FAULT))
                .hasMessageContaining("listTagged(f42-updates-testing)")
                .hasMessageContaining("No such tagInfo: 'f41-updates-testing' (faultCode 1000)");
    }

    @Test
    void noSuchTagIsReadFromTheFaultText() {
        assertThat(Koji.isNoSuchTag(new XmlRpc.Fault(1000L, "No such tagInfo: 'f44'"), "f44")).isTrue();
        assertThat(Koji.isNoSuchTag(new XmlRpc.Fault(1000L, "koji.GenericError: No such tagInfo: 'f44'"), "f44")).isTrue();
        assertThat(Koji.isNoSuchTag(new XmlRpc.Fault(1000L, "No such entry in table tag: epel10.1-testing"), "epel10.1-testing")).isTrue();
        assertThat(Koji.isNoSuchTag(new XmlRpc.Fault(1000L, "No such tagInfo: 'f43'"), "f44")).isFalse();
        assertThat(Koji.isNoSuchTag(new XmlRpc.Fault(1000L, "No such package: 'f44'"), "f44")).isFalse();
        assertThat(Koji.isNoSuchTag(new XmlRpc.Fault(1000L, null), "f44")).isFalse();
    }

    @Test
    void aVeryLongReleaseListIsAskedInMulticallsOfFiftyCalls() throws Exception {
        // the 2025 answer plus 30 more numbered Fedora releases, each with a stable and a testing tag
        ObjectNode page = (ObjectNode) MAPPER.readTree(SharedFixtures.realText(RELEASES_2025));
        ArrayNode releases = (ArrayNode) page.get("releases");
        ObjectNode f41 = null;
        for (var r : releases) {
            if ("F41".equals(r.path("name").asText())) {
                f41 = (ObjectNode) r;
            }
        }
        assertThat(f41).isNotNull();
        for (int n = 10; n < 40; n++) {
            releases.add(f41.deepCopy().put("name", "F" + n).put("long_name", "Fedora " + n).put("version", "" + n)
                    .put("branch", "f" + n).put("stable_tag", "f" + n + "-updates").put("testing_tag", "f" + n + "-updates-testing"));
        }
        stubEclipse2025();
        var wm = WireMockUpstreams.server();
        wm.stubFor(releasesPage(1).willReturn(json(page.toString())));
        tagged("f10-updates", "eclipse", eclipse440());

        List<Release> rows = ((VersionsDocument) connector.fetch("eclipse").await().indefinitely().data()).releases();

        assertThat(rows).hasSize(37);
        assertThat(rows.get(0).stable()).isEqualTo(eclipse473Build()); // F43, in the first multicall
        assertThat(rows).filteredOn(r -> r.release().equals("F10")).singleElement()
                .extracting(Release::stable).isEqualTo(eclipse440Build()); // F10, among the last ones
        var requests = KojiStubs.requests(wm);
        assertThat(requests).extracting(Map.Entry::getKey).containsExactly("getPackageID", "system.multicall", "system.multicall");
        assertThat(requests.subList(1, 3)).extracting(r -> ((List<?>) r.getValue().get(0)).size()).containsExactly(50, 23);
        assertThat(KojiStubs.calls(wm).subList(1, 74)).extracting(c -> c.getValue().get(0)).doesNotHaveDuplicates();
    }
}
