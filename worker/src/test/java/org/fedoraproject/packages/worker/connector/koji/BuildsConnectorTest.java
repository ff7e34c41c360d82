package org.fedoraproject.packages.worker.connector.koji;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.BuildsDocument;
import org.fedoraproject.packages.contract.document.BuildsDocument.Build;
import org.fedoraproject.packages.contract.testing.SharedFixtures;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.FailureChecks;
import org.fedoraproject.packages.worker.support.KojiStubs;
import org.fedoraproject.packages.worker.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;

/** The builds connector on Koji's real answers (../shared/fixtures/real/koji), over real XML-RPC. */
@QuarkusTest
class BuildsConnectorTest extends ConnectorTestBase {
    private static final String LISTBUILDS_REQURE = "koji/listBuilds_python-requre_complete_response.xml";
    private static final long REQURE_ID = 31141; // package_id in the recording

    @Inject
    BuildsConnector connector;


    private static void stubRequre() {
        var wm = WireMockUpstreams.server();
        KojiStubs.packageId(wm, "python-requre", REQURE_ID);
        wm.stubFor(KojiStubs.listBuilds(REQURE_ID).willReturn(KojiStubs.xml(SharedFixtures.realText(LISTBUILDS_REQURE))));
    }

    @Test
    void pythonRequreFromFedorasHubNewestFirst() {
        stubRequre();

        FetchResult result = connector.fetch("python-requre").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(result.source()).isEqualTo("http://127.0.0.1:" + WireMockUpstreams.server().port() + "/koji/kojihub");
        List<Build> builds = ((BuildsDocument) result.data()).builds();
        assertThat(builds).hasSize(30);
        // the recording is in the hub's id order of another query; the document is newest first
        assertThat(builds).extracting(Build::buildId).containsExactly(1800343L, 1774104L, 1774103L, 1774102L, 1773654L,
                1773653L, 1770278L, 1766249L, 1761838L, 1744986L, 1744972L, 1744958L, 1744950L, 1722633L, 1722632L,
                1722626L, 1722615L, 1717063L, 1717062L, 1717061L, 1717056L, 1710597L, 1710581L, 1710567L, 1691011L,
                1672056L, 1672055L, 1614242L, 1614200L, 1614194L);
        assertThat(builds).extracting(Build::state).containsOnly("COMPLETE");
        assertThat(builds).extracting(Build::owner).containsOnly("churchyard", "jpopelka", "jscotka", "lachmanfrantisek",
                "releng", "sgallagh");

        Build newest = builds.get(0);
        assertThat(newest).isEqualTo(new Build(1800343L, "python-requre-0.8.1-3.fc35", "0.8.1", "3.fc35", null, "COMPLETE",
                "releng", "2021-07-23T09:16:32Z", "2021-07-23T09:18:22Z", 110L, 72480390L,
                "https://koji.fedoraproject.org/koji/taskinfo?taskID=72480390",
                "https://koji.fedoraproject.org/koji/buildinfo?buildID=1800343"));
        assertThat(builds.get(1)).isEqualTo(new Build(1774104L, "python-requre-0.8.1-2.fc33", "0.8.1", "2.fc33", null,
                "COMPLETE", "lachmanfrantisek", "2021-06-20T12:15:01Z", "2021-06-20T12:16:17Z", 75L, 70483437L,
                "https://koji.fedoraproject.org/koji/taskinfo?taskID=70483437",
                "https://koji.fedoraproject.org/koji/buildinfo?buildID=1774104"));
        Build eln = builds.get(7);
        assertThat(eln.nvr()).isEqualTo("python-requre-0.8.0-2.eln111");
        assertThat(eln.owner()).isEqualTo("sgallagh");
        assertThat(builds.get(29)).isEqualTo(new Build(1614194L, "python-requre-0.4.0-1.fc31", "0.4.0", "1.fc31", null,
                "COMPLETE", "jscotka", "2020-09-22T08:11:16Z", "2020-09-22T08:12:22Z", 65L, 52003693L,
                "https://koji.fedoraproject.org/koji/taskinfo?taskID=52003693",
                "https://koji.fedoraproject.org/koji/buildinfo?buildID=1614194"));
    }

