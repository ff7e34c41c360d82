package org.fedoraproject.packages.worker.connector.pagure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.SourcesDocument;
import org.fedoraproject.packages.contract.document.SourcesDocument.Commit;
import org.fedoraproject.packages.contract.document.SourcesDocument.Lookaside;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.refresh.Outcome;
import org.fedoraproject.packages.worker.refresh.Refresher;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.FailureChecks;
import org.fedoraproject.packages.worker.support.PagureStubs;
import org.fedoraproject.packages.worker.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;

/**
 * The sources connector. Real recordings: the python-requre project and its branch list (the plain
 * form, without commits). Branches with commits, commit info, the spec and the sources file have no
 * recording: those answers are ours, in the shapes Pagure's API documentation gives
 * ({@code pagure/api/project.py}: api_git_branches, api_commit_info).
 */
@QuarkusTest
class SourcesConnectorTest extends ConnectorTestBase {
    @Inject
    SourcesConnector connector;

    static final String REQURE_SPEC = """
            %global srcname requre

            Name:           python-%{srcname}
            Version:        0.8.6
            Release:        %autorelease
            Summary:        Python library for storing and replaying responses
            License:        MIT
            URL:            https://github.com/packit/%{srcname}
            Source0:        %{pypi_source %{srcname}}
            Source1:        https://raw.githubusercontent.com/packit/%{srcname}/%{version}/README.md
            # Fix the tests with the newest pytest
            Patch0:         0001-tests-pytest-8.patch
            Patch:          https://github.com/packit/requre/pull/321.patch#/requre-pr321.patch
            BuildArch:      noarch

            %description
            Library for storing output of various function and methods to files
            and reading them back. Source1: in a description is not a source.

            %package -n python3-%{srcname}
            Summary:        %{summary}

            %description -n python3-%{srcname}
            %{summary}.

            %prep
            %autosetup -n %{srcname}-%{version} -p1

            %files -n python3-%{srcname}
            %license LICENSE
            %doc README.md

            %changelog
            %autochangelog
            """;

    static final String REQURE_SOURCES = "SHA512 (requre-0.8.6.tar.gz) = "
            + "8b1a9953c4611296a827abf8c47804d7e6c49c6b9e9d1e4c3a0e6c2f5b1f8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3\n";

    static final String VIM_SPEC = """
            %define baseversion 8.0
            %define patchlevel 1587
            Summary: The VIM editor
            URL:     http://www.vim.org/
            Name: vim
            Version: %{baseversion}.%{patchlevel}
            Release: 1%{?dist}
            License: Vim and MIT
            Source0: http://ftp.vim.org/pub/vim/unix/vim-%{baseversion}-%{patchlevel}.tar.bz2
            Source1: vim.sh
            Source2: vim.csh
            source3 : gvim.desktop
            Patch2002: vim-7.0-fixkeys.patch
            Patch2003: vim-7.4-specsyntax.patch
            Patch3000: vim-7.4-syntax.patch
            Patch3016: vim-8.0-copy-paste.patch
            %patchlist
            vim-8.0-rhbz1365258.patch
            %if 0%{?fedora}
            vim-8.0-fedora-only.patch
            %endif

            %description
            VIM (VIsual editor iMproved).

            %changelog
            * Tue Mar 13 2018 Karsten Hopp <karsten@redhat.com> 8.0.1587-1
            - patchlevel 1587
            Patch9: not-a-patch.patch
            """;

    static final String VIM_SOURCES = """
            3c2a1f2b9a7e6d5c4b3a29181706f5e4  vim-8.0-1587.tar.bz2
            this line is not a checksum line
            """;


