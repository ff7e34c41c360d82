package org.fedoraproject.packages.worker.connector.mdapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.DependenciesDocument;
import org.fedoraproject.packages.contract.document.DependenciesDocument.Dep;
import org.fedoraproject.packages.contract.document.DependenciesDocument.Subpackage;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.refresh.Outcome;
import org.fedoraproject.packages.worker.refresh.Refresher;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.FailureChecks;
import org.fedoraproject.packages.worker.support.MdapiStubs;
import org.fedoraproject.packages.worker.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;

/**
 * The dependencies connector on mdapi's real /pkg/ recordings (today's rawhide curl, f28 vim).
 * Reverse lookups have no recording: their answers are ours, in mdapi's documented shape.
 */
@QuarkusTest
class DependenciesConnectorTest extends ConnectorTestBase {
    @Inject
    DependenciesConnector connector;


    private static void curl() {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\", \"f43\"]");
        MdapiStubs.real(wm, "/rawhide/srcpkg/curl", "mdapi/rawhide_pkg_curl.json");
        MdapiStubs.real(wm, "/rawhide/pkg/curl", "mdapi/rawhide_pkg_curl.json");
    }

    @Test
    void curlOnRawhideFieldByField() {
        var wm = WireMockUpstreams.server();
        curl();
        // Reverse lookups: git-core and wget2 require curl, libcurl is one of curl's own sub-packages.
        MdapiStubs.serve(wm, "/rawhide/requires/curl", MdapiStubs.packageList("wget2", "libcurl", "git-core"));
        MdapiStubs.serve(wm, "/rawhide/requires/libcurl", MdapiStubs.packageList("curl", "git-core", "cmake"));
        MdapiStubs.serve(wm, "/rawhide/recommends/curl", "[]");
        MdapiStubs.serve(wm, "/rawhide/recommends/libcurl-minimal", MdapiStubs.packageList("dnf5"));
        // libcurl, libcurl-devel, libcurl-minimal: no /pkg/ answer here (WireMock's 404).

        FetchResult result = connector.fetch("curl").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(result.source()).endsWith("/mdapi/rawhide/srcpkg/curl");
        DependenciesDocument d = (DependenciesDocument) result.data();
        assertThat(d.branch()).isEqualTo("rawhide");
        assertThat(d.subpackages()).extracting(Subpackage::name).containsExactly("curl");
        Subpackage curl = d.subpackages().get(0);
        assertThat(curl.requires()).containsExactly(
                new Dep("libcurl(x86-64)", "GE", "0:8.22.0~rc2-1.fc46"),
                new Dep("libcurl.so.4()(64bit)", null, null),
                new Dep("rtld(GNU_HASH)", null, null),
                new Dep("libc.so.6(GLIBC_2.43)(64bit)", null, null));
        assertThat(curl.provides()).containsExactly(
                new Dep("curl", "EQ", "0:8.22.0~rc2-1.fc46"),
                new Dep("curl(x86-64)", "EQ", "0:8.22.0~rc2-1.fc46"),
                new Dep("curl-full", "EQ", "0:8.22.0~rc2-1.fc46"),
                new Dep("curl-minimal", "EQ", "0:8.22.0~rc2-1.fc46"),
                new Dep("webclient", null, null));
        assertThat(curl.recommends()).containsExactly(new Dep("wcurl", null, null));
        assertThat(curl.obsoletes()).containsExactly(new Dep("curl-minimal", "LT", "0:8.6.0-4"));
        assertThat(curl.conflicts()).isEmpty();
        assertThat(curl.suggests()).isEmpty();
        assertThat(curl.supplements()).isEmpty();
        assertThat(curl.enhances()).isEmpty();
        // Sorted, de-duplicated, without curl's own sub-packages.
        assertThat(d.requiredBy()).containsExactly("cmake", "git-core", "wget2");
        assertThat(d.recommendedBy()).containsExactly("dnf5");
        // Every sub-package was looked up, both ways.
        for (String sub : List.of("curl", "libcurl", "libcurl-devel", "libcurl-minimal")) {
            assertThat(wm.findAll(getRequestedFor(urlEqualTo("/mdapi/rawhide/pkg/" + sub)))).hasSize(1);
            assertThat(wm.findAll(getRequestedFor(urlEqualTo("/mdapi/rawhide/requires/" + sub)))).hasSize(1);
            assertThat(wm.findAll(getRequestedFor(urlEqualTo("/mdapi/rawhide/recommends/" + sub)))).hasSize(1);
        }
        assertThat(wm.findAll(getRequestedFor(urlMatching("/mdapi/rawhide/what.*")))).isEmpty();
    }

    @Test
    void vimOnF28WithItsSubpackages() {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"f27\", \"rawhide\", \"f28\"]");
        MdapiStubs.real(wm, "/f28/srcpkg/vim", "mdapi/legacy-2018/f28_srcpkg_vim.json");
        MdapiStubs.real(wm, "/f28/pkg/vim-minimal", "mdapi/legacy-2018/f28_pkg_vim-minimal.json");
        MdapiStubs.real(wm, "/f28/pkg/vim-enhanced", "mdapi/legacy-2018/f28_pkg_vim-enhanced.json");
        MdapiStubs.real(wm, "/f28/pkg/vim-filesystem", "mdapi/legacy-2018/f28_pkg_vim-filesystem.json");
        MdapiStubs.notFound(wm, "/f28/pkg/vim-common");
        MdapiStubs.notFound(wm, "/f28/pkg/vim-X11");
        MdapiStubs.serve(wm, "/f28/requires/vim-filesystem",
                MdapiStubs.packageList("vim-common", "vim-fugitive", "vim-airline"));
        MdapiStubs.serve(wm, "/f28/requires/vim-common", MdapiStubs.packageList("vim-enhanced", "vim-X11"));
        MdapiStubs.notFound(wm, "/f28/requires/vim-minimal");
        MdapiStubs.serve(wm, "/f28/recommends/vim-enhanced", MdapiStubs.packageList("vim-default-editor"));
        // mdapi 3 named the source package in basename: "vim" itself is left out as well.
        MdapiStubs.serve(wm, "/f28/recommends/vim-filesystem", MdapiStubs.packageList("vim"));

        DependenciesDocument d = (DependenciesDocument) connector.fetch("vim").await().indefinitely().data();

        assertThat(d.branch()).isEqualTo("f28");
        // mdapi's order of co-packages; vim-common and vim-X11 have no /pkg/ answer and are left out.
        assertThat(d.subpackages()).extracting(Subpackage::name)
                .containsExactly("vim-minimal", "vim-enhanced", "vim-filesystem");
        Subpackage minimal = d.subpackages().get(0);
        assertThat(minimal.requires()).extracting(Dep::name).containsExactly("libacl.so.1()(64bit)",
                "libacl.so.1(ACL_1.0)(64bit)", "libselinux.so.1()(64bit)", "libtinfo.so.6()(64bit)",
                "rtld(GNU_HASH)", "libc.so.6(GLIBC_2.15)(64bit)");
        assertThat(minimal.requires()).allSatisfy(dep -> {
            assertThat(dep.flags()).isNull(); // 2018's mdapi sent JSON nulls
            assertThat(dep.version()).isNull();
        });
        assertThat(minimal.provides()).containsExactly(
                new Dep("/usr/bin/vi", null, null),
                new Dep("config(vim-minimal)", "EQ", "2:8.0.1587-1.fc28"),
                new Dep("vi", "EQ", "0:8.0.1587-1.fc28"),
                new Dep("vim-minimal", "EQ", "2:8.0.1587-1.fc28"),
                new Dep("vim-minimal(x86-64)", "EQ", "2:8.0.1587-1.fc28"));
        Subpackage enhanced = d.subpackages().get(1);
        assertThat(enhanced.requires()).hasSize(17);
        assertThat(enhanced.requires().get(0)).isEqualTo(new Dep("/bin/sh", null, null));
        assertThat(enhanced.requires()).contains(new Dep("vim-common", "EQ", "2:8.0.1587-1.fc28"),
                new Dep("which", null, null), new Dep("perl(:MODULE_COMPAT_5.26.1)", null, null));
        assertThat(enhanced.provides()).containsExactly(
                new Dep("/usr/bin/mergetool", null, null),
                new Dep("/usr/bin/vim", null, null),
                new Dep("config(vim-enhanced)", "EQ", "2:8.0.1587-1.fc28"),
                new Dep("vim", "EQ", "0:8.0.1587-1.fc28"),
                new Dep("vim-enhanced", "EQ", "2:8.0.1587-1.fc28"),
                new Dep("vim-enhanced(x86-64)", "EQ", "2:8.0.1587-1.fc28"));
        assertThat(enhanced.recommends()).isEmpty();
        assertThat(enhanced.obsoletes()).isEmpty();
        Subpackage filesystem = d.subpackages().get(2);
        assertThat(filesystem.requires()).isEmpty();
        assertThat(filesystem.provides()).containsExactly(new Dep("vim-filesystem", "EQ", "2:8.0.1587-1.fc28"));
        assertThat(d.requiredBy()).containsExactly("vim-airline", "vim-fugitive");
        assertThat(d.recommendedBy()).containsExactly("vim-default-editor");
    }

    @Test
    void theStoredDocumentSpellsOutNulls() throws Exception {
        curl();
        assertThat(refresher.refresh("curl", ConnectorName.DEPENDENCIES).await().indefinitely())
                .isEqualTo(Outcome.WRITTEN);
        String body = redis.hash(String.class).hget(org.fedoraproject.packages.contract.RedisLayout.document("curl",
                ConnectorName.DEPENDENCIES), org.fedoraproject.packages.contract.RedisLayout.DOC_BODY);
        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("data");
        assertThat(data.get("subpackages").get(0).get("requires").get(1).toString())
                .isEqualTo("{\"name\":\"libcurl.so.4()(64bit)\",\"flags\":null,\"version\":null}");
        assertThat(data.get("requiredBy").isArray()).isTrue();
        assertThat(data.get("recommendedBy").isArray()).isTrue();
    }

    @Test
    void versionsLeaveOutEmptyParts() {
        assertThat(DependenciesConnector.evr("2", "8.0", "1.fc28")).isEqualTo("2:8.0-1.fc28");
        assertThat(DependenciesConnector.evr("", "8.0", "")).isEqualTo("8.0");
        assertThat(DependenciesConnector.evr(null, "8.0", "3")).isEqualTo("8.0-3");
        assertThat(DependenciesConnector.evr("1", "", "")).isNull();
        assertThat(DependenciesConnector.evr(null, null, null)).isNull();
    }

    @Test
    void aPackageNoBranchHasIsAbsent() {
        MdapiStubs.branches(WireMockUpstreams.server(), "[\"rawhide\", \"f43\"]");
        FetchResult result = connector.fetch("no-such-package").await().indefinitely();
        assertThat(result.status()).isEqualTo(FetchResult.Status.ABSENT);
        assertThat(result.data()).isNull();
    }

    @Test
    void aReverseLookupThatIsNotAListIsMalformed() {
        curl();
        MdapiStubs.serve(WireMockUpstreams.server(), "/rawhide/requires/curl", "{\"error\": \"?\"}");
        assertThat(refresher.refresh("curl", ConnectorName.DEPENDENCIES).await().indefinitely())
                .isEqualTo(Outcome.FAILED);
    }

    @Test
    void failuresKeepTheLastGoodDocument() throws Exception {
        var wm = WireMockUpstreams.server();
        Runnable good = () -> {
            curl();
            MdapiStubs.serve(wm, "/rawhide/requires/curl", MdapiStubs.packageList("git-core"));
        };
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "curl", ConnectorName.DEPENDENCIES, good,
                response -> wm.stubFor(get(urlEqualTo("/mdapi/rawhide/pkg/curl")).willReturn(response)),
                FailureChecks.commonFailures());
        // A failing reverse lookup fails the refresh as well, rather than storing a short list.
        wm.resetAll();
        good.run();
        wm.stubFor(get(urlEqualTo("/mdapi/rawhide/requires/curl")).willReturn(aResponse().withStatus(503)));
        assertThat(refresher.refresh("curl", ConnectorName.DEPENDENCIES).await().indefinitely())
                .isEqualTo(Outcome.FAILED);
    }
}
