package org.fedoraproject.packages.worker.connector.mdapi;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.FilesDocument;
import org.fedoraproject.packages.contract.document.FilesDocument.Subpackage;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.FailureChecks;
import org.fedoraproject.packages.worker.support.MdapiStubs;
import org.fedoraproject.packages.worker.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;

/** The files connector on mdapi's real /files/ recordings (f28: vim, bodhi, firefox). */
@QuarkusTest
class FilesConnectorTest extends ConnectorTestBase {
    @Inject
    FilesConnector connector;


    @Test
    void vimEnhancedAndVimCommonFieldByField() {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\", \"f28\"]");
        MdapiStubs.real(wm, "/f28/srcpkg/vim", "mdapi/legacy-2018/f28_srcpkg_vim.json");
        MdapiStubs.real(wm, "/f28/files/vim-common", "mdapi/legacy-2018/f28_files_vim-common.json");
        MdapiStubs.real(wm, "/f28/files/vim-enhanced", "mdapi/legacy-2018/f28_files_vim-enhanced.json");
        MdapiStubs.notFound(wm, "/f28/files/vim-minimal");
        MdapiStubs.notFound(wm, "/f28/files/vim-X11");
        MdapiStubs.notFound(wm, "/f28/files/vim-filesystem");

        FetchResult result = connector.fetch("vim").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(result.source()).endsWith("/mdapi/f28/srcpkg/vim");
        FilesDocument f = (FilesDocument) result.data();
        assertThat(f.branch()).isEqualTo("f28");
        // Sub-packages without a file list (mdapi 404) are left out; mdapi's order is kept.
        assertThat(f.subpackages()).extracting(Subpackage::name).containsExactly("vim-common", "vim-enhanced");
        assertThat(f.subpackages().get(1).files()).containsExactly(
                "/etc/profile.d/vim.csh",
                "/etc/profile.d/vim.sh",
                "/usr/bin/rvim",
                "/usr/bin/vim",
                "/usr/bin/vimdiff",
                "/usr/bin/vimtutor",
                "/usr/lib/.build-id/",
                "/usr/lib/.build-id/bc/",
                "/usr/lib/.build-id/bc/3092ec1c7ccd1162ab74f5cb677722303c0b69");
        List<String> common = f.subpackages().get(0).files();
        assertThat(common).hasSize(1833).isSorted().doesNotHaveDuplicates();
        assertThat(common.get(0)).isEqualTo("/etc/vimrc");
        assertThat(common).contains("/usr/bin/xxd", "/usr/share/vim/", "/usr/share/doc/vim-common/",
                "/usr/share/vim/vim80/syntax/2html.vim", "/usr/share/vim/vimfiles/template.spec");
        assertThat(common.get(common.size() - 1)).isEqualTo("/usr/share/vim/vimfiles/template.spec");
        assertThat(common).filteredOn(p -> p.endsWith("/")).allSatisfy(p -> assertThat(p).doesNotEndWith("//"));
    }

    @Test
    void bodhiServerAndFirefoxWithGhostFiles() {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"f28\"]");
        MdapiStubs.real(wm, "/f28/srcpkg/bodhi", "mdapi/legacy-2018/f28_srcpkg_bodhi.json");
        MdapiStubs.real(wm, "/f28/files/bodhi-server", "mdapi/legacy-2018/f28_files_bodhi-server.json");
        MdapiStubs.real(wm, "/f28/srcpkg/firefox", "mdapi/legacy-2018/f28_srcpkg_firefox.json");
        MdapiStubs.real(wm, "/f28/files/firefox", "mdapi/legacy-2018/f28_files_firefox.json");

        FilesDocument bodhi = (FilesDocument) connector.fetch("bodhi").await().indefinitely().data();
        assertThat(bodhi.subpackages()).extracting(Subpackage::name).containsExactly("bodhi-server");
        List<String> server = bodhi.subpackages().get(0).files();
        assertThat(server).hasSize(536).isSorted();
        assertThat(server.subList(0, 3)).containsExactly("/etc/bodhi/", "/etc/bodhi/alembic.ini", "/etc/bodhi/production.ini");
        assertThat(server).endsWith("/usr/share/man/man1/initialize_bodhi_db.1.gz", "/var/cache/bodhi/");
        assertThat(server).contains("/usr/lib/python2.7/site-packages/bodhi/server/locale/.placeholder",
                "/usr/lib/python2.7/site-packages/bodhi/server/migrations/versions/06aa0e8aa5d2_drop_the_update_karma_column.py");

        FilesDocument firefox = (FilesDocument) connector.fetch("firefox").await().indefinitely().data();
        assertThat(firefox.subpackages()).extracting(Subpackage::name).containsExactly("firefox");
        List<String> files = firefox.subpackages().get(0).files();
        assertThat(files).hasSize(209).isSorted();
        assertThat(files.subList(0, 3)).containsExactly("/etc/firefox/", "/etc/firefox/pref/", "/usr/bin/firefox");
        // filetype g (ghost: owned, not shipped) is listed like a file
        assertThat(files).contains("/usr/lib64/firefox/browser/features/aushelper@mozilla.org.xpi",
                "/usr/lib64/firefox/browser/features/activity-stream@mozilla.org.xpi");
        assertThat(files).last().isEqualTo("/usr/share/mozilla/extensions/{ec8030f7-c20a-464f-9b0e-13a3a9e97384}/");
    }

    @Test
    void aSourceNameWithoutFileListGivesNoSubpackages() throws Exception {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"f28\"]");
        // An srcpkg answer without co-packages: the source name itself is asked, and mdapi has no /files/vim.
        var srcpkg = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(
                org.fedoraproject.packages.contract.testing.SharedFixtures.realText("mdapi/legacy-2018/f28_srcpkg_vim.json"));
        srcpkg.remove("co-packages");
        MdapiStubs.serve(wm, "/f28/srcpkg/vim", srcpkg.toString());
        MdapiStubs.notFound(wm, "/f28/files/vim");

        FetchResult result = connector.fetch("vim").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(((FilesDocument) result.data()).subpackages()).isEmpty();
        assertThat(wm.findAll(getRequestedFor(urlEqualTo("/mdapi/f28/files/vim")))).hasSize(1);
    }

    @Test
    void everyBranchThatHasThePackageGetsItsOwnDocumentReplacedWhole() throws Exception {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"f28\", \"epel9\", \"rawhide\"]");
        var srcpkg = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(
                org.fedoraproject.packages.contract.testing.SharedFixtures.realText("mdapi/legacy-2018/f28_srcpkg_firefox.json"));
        for (String branch : List.of("rawhide", "f28")) {
            MdapiStubs.serve(wm, "/" + branch + "/srcpkg/firefox", srcpkg.toString());
            MdapiStubs.serve(wm, "/" + branch + "/files/firefox",
                    "{\"files\":[{\"dirname\":\"/usr/bin\",\"filenames\":\"firefox-" + branch + "\",\"filetypes\":\"f\"}]}");
        }
        MdapiStubs.notFound(wm, "/epel9/srcpkg/firefox");

        FetchResult result = connector.fetch("firefox").await().indefinitely();

        // Rawhide first (display order, not mdapi's), and every branch's own files
        assertThat(result.branches()).containsOnlyKeys("rawhide", "f28");
        assertThat(List.copyOf(result.branches().keySet())).containsExactly("rawhide", "f28");
        FilesDocument rawhide = (FilesDocument) result.data();
        assertThat(rawhide.branch()).isEqualTo("rawhide");
        assertThat(rawhide.branches()).containsExactly("rawhide", "f28");
        assertThat(rawhide.subpackages().get(0).files()).containsExactly("/usr/bin/firefox-rawhide");
        FilesDocument f28 = (FilesDocument) result.branches().get("f28").data();
        assertThat(f28.branch()).isEqualTo("f28");
        assertThat(f28.subpackages().get(0).files()).containsExactly("/usr/bin/firefox-f28");
        assertThat(result.branches().get("f28").source()).endsWith("/mdapi/f28/srcpkg/firefox");

        // stored: the default under body, each branch under body@<branch>
        assertThat(refresher.refresh("firefox", ConnectorName.FILES).await().indefinitely())
                .isEqualTo(org.fedoraproject.packages.worker.refresh.Outcome.WRITTEN);
        var hash = redis.hash(String.class);
        String key = org.fedoraproject.packages.contract.RedisLayout.document("firefox", ConnectorName.FILES);
        assertThat(hash.hkeys(key)).containsExactlyInAnyOrder("v", "body", "body@rawhide", "body@f28");
        var stored = new ObjectMapper().readTree(hash.hget(key, "body@f28"));
        assertThat(stored.path("data").path("branch").asText()).isEqualTo("f28");
        assertThat(stored.path("version").asLong()).isEqualTo(Long.parseLong(hash.hget(key, "v")));
        assertThat(new ObjectMapper().readTree(hash.hget(key, "body")).path("data").path("branch").asText()).isEqualTo("rawhide");

        // the package leaves f28: its branch field goes with the next refresh
        MdapiStubs.notFound(wm, "/f28/srcpkg/firefox");
        assertThat(refresher.refresh("firefox", ConnectorName.FILES).await().indefinitely())
                .isEqualTo(org.fedoraproject.packages.worker.refresh.Outcome.WRITTEN);
        assertThat(hash.hkeys(key)).containsExactlyInAnyOrder("v", "body", "body@rawhide");
    }

    @Test
    void aPackageNoBranchHasIsAbsent() {
        MdapiStubs.branches(WireMockUpstreams.server(), "[\"rawhide\"]");
        MdapiStubs.notFound(WireMockUpstreams.server(), "/rawhide/srcpkg/no-such-package");
        FetchResult result = connector.fetch("no-such-package").await().indefinitely();
        assertThat(result.status()).isEqualTo(FetchResult.Status.ABSENT);
    }

    @Test
    void failuresKeepTheLastGoodDocument() throws Exception {
        var wm = WireMockUpstreams.server();
        Runnable good = () -> {
            MdapiStubs.branches(wm, "[\"f28\"]");
            MdapiStubs.real(wm, "/f28/srcpkg/firefox", "mdapi/legacy-2018/f28_srcpkg_firefox.json");
            MdapiStubs.real(wm, "/f28/files/firefox", "mdapi/legacy-2018/f28_files_firefox.json");
        };
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "firefox", ConnectorName.FILES, good,
                response -> wm.stubFor(get(urlEqualTo("/mdapi/f28/files/firefox")).willReturn(response)),
                FailureChecks.commonFailures());
    }
}