    private static void requre(boolean withCommits) {
        var wm = WireMockUpstreams.server();
        PagureStubs.real(wm, "/api/0/rpms/python-requre", "pagure/api0_rpms_python-requre.json");
        if (withCommits) {
            PagureStubs.json(wm, "/api/0/rpms/python-requre/git/branches?with_commits=true", """
                    {"total_branches": 15,
                     "default": {"rawhide": "1e8fa8c1d4b7a1bd4a1c0ab7e1e1b0f5d9d1c001"},
                     "branches": {"f30": "0000000000000000000000000000000000000f30",
                                  "f31": "0000000000000000000000000000000000000f31",
                                  "f32": "0000000000000000000000000000000000000f32",
                                  "f33": "0000000000000000000000000000000000000f33",
                                  "f34": "0000000000000000000000000000000000000f34",
                                  "f35": "0000000000000000000000000000000000000f35",
                                  "f36": "0000000000000000000000000000000000000f36",
                                  "f37": "0000000000000000000000000000000000000f37",
                                  "f38": "0000000000000000000000000000000000000f38",
                                  "f39": "0000000000000000000000000000000000000f39",
                                  "f40": "0000000000000000000000000000000000000f40",
                                  "f41": "5b0f2d3e4a6c7e8f90a1b2c3d4e5f60718293a4b",
                                  "f42": "9a8b7c6d5e4f30211203f4e5d6c7b8a998877665",
                                  "main": "1e8fa8c1d4b7a1bd4a1c0ab7e1e1b0f5d9d1c001",
                                  "rawhide": "1e8fa8c1d4b7a1bd4a1c0ab7e1e1b0f5d9d1c001"}}
                    """);
            commit(wm, "python-requre", "1e8fa8c1d4b7a1bd4a1c0ab7e1e1b0f5d9d1c001", "Matej Focko",
                    "Update to 0.8.6 (rhbz#2290345)\\n\\nSigned-off-by: Matej Focko", 1727334763);
            commit(wm, "python-requre", "9a8b7c6d5e4f30211203f4e5d6c7b8a998877665", "Matej Focko",
                    "Update to 0.8.6", 1727334000);
            commit(wm, "python-requre", "5b0f2d3e4a6c7e8f90a1b2c3d4e5f60718293a4b", "Fedora Release Engineering",
                    "Rebuilt for https://fedoraproject.org/wiki/Fedora_41_Mass_Rebuild", 1721370000);
            // f40's head: no answer (404), left out; f39 is the fifth branch.
            commit(wm, "python-requre", "0000000000000000000000000000000000000f39", "Python Maint",
                    "Rebuilt for Python 3.12", 1686000000);
        } else {
            // The only real recording of the branch list is the plain form (list of names, default name).
            PagureStubs.real(wm, "/api/0/rpms/python-requre/git/branches?with_commits=true",
                    "pagure/api0_rpms_python-requre_git_branches.json");
        }
        PagureStubs.text(wm, "/rpms/python-requre/raw/rawhide/f/python-requre.spec", REQURE_SPEC);
        PagureStubs.text(wm, "/rpms/python-requre/raw/rawhide/f/sources", REQURE_SOURCES);
    }

    static void commit(com.github.tomakehurst.wiremock.WireMockServer wm, String name, String sha, String author,
            String message, long time) {
        PagureStubs.json(wm, "/api/0/rpms/" + name + "/c/" + sha + "/info", """
                {"author": "%s", "committer": "%s", "commit_time": %d, "commit_time_offset": 120,
                 "hash": "%s", "message": "%s", "parent_ids": ["ffffffffffffffffffffffffffffffffffffffff"],
                 "tree_id": "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"}
                """.formatted(author, author, time, sha, message));
    }

