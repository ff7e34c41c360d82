package org.fedoraproject.packages.worker.connector.mdapi;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.ChangelogDocument;
import org.fedoraproject.packages.contract.document.ChangelogDocument.Entry;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.FailureChecks;
import org.fedoraproject.packages.worker.support.MdapiStubs;
import org.fedoraproject.packages.worker.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;

/**
 * The changelog connector. mdapi's /changelog/ has no recording: the answers here are ours, in the
 * shape mdapi's sources document ({"changelogs": [{author, changelog, date}], "repo"}, date in epoch
 * seconds). Branch and sub-packages come from the real srcpkg recordings.
 */
@QuarkusTest
class ChangelogConnectorTest extends ConnectorTestBase {
    @Inject
    ChangelogConnector connector;

    /** Deliberately not in date order: the connector sorts newest first. */
    static final String CURL_CHANGELOG = """
            {"changelogs": [
              {"author": "Fedora Release Engineering <releng@fedoraproject.org> - 8.11.1-3",
               "changelog": "- Rebuilt for https://fedoraproject.org/wiki/Fedora_42_Mass_Rebuild", "date": 1737115200},
              {"author": "Jan Macku <jamacku@redhat.com> - 8.22.0~rc2-1",
               "changelog": "- new upstream release candidate\\n- drop upstreamed patches", "date": 1763942400},
              {"author": "Jan Macku <jamacku@redhat.com> 8.11.1-4",
               "changelog": "- fix CVE-2025-0167 (#2341232)", "date": 1738756800}
            ], "repo": "release"}
            """;

    static final String VIM_CHANGELOG = """
            {"changelogs": [
              {"author": "Karsten Hopp <karsten@redhat.com> 8.0.1587-1", "changelog": "- patchlevel 1587", "date": 1520942400},
              {"author": "Zdenek Dohnal <zdohnal@redhat.com> - 2:8.0.1573-1", "changelog": "- patchlevel 1573\\n- fix #1548218", "date": 1520337600},
              {"author": "Bram Moolenaar", "changelog": "- initial import", "date": 946728000},
              {"author": "Someone Else - 7.0-1", "changelog": "- old entry", "date": 946684800}
            ], "repo": "updates"}
            """;


