package org.fedoraproject.packages.worker.connector.mdapi;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.OverviewDocument;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.FailureChecks;
import org.fedoraproject.packages.worker.support.MdapiStubs;
import org.fedoraproject.packages.worker.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;

/** The overview connector on mdapi's real recorded answers (../shared/fixtures/real/mdapi). */
@QuarkusTest
class OverviewConnectorTest extends ConnectorTestBase {
    @Inject
    OverviewConnector connector;


    @Test
    void vimIsFoundOnTheNewestBranchThatHasItWithAllSubpackages() {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"f27\", \"rawhide\", \"epel7\", \"f28\"]"); // mdapi lists branches unordered
        MdapiStubs.real(wm, "/f28/srcpkg/vim", "mdapi/legacy-2018/f28_srcpkg_vim.json");
        MdapiStubs.real(wm, "/f28/pkg/vim-minimal", "mdapi/legacy-2018/f28_pkg_vim-minimal.json");
        MdapiStubs.real(wm, "/f28/pkg/vim-enhanced", "mdapi/legacy-2018/f28_pkg_vim-enhanced.json");
        MdapiStubs.real(wm, "/f28/pkg/vim-filesystem", "mdapi/legacy-2018/f28_pkg_vim-filesystem.json");

        FetchResult result = connector.fetch("vim").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(result.source()).endsWith("/mdapi/f28/srcpkg/vim");
        OverviewDocument o = (OverviewDocument) result.data();
        assertThat(o.name()).isEqualTo("vim");
        assertThat(o.branch()).isEqualTo("f28"); // rawhide answered 404, f28 is newer than f27
        assertThat(o.summary()).isEqualTo("The VIM version of the vi editor for the X Window System - GVim");
        assertThat(o.description()).startsWith("VIM (VIsual editor iMproved) is an updated and improved version");
        assertThat(o.url()).isEqualTo("http://www.vim.org/");
        assertThat(o.epoch()).isEqualTo("2");
        assertThat(o.version()).isEqualTo("8.0.1587");
        assertThat(o.release()).isEqualTo("1.fc28");
        assertThat(o.license()).isNull(); // mdapi does not publish licenses
        assertThat(o.subpackages()).extracting(OverviewDocument.Subpackage::name)
                .containsExactly("vim-common", "vim-minimal", "vim-enhanced", "vim-X11", "vim-filesystem");
        OverviewDocument.Subpackage minimal = o.subpackages().get(1);
        assertThat(minimal.summary()).isEqualTo("A minimal version of the VIM editor");
        assertThat(minimal.arch()).isEqualTo("x86_64");
        // sub-packages mdapi has no answer for are still listed, without a summary
        assertThat(o.subpackages().get(0).summary()).isNull();
        assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/mdapi/rawhide/srcpkg/vim")))).hasSize(1);
        assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/mdapi/f27/srcpkg/vim")))).isEmpty();
    }

    @Test
    void bodhiHasFourSubpackages() {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"f28\"]");
        MdapiStubs.real(wm, "/f28/srcpkg/bodhi", "mdapi/legacy-2018/f28_srcpkg_bodhi.json");
        MdapiStubs.real(wm, "/f28/pkg/bodhi-server", "mdapi/legacy-2018/f28_pkg_bodhi-server.json");
        MdapiStubs.real(wm, "/f28/pkg/python2-bodhi", "mdapi/legacy-2018/f28_pkg_python2-bodhi.json");

        OverviewDocument o = (OverviewDocument) connector.fetch("bodhi").await().indefinitely().data();

        assertThat(o.subpackages()).extracting(OverviewDocument.Subpackage::name)
                .containsExactly("bodhi-server", "bodhi-client", "bodhi-docs", "python2-bodhi");
        assertThat(o.subpackages().get(0).summary()).isNotBlank();
        assertThat(o.version()).isNotBlank();
        assertThat(o.url()).contains("bodhi");
    }

    @Test
    void curlFromTodaysMdapiOnRawhide() {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\", \"f43\"]");
        MdapiStubs.real(wm, "/rawhide/srcpkg/curl", "mdapi/rawhide_pkg_curl.json");
        MdapiStubs.real(wm, "/rawhide/pkg/curl", "mdapi/rawhide_pkg_curl.json");

        OverviewDocument o = (OverviewDocument) connector.fetch("curl").await().indefinitely().data();

        assertThat(o.branch()).isEqualTo("rawhide");
        assertThat(o.version()).isEqualTo("8.22.0~rc2");
        assertThat(o.release()).isEqualTo("1.fc46");
        assertThat(o.epoch()).isEqualTo("0");
        assertThat(o.url()).isEqualTo("https://curl.se/");
        assertThat(o.subpackages()).extracting(OverviewDocument.Subpackage::name)
                .containsExactly("curl", "libcurl", "libcurl-devel", "libcurl-minimal");
        assertThat(o.subpackages().get(0).summary()).isEqualTo("A utility for getting files from remote servers (FTP, HTTP, and others)");
    }

    @Test
    void epelOnlyPackageIsFoundOnEpel() {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\", \"f43\", \"epel9\", \"epel10.1\", \"epel10\"]");
        MdapiStubs.serve(wm, "/epel10.1/srcpkg/python-requre", MdapiStubs.likeCurl("python-requre", "Library for testing"));
        FetchResult result = connector.fetch("python-requre").await().indefinitely();
        assertThat(((OverviewDocument) result.data()).branch()).isEqualTo("epel10.1");
    }

    @Test
    void concurrentLookupsOfOnePackageShareOneCallAndLaterOnesAskAgain() {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\"]");
        wm.stubFor(get(urlEqualTo("/mdapi/rawhide/srcpkg/curl")).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .aResponse().withHeader("Content-Type", "application/json").withFixedDelay(300)
                .withBody(org.fedoraproject.packages.contract.testing.SharedFixtures.realText("mdapi/rawhide_pkg_curl.json"))));
        var locator = io.quarkus.arc.Arc.container().instance(PackageLocator.class).get();
        var together = io.smallrye.mutiny.Uni.join().all(locator.locate("curl"), locator.locate("curl"), locator.locate("curl"))
                .andFailFast().await().indefinitely();
        assertThat(together).allSatisfy(l -> assertThat(l).isPresent());
        var srcpkg = com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/mdapi/rawhide/srcpkg/curl"));
        assertThat(wm.findAll(srcpkg)).hasSize(1);
        locator.locate("curl").await().indefinitely();
        assertThat(wm.findAll(srcpkg)).as("nothing is kept after the lookup").hasSize(2);
    }

    @Test
    void packageNoBranchHasIsAbsentNotAnError() {
        MdapiStubs.branches(WireMockUpstreams.server(), "[\"rawhide\", \"f43\"]");
        WireMockUpstreams.server().stubFor(get(urlEqualTo("/mdapi/rawhide/srcpkg/vim")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(404)
                        .withBody(org.fedoraproject.packages.contract.testing.SharedFixtures.realText("mdapi/legacy-2018/f28_files_vim__404.txt"))));
        FetchResult result = connector.fetch("no-such-package").await().indefinitely();
        assertThat(result.status()).isEqualTo(FetchResult.Status.ABSENT);
        assertThat(result.data()).isNull();
    }

    @Test
    void failuresKeepTheLastGoodOverview() throws Exception {
        var wm = WireMockUpstreams.server();
        Runnable good = () -> {
            MdapiStubs.branches(wm, "[\"rawhide\"]");
            MdapiStubs.real(wm, "/rawhide/srcpkg/curl", "mdapi/rawhide_pkg_curl.json");
            MdapiStubs.real(wm, "/rawhide/pkg/curl", "mdapi/rawhide_pkg_curl.json");
        };
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "curl", ConnectorName.OVERVIEW, good,
                response -> wm.stubFor(get(urlEqualTo("/mdapi/rawhide/srcpkg/curl")).willReturn(response)),
                FailureChecks.commonFailures());
    }

    @Test
    void anOlderFetchNeverOverwritesANewerDocument() {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\"]");
        MdapiStubs.real(wm, "/rawhide/srcpkg/curl", "mdapi/rawhide_pkg_curl.json");
        MdapiStubs.real(wm, "/rawhide/pkg/curl", "mdapi/rawhide_pkg_curl.json");
        var store = io.quarkus.arc.Arc.container().instance(org.fedoraproject.packages.worker.store.DocumentStore.class).get();
        long older = store.nextVersion("curl", ConnectorName.OVERVIEW).await().indefinitely();
        long newer = store.nextVersion("curl", ConnectorName.OVERVIEW).await().indefinitely();
        FetchResult result = connector.fetch("curl").await().indefinitely();
        assertThat(store.write("curl", ConnectorName.OVERVIEW, newer, result).await().indefinitely()).isTrue();
        assertThat(store.write("curl", ConnectorName.OVERVIEW, older, result).await().indefinitely()).isFalse();
        assertThat(store.write("curl", ConnectorName.OVERVIEW, newer, result).await().indefinitely()).isFalse();
        String body = redis.hash(String.class).hget("pkg:{curl}:doc:overview", "body");
        assertThat(new ObjectMapper().valueToTree(body).asText()).contains("\"version\":" + newer);
    }

    @Test
    void aFailureOfALaterFetchOutlivesASuccessOfAnEarlierOne() {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\"]");
        MdapiStubs.real(wm, "/rawhide/srcpkg/curl", "mdapi/rawhide_pkg_curl.json");
        MdapiStubs.real(wm, "/rawhide/pkg/curl", "mdapi/rawhide_pkg_curl.json");
        var store = io.quarkus.arc.Arc.container().instance(org.fedoraproject.packages.worker.store.DocumentStore.class).get();
        long slow = store.nextVersion("curl", ConnectorName.OVERVIEW).await().indefinitely();
        long fast = store.nextVersion("curl", ConnectorName.OVERVIEW).await().indefinitely();
        var error = org.fedoraproject.packages.worker.connector.UpstreamException.of(
                org.fedoraproject.packages.worker.connector.UpstreamException.Kind.UNAVAILABLE, "mdapi", "circuit open", null);
        String errorField = org.fedoraproject.packages.contract.RedisLayout.MetaField.error(ConnectorName.OVERVIEW);
        // the later fetch fails at once, the earlier one succeeds afterwards
        store.recordError("curl", ConnectorName.OVERVIEW, fast, error).await().indefinitely();
        FetchResult result = connector.fetch("curl").await().indefinitely();
        assertThat(store.write("curl", ConnectorName.OVERVIEW, slow, result).await().indefinitely()).isTrue();
        assertThat(redis.hash(String.class).hget("pkg:{curl}:meta", errorField)).as("newest refresh failed").contains("circuit open");
        // an even older failure does not replace it
        store.recordError("curl", ConnectorName.OVERVIEW, slow,
                org.fedoraproject.packages.worker.connector.UpstreamException.of(
                        org.fedoraproject.packages.worker.connector.UpstreamException.Kind.TIMEOUT, "mdapi", "old", null))
                .await().indefinitely();
        assertThat(redis.hash(String.class).hget("pkg:{curl}:meta", errorField)).contains("circuit open");
        // a success of a later fetch clears it
        long next = store.nextVersion("curl", ConnectorName.OVERVIEW).await().indefinitely();
        assertThat(store.write("curl", ConnectorName.OVERVIEW, next, result).await().indefinitely()).isTrue();
        assertThat(redis.hash(String.class).hget("pkg:{curl}:meta", errorField)).isNull();
    }
}