    @Test
    void pythonRequreWithThePlainBranchList() {
        requre(false);

        FetchResult result = connector.fetch("python-requre").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(result.source()).endsWith("/pagure/api/0/rpms/python-requre");
        SourcesDocument s = (SourcesDocument) result.data();
        assertThat(s.url()).isEqualTo("https://src.fedoraproject.org/rpms/python-requre");
        assertThat(s.defaultBranch()).isEqualTo("rawhide");
        assertThat(s.branches()).containsExactly("rawhide", "f42", "f41", "f40", "f39", "f38", "f37", "f36", "f35",
                "f34", "f33", "f32", "f31", "f30", "main");
        assertThat(s.specFile()).isEqualTo("python-requre.spec");
        assertThat(s.spec()).isEqualTo(REQURE_SPEC);
        assertThat(s.specTruncated()).isFalse();
        assertThat(s.patches()).containsExactly("0001-tests-pytest-8.patch", "requre-pr321.patch");
        assertThat(s.sources()).containsExactly("Source0: %{pypi_source %{srcname}}",
                "Source1: https://raw.githubusercontent.com/packit/%{srcname}/%{version}/README.md");
        assertThat(s.lookaside()).containsExactly(new Lookaside("requre-0.8.6.tar.gz",
                "8b1a9953c4611296a827abf8c47804d7e6c49c6b9e9d1e4c3a0e6c2f5b1f8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3",
                "SHA512"));
        assertThat(s.lastCommits()).isEmpty(); // no commit hashes in the plain form
        assertThat(WireMockUpstreams.server().findAll(getRequestedFor(urlMatching("/pagure/api/0/rpms/python-requre/c/.*")))).isEmpty();
    }

    @Test
    void pythonRequreLastCommitsOfTheNewestBranches() {
        requre(true);

        SourcesDocument s = (SourcesDocument) connector.fetch("python-requre").await().indefinitely().data();

        assertThat(s.defaultBranch()).isEqualTo("rawhide");
        assertThat(s.branches()).startsWith("rawhide", "f42", "f41").endsWith("f30", "main");
        assertThat(s.lastCommits()).containsExactly(
                new Commit("rawhide", "1e8fa8c1d4b7a1bd4a1c0ab7e1e1b0f5d9d1c001", "Update to 0.8.6 (rhbz#2290345)",
                        "Matej Focko", "2024-09-26T07:12:43Z",
                        "https://src.fedoraproject.org/rpms/python-requre/c/1e8fa8c1d4b7a1bd4a1c0ab7e1e1b0f5d9d1c001"),
                new Commit("f42", "9a8b7c6d5e4f30211203f4e5d6c7b8a998877665", "Update to 0.8.6", "Matej Focko",
                        "2024-09-26T07:00:00Z",
                        "https://src.fedoraproject.org/rpms/python-requre/c/9a8b7c6d5e4f30211203f4e5d6c7b8a998877665"),
                new Commit("f41", "5b0f2d3e4a6c7e8f90a1b2c3d4e5f60718293a4b",
                        "Rebuilt for https://fedoraproject.org/wiki/Fedora_41_Mass_Rebuild", "Fedora Release Engineering",
                        "2024-07-19T06:20:00Z",
                        "https://src.fedoraproject.org/rpms/python-requre/c/5b0f2d3e4a6c7e8f90a1b2c3d4e5f60718293a4b"),
                new Commit("f39", "0000000000000000000000000000000000000f39", "Rebuilt for Python 3.12", "Python Maint",
                        "2023-06-05T21:20:00Z",
                        "https://src.fedoraproject.org/rpms/python-requre/c/0000000000000000000000000000000000000f39"));
        var wm = WireMockUpstreams.server();
        assertThat(wm.findAll(getRequestedFor(urlMatching("/pagure/api/0/rpms/python-requre/c/.*/info")))).hasSize(5);
        assertThat(wm.findAll(getRequestedFor(urlEqualTo(
                "/pagure/api/0/rpms/python-requre/c/0000000000000000000000000000000000000f38/info")))).isEmpty();
    }