    private static void curl() {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\", \"f43\"]");
        MdapiStubs.real(wm, "/rawhide/srcpkg/curl", "mdapi/rawhide_pkg_curl.json");
        MdapiStubs.serve(wm, "/rawhide/changelog/curl", CURL_CHANGELOG);
    }

    @Test
    void curlNewestFirstWithAuthorEmailAndVersion() {
        curl();

        FetchResult result = connector.fetch("curl").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(result.source()).endsWith("/mdapi/rawhide/changelog/curl");
        ChangelogDocument c = (ChangelogDocument) result.data();
        assertThat(c.branch()).isEqualTo("rawhide");
        assertThat(c.entries()).containsExactly(
                new Entry("2025-11-24T00:00:00Z", "Jan Macku", "jamacku@redhat.com", "8.22.0~rc2-1",
                        "- new upstream release candidate\n- drop upstreamed patches"),
                new Entry("2025-02-05T12:00:00Z", "Jan Macku", "jamacku@redhat.com", "8.11.1-4",
                        "- fix CVE-2025-0167 (#2341232)"),
                new Entry("2025-01-17T12:00:00Z", "Fedora Release Engineering", "releng@fedoraproject.org", "8.11.1-3",
                        "- Rebuilt for https://fedoraproject.org/wiki/Fedora_42_Mass_Rebuild"));
        // The sub-package named like the source package answered; the others were not asked.
        assertThat(WireMockUpstreams.server().findAll(getRequestedFor(urlEqualTo("/mdapi/rawhide/changelog/libcurl")))).isEmpty();
    }

    @Test
    void vimFromTheFirstSubpackageThatHasAChangelog() {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\", \"f28\"]");
        MdapiStubs.real(wm, "/f28/srcpkg/vim", "mdapi/legacy-2018/f28_srcpkg_vim.json");
        MdapiStubs.notFound(wm, "/f28/changelog/vim-common");
        MdapiStubs.serve(wm, "/f28/changelog/vim-minimal", VIM_CHANGELOG);
        MdapiStubs.serve(wm, "/f28/changelog/vim-enhanced", "{\"changelogs\": [], \"repo\": \"release\"}");

        FetchResult result = connector.fetch("vim").await().indefinitely();

        assertThat(result.source()).endsWith("/mdapi/f28/changelog/vim-minimal");
        ChangelogDocument c = (ChangelogDocument) result.data();
        assertThat(c.branch()).isEqualTo("f28");
        assertThat(c.entries()).containsExactly(
                new Entry("2018-03-13T12:00:00Z", "Karsten Hopp", "karsten@redhat.com", "8.0.1587-1", "- patchlevel 1587"),
                new Entry("2018-03-06T12:00:00Z", "Zdenek Dohnal", "zdohnal@redhat.com", "2:8.0.1573-1",
                        "- patchlevel 1573\n- fix #1548218"),
                new Entry("2000-01-01T12:00:00Z", "Bram Moolenaar", null, null, "- initial import"),
                new Entry("2000-01-01T00:00:00Z", "Someone Else", null, "7.0-1", "- old entry"));
        assertThat(wm.findAll(getRequestedFor(urlEqualTo("/mdapi/f28/changelog/vim-enhanced")))).isEmpty();
    }

    @Test
    void authorLinesAreSplitLikeTheOldApp() {
        assertThat(ChangelogConnector.author("Kamil Dudka <kdudka@redhat.com> - 7.59.0-3"))
                .isEqualTo(new ChangelogConnector.Author("Kamil Dudka", "kdudka@redhat.com", "7.59.0-3"));
        assertThat(ChangelogConnector.author("Kamil Dudka <kdudka@redhat.com>-7.59.0-3"))
                .isEqualTo(new ChangelogConnector.Author("Kamil Dudka", "kdudka@redhat.com", "7.59.0-3"));
        assertThat(ChangelogConnector.author("Kamil Dudka <kdudka@redhat.com>"))
                .isEqualTo(new ChangelogConnector.Author("Kamil Dudka", "kdudka@redhat.com", null));
        assertThat(ChangelogConnector.author("Tom \"spot\" Callaway <spot at fedoraproject dot org> - 1.0-1"))
                .isEqualTo(new ChangelogConnector.Author("Tom \"spot\" Callaway", "spot at fedoraproject dot org", "1.0-1"));
        assertThat(ChangelogConnector.author("  ")).isEqualTo(new ChangelogConnector.Author(null, null, null));
    }

    @Test
    void anEmptyChangelogFromTodaysMdapi() {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\"]");
        MdapiStubs.real(wm, "/rawhide/srcpkg/curl", "mdapi/rawhide_pkg_curl.json");
        // Go's encoder writes a nil slice as null
        MdapiStubs.serve(wm, "/rawhide/changelog/curl", "{\"repo\": \"release\", \"changelogs\": null}");
        ChangelogDocument c = (ChangelogDocument) connector.fetch("curl").await().indefinitely().data();
        assertThat(c.entries()).isEmpty();
    }

    @Test
    void aPackageNoBranchHasIsAbsent() {
        MdapiStubs.branches(WireMockUpstreams.server(), "[\"rawhide\"]");
        FetchResult result = connector.fetch("no-such-package").await().indefinitely();
        assertThat(result.status()).isEqualTo(FetchResult.Status.ABSENT);
    }

    @Test
    void failuresKeepTheLastGoodDocument() throws Exception {
        var wm = WireMockUpstreams.server();
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "curl", ConnectorName.CHANGELOG,
                ChangelogConnectorTest::curl,
                response -> wm.stubFor(get(urlEqualTo("/mdapi/rawhide/changelog/curl")).willReturn(response)),
                FailureChecks.commonFailures());
    }
}