    @Test
    void theHubReceivesTheDocumentedXmlRpcCalls() {
        stubRequre();
        connector.fetch("python-requre").await().indefinitely();

        var wm = WireMockUpstreams.server();
        wm.findAll(postRequestedFor(urlPathEqualTo(KojiStubs.HUB))).forEach(r ->
                assertThat(r.getHeader("Content-Type")).startsWith("text/xml"));
        var calls = KojiStubs.calls(wm);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).getKey()).isEqualTo("getPackageID");
        assertThat(calls.get(0).getValue()).containsExactly("python-requre");
        assertThat(calls.get(1).getKey()).isEqualTo("listBuilds");
        Map<String, Object> queryOpts = new LinkedHashMap<>();
        queryOpts.put("order", "-build_id");
        queryOpts.put("limit", 50L);
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("packageID", REQURE_ID);
        kwargs.put("queryOpts", queryOpts);
        kwargs.put("__starstar", true);
        assertThat(calls.get(1).getValue()).containsExactly(kwargs);
    }

    @Test
    void eclipseFromKoschieRecordingsOfOlderHubs() {
        // Two real eclipse builds as two Koji versions described them: listTagged's struct (times as
        // text without a zone, start_time present) and getBuild's (epoch times, "id", no start time).
        Map<String, Object> tagged = KojiStubs.recordedTagged("koji/koschei_BackendTest_test_refresh_latest_builds.yml",
                "f29-build", "eclipse").get(0);
        Map<String, Object> getBuild = KojiStubs.recordedJson("koji/getBuild_eclipse-4.4.0-10.fc22.json");
        var wm = WireMockUpstreams.server();
        KojiStubs.packageId(wm, "eclipse", 183L);
        wm.stubFor(KojiStubs.listBuilds(183).willReturn(KojiStubs.result(List.of(getBuild, tagged))));

        FetchResult result = connector.fetch("eclipse").await().indefinitely();

        List<Build> builds = ((BuildsDocument) result.data()).builds();
        assertThat(builds).containsExactly(
                new Build(1060955L, "eclipse-4.7.3-2.fc29", "4.7.3", "2.fc29", 1L, "COMPLETE", "mbooth",
                        "2018-03-21T14:39:38Z", "2018-03-21T18:25:29Z", 13550L, 25859902L,
                        "https://koji.fedoraproject.org/koji/taskinfo?taskID=25859902",
                        "https://koji.fedoraproject.org/koji/buildinfo?buildID=1060955"),
                new Build(548392L, "eclipse-4.4.0-10.fc22", "4.4.0", "10.fc22", 1L, "COMPLETE", "rgrunber",
                        null, "2014-07-29T04:46:31Z", null, 7204016L,
                        "https://koji.fedoraproject.org/koji/taskinfo?taskID=7204016",
                        "https://koji.fedoraproject.org/koji/buildinfo?buildID=548392"));
    }

    @Test
    void statesAreKojisNames() {
        // Builds in each state, as real buildsys.build.state.change messages described them; DELETED (2)
        // has no recording: the COMPLETE build with its state changed. Unknown numbers give no name.
        List<Map<String, Object>> builds = List.of(
                build(12345, "eclipse-ptp-6.0.3-1.fc19", 0, "ralph", 4642),
                build(612324, "ansible-1.8.3-1.el7", 1, "kevin", 8973154),
                build(612325, "ansible-1.8.3-1.el7", 2, "kevin", 8973154),
                build(288888, "64tass-1.51.727-1.fc22", 3, "sharkcz", 1739950),
                build(614503, "plasma-systemsettings-5.2.1-1.fc23", 4, "dvratil", 9053697),
                build(700000, "unknown-1-1.fc40", 9, "nobody", 1));
        var wm = WireMockUpstreams.server();
        KojiStubs.packageId(wm, "mixed", 1L);
        wm.stubFor(KojiStubs.listBuilds(1).willReturn(KojiStubs.result(builds)));

        List<Build> out = ((BuildsDocument) connector.fetch("mixed").await().indefinitely().data()).builds();

        assertThat(out).extracting(Build::nvr, Build::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("unknown-1-1.fc40", null),
                org.assertj.core.groups.Tuple.tuple("plasma-systemsettings-5.2.1-1.fc23", "CANCELED"),
                org.assertj.core.groups.Tuple.tuple("ansible-1.8.3-1.el7", "DELETED"),
                org.assertj.core.groups.Tuple.tuple("ansible-1.8.3-1.el7", "COMPLETE"),
                org.assertj.core.groups.Tuple.tuple("64tass-1.51.727-1.fc22", "FAILED"),
                org.assertj.core.groups.Tuple.tuple("eclipse-ptp-6.0.3-1.fc19", "BUILDING"));
        // a build still running has no completion time and no duration
        Build building = out.get(5);
        assertThat(building.completedAt()).isNull();
        assertThat(building.durationSeconds()).isNull();
        assertThat(building.startedAt()).isEqualTo("2013-01-31T03:59:32Z");
    }

    private static Map<String, Object> build(long id, String nvr, int state, String owner, long task) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("build_id", id);
        b.put("nvr", nvr);
        b.put("state", state);
        b.put("owner_name", owner);
        b.put("task_id", task);
        b.put("epoch", null);
        b.put("start_ts", 1359604772.178867); // the BUILDING message's timestamp
        b.put("completion_ts", state == 0 ? null : 1359604872.5);
        return b;
    }

    @Test
    void aPackageKojiDoesNotKnowIsAbsentNotAnError() {
        var wm = WireMockUpstreams.server();
        KojiStubs.packageId(wm, "no-such-package", null);

        FetchResult result = connector.fetch("no-such-package").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.ABSENT);
        assertThat(result.data()).isNull();
        assertThat(KojiStubs.calls(wm)).extracting(Map.Entry::getKey).containsExactly("getPackageID");
    }

    @Test
    void aPackageWithoutBuildsHasAnEmptyList() {
        var wm = WireMockUpstreams.server();
        KojiStubs.packageId(wm, "new-package", 99L);
        wm.stubFor(KojiStubs.listBuilds(99).willReturn(KojiStubs.result(List.of())));
        FetchResult result = connector.fetch("new-package").await().indefinitely();
        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(((BuildsDocument) result.data()).builds()).isEmpty();
    }

    @Test
    void failuresKeepTheLastGoodBuilds() throws Exception {
        var wm = WireMockUpstreams.server();
        var failures = FailureChecks.commonFailures();
        failures.put("fault", KojiStubs.fault(1000, "koji.GenericError: invalid queryOpts"));
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "python-requre", ConnectorName.BUILDS,
                BuildsConnectorTest::stubRequre,
                response -> wm.stubFor(KojiStubs.listBuilds(REQURE_ID).willReturn(response)),
                failures);
    }

    @Test
    void failuresOfTheFirstCallToo() throws Exception {
        var wm = WireMockUpstreams.server();
        var failures = new LinkedHashMap<String, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder>();
        failures.put("server-error", FailureChecks.commonFailures().get("server-error"));
        failures.put("fault", KojiStubs.fault(1014, "database outage"));
        failures.put("malformed", KojiStubs.result("31141")); // a string where an int or nil belongs
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "python-requre", ConnectorName.BUILDS,
                BuildsConnectorTest::stubRequre,
                response -> wm.stubFor(KojiStubs.getPackageID("python-requre").willReturn(response)),
                failures);
    }
}