    @Test
    void vimWithAnOldSpecAndMd5Sources() {
        var wm = WireMockUpstreams.server();
        PagureStubs.real(wm, "/api/0/rpms/vim", "pagure/legacy-2018/api0_rpms_vim.json");
        PagureStubs.json(wm, "/api/0/rpms/vim/git/branches?with_commits=true", """
                {"total_branches": 8, "default": {"rawhide": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1"},
                 "branches": {"el6": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa8",
                              "epel10": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa6",
                              "epel10.1": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa5",
                              "epel9": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa7",
                              "f42": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa3",
                              "f43": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2",
                              "private-zdohnal-test": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa9",
                              "rawhide": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1"}}
                """);
        for (int i = 1; i <= 9; i++) {
            commit(wm, "vim", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + i, "Zdenek Dohnal", "patchlevel " + i, 1700000000L + i);
        }
        PagureStubs.text(wm, "/rpms/vim/raw/rawhide/f/vim.spec", VIM_SPEC);
        PagureStubs.text(wm, "/rpms/vim/raw/rawhide/f/sources", VIM_SOURCES);

        SourcesDocument s = (SourcesDocument) connector.fetch("vim").await().indefinitely().data();

        assertThat(s.url()).isEqualTo("https://src.fedoraproject.org/rpms/vim");
        assertThat(s.branches()).containsExactly("rawhide", "f43", "f42", "epel10.1", "epel10", "epel9", "el6",
                "private-zdohnal-test");
        assertThat(s.lastCommits()).extracting(Commit::branch).containsExactly("rawhide", "f43", "f42", "epel10.1", "epel10");
        assertThat(s.lastCommits().get(3)).isEqualTo(new Commit("epel10.1", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa5",
                "patchlevel 5", "Zdenek Dohnal", "2023-11-14T22:13:25Z",
                "https://src.fedoraproject.org/rpms/vim/c/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa5"));
        assertThat(s.specFile()).isEqualTo("vim.spec");
        assertThat(s.patches()).containsExactly("vim-7.0-fixkeys.patch", "vim-7.4-specsyntax.patch", "vim-7.4-syntax.patch",
                "vim-8.0-copy-paste.patch", "vim-8.0-rhbz1365258.patch", "vim-8.0-fedora-only.patch");
        assertThat(s.sources()).containsExactly(
                "Source0: http://ftp.vim.org/pub/vim/unix/vim-%{baseversion}-%{patchlevel}.tar.bz2",
                "Source1: vim.sh", "Source2: vim.csh", "source3: gvim.desktop");
        assertThat(s.lookaside()).containsExactly(new Lookaside("vim-8.0-1587.tar.bz2", "3c2a1f2b9a7e6d5c4b3a29181706f5e4", "MD5"));
    }

    @Test
    void aLongSpecIsCutButReadWhole() {
        var wm = WireMockUpstreams.server();
        PagureStubs.real(wm, "/api/0/rpms/texlive", "pagure/legacy-2018/api0_rpms_vim.json");
        StringBuilder spec = new StringBuilder("Name: texlive\nSource0: texlive-base.tar.xz\n");
        while (spec.length() < 250_000) {
            spec.append("# a long comment line to make a spec file of texlive's size, more or less\n");
        }
        spec.append("Patch7: texlive-late.patch\n");
        PagureStubs.text(wm, "/rpms/texlive/raw/rawhide/f/texlive.spec", spec.toString());

        SourcesDocument s = (SourcesDocument) connector.fetch("texlive").await().indefinitely().data();

        assertThat(s.specTruncated()).isTrue();
        assertThat(s.spec()).hasSize(200_000).isEqualTo(spec.substring(0, 200_000));
        assertThat(s.patches()).containsExactly("texlive-late.patch");
        assertThat(s.sources()).containsExactly("Source0: texlive-base.tar.xz");
        // No branches answer (404) and no sources file: empty lists, not failures.
        assertThat(s.branches()).isEmpty();
        assertThat(s.defaultBranch()).isNull();
        assertThat(s.lastCommits()).isEmpty();
        assertThat(s.lookaside()).isEmpty();
    }

    @Test
    void aRepositoryWithoutSpecOnRawhide() {
        var wm = WireMockUpstreams.server();
        PagureStubs.real(wm, "/api/0/rpms/bodhi", "pagure/legacy-2018/api0_rpms_bodhi.json");
        PagureStubs.json(wm, "/api/0/rpms/bodhi/git/branches?with_commits=true",
                "{\"total_branches\": 1, \"default\": {\"rawhide\": \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"},"
                        + " \"branches\": {\"rawhide\": \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"}}");
        // retired: rawhide holds dead.package, no spec, no sources file; the commit info is 404 too

        SourcesDocument s = (SourcesDocument) connector.fetch("bodhi").await().indefinitely().data();

        assertThat(s.branches()).containsExactly("rawhide");
        assertThat(s.specFile()).isNull();
        assertThat(s.spec()).isNull();
        assertThat(s.specTruncated()).isFalse();
        assertThat(s.patches()).isEmpty();
        assertThat(s.sources()).isEmpty();
        assertThat(s.lookaside()).isEmpty();
        assertThat(s.lastCommits()).isEmpty();
    }

    @Test
    void theStoredDocumentHasEveryField() throws Exception {
        requre(true);
        assertThat(refresher.refresh("python-requre", ConnectorName.SOURCES).await().indefinitely())
                .isEqualTo(Outcome.WRITTEN);
        String body = redis.hash(String.class).hget(org.fedoraproject.packages.contract.RedisLayout.document(
                "python-requre", ConnectorName.SOURCES), org.fedoraproject.packages.contract.RedisLayout.DOC_BODY);
        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("data");
        List<String> fields = new java.util.ArrayList<>();
        data.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("url", "defaultBranch", "branches", "specFile", "spec", "specTruncated",
                "patches", "sources", "lookaside", "lastCommits");
        assertThat(data.get("lastCommits").get(0).get("date").asText()).isEqualTo("2024-09-26T07:12:43Z");
    }

    @Test
    void aProjectDistGitDoesNotHaveIsAbsent() {
        PagureStubs.notFound(WireMockUpstreams.server(), "/api/0/rpms/no-such-package");
        FetchResult result = connector.fetch("no-such-package").await().indefinitely();
        assertThat(result.status()).isEqualTo(FetchResult.Status.ABSENT);
        assertThat(result.source()).endsWith("/pagure/api/0/rpms/no-such-package");
        assertThat(WireMockUpstreams.server().findAll(getRequestedFor(urlMatching("/pagure/rpms/.*")))).isEmpty();
    }

    @Test
    void failuresKeepTheLastGoodDocument() throws Exception {
        var wm = WireMockUpstreams.server();
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "python-requre", ConnectorName.SOURCES,
                () -> requre(true),
                response -> wm.stubFor(get(urlEqualTo("/pagure/api/0/rpms/python-requre")).willReturn(response)),
                FailureChecks.commonFailures());
    }

    @Test
    void specParsingKeepsMacrosAndReadsOnlyWhereRpmDoes() {
        SpecFile.Parsed p = SpecFile.parse(REQURE_SPEC);
        assertThat(p.patches()).containsExactly("0001-tests-pytest-8.patch", "requre-pr321.patch");
        assertThat(SpecFile.fileName("https://example.org/a/b/fix.patch")).isEqualTo("fix.patch");
        assertThat(SpecFile.fileName("%{name}-fix.patch")).isEqualTo("%{name}-fix.patch");
        assertThat(SpecFile.parse("%sourcelist\nhttps://example.org/x-1.0.tar.gz\n%prep\nSource9: no\n").sources())
                .containsExactly("https://example.org/x-1.0.tar.gz");
        assertThat(LookasideFile.parse("SHA256 (a b.tar.gz) = ABCDEF\n")).containsExactly(
                new LookasideFile.Entry("a b.tar.gz", "abcdef", "SHA256"));
    }
}
