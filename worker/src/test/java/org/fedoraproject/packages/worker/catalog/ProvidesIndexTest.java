package org.fedoraproject.packages.worker.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.contract.testing.SharedFixtures;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.MdapiStubs;
import org.fedoraproject.packages.worker.support.RepoStubs;
import org.fedoraproject.packages.worker.support.RepoStubs.Binary;
import org.junit.jupiter.api.Test;

/**
 * The provides index discovery builds from primary.xml: every provided name and listed file of a branch's
 * binaries → the binary and its source, replaced whole when the repository changes. vim's binaries provide
 * what mdapi's real answers for them list (../shared/fixtures/real/mdapi/legacy-2018, which mdapi reads from
 * the same primary files: its file provides are primary's {@code <file>}s).
 */
@QuarkusTest
class ProvidesIndexTest extends ConnectorTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Discovery discovery;

    private static final List<Binary> RAWHIDE = List.of(
            Binary.of("glibc", "glibc", "2.42", "3.fc44", "The GNU libc libraries"),
            Binary.of("bash", "bash", "5.3.0", "2.fc44", "The GNU Bourne Again shell"),
            Binary.of("vim-enhanced", "vim", "9.1.1800", "2.fc44", "A version of the VIM editor"),
            Binary.of("vim-minimal", "vim", "9.1.1800", "2.fc44", "A minimal version of the VIM editor"),
            Binary.of("elinks", "elinks", "0.18.0", "1.fc44", "A text-mode web browser"),
            Binary.of("curl", "curl", "8.15.0", "1.fc44", "A utility for getting files from remote servers"));

    private Map<String, List<String>> provided() throws Exception {
        return Map.of(
                "glibc", List.of("libc.so.6()(64bit)", "libc.so.6(GLIBC_2.34)(64bit)", "rtld(GNU_HASH)", "/etc/ld.so.conf"),
                "bash", List.of("/usr/bin/sh", "/bin/sh", "config(bash)"),
                "vim-enhanced", recorded("f28_pkg_vim-enhanced.json"),
                "vim-minimal", recorded("f28_pkg_vim-minimal.json"),
                "elinks", List.of("webclient", "text-www-browser"),
                "curl", List.of("webclient"));
    }

    @Test
    void everyProvidedNameAndListedFileLeadsToItsBinaryAndSource() throws Exception {
        serve(provided());
        discovery.run().await().indefinitely();

        Map<String, String> prov = redis.hash(String.class).hgetall(RedisLayout.catalogProvides("rawhide"));
        assertThat(prov)
                .containsEntry("libc.so.6()(64bit)", "glibc") // a binary named like its source: the name alone
                .containsEntry("/usr/bin/sh", "bash")           // a file primary lists
                .containsEntry("/etc/ld.so.conf", "glibc")
                .containsEntry("config(bash)", "bash")
                .containsEntry("/usr/bin/vim", "vim-enhanced vim") // from mdapi's real list: binary, then its source
                .containsEntry("config(vim-enhanced)", "vim-enhanced vim")
                .containsEntry("vim-enhanced(x86-64)", "vim-enhanced vim")
                .containsEntry("vi", "vim-minimal vim")
                .containsEntry("/usr/bin/vi", "vim-minimal vim")
                .containsEntry("webclient", "curl") // two providers: the first by binary name
                .doesNotContainKeys("vim-enhanced", "glibc", "curl"); // binary names resolve through `binaries`
        assertThat(redis.value(String.class).get(RedisLayout.CATALOG_BRANCHES)).isEqualTo("rawhide,f43");
        assertThat(redis.key().exists(RedisLayout.catalogProvides("rawhide") + RedisLayout.REPLACEMENT_SUFFIX)).isFalse();
    }

    @Test
    void aRepositoryUpdateReplacesTheIndexAndAProvideThatWentAwayNoLongerResolves() throws Exception {
        serve(provided());
        discovery.run().await().indefinitely();
        assertThat(redis.hash(String.class).hget(RedisLayout.catalogProvides("rawhide"), "vi")).isEqualTo("vim-minimal vim");

        // vim-minimal's next build no longer provides vi nor ships /usr/bin/vi; elinks is gone
        Map<String, List<String>> next = new java.util.HashMap<>(provided());
        next.put("vim-minimal", List.of("config(vim-minimal)", "vim-minimal(x86-64)"));
        next.put("curl", List.of());
        RepoStubs.serve(wm(), RepoStubs.rawhide(), RAWHIDE.stream().filter(b -> !b.name().equals("elinks")).toList(), next, true);
        discovery.run().await().indefinitely();

        Map<String, String> prov = redis.hash(String.class).hgetall(RedisLayout.catalogProvides("rawhide"));
        assertThat(prov).doesNotContainKeys("vi", "/usr/bin/vi", "webclient", "text-www-browser")
                .containsEntry("config(vim-minimal)", "vim-minimal vim")
                .containsEntry("libc.so.6()(64bit)", "glibc");
    }

    @Test
    void aCatalogWrittenBeforeTheIndexExistedIsReadAgainToBuildIt() throws Exception {
        serve(provided());
        discovery.run().await().indefinitely();
        redis.key().del(RedisLayout.catalogProvides("rawhide")); // as a worker before this index left it

        Discovery.Result again = discovery.run().await().indefinitely();

        assertThat(again.changed()).as("the catalog itself is unchanged").isEmpty();
        assertThat(redis.hash(String.class).hget(RedisLayout.catalogProvides("rawhide"), "/usr/bin/sh")).isEqualTo("bash");
    }

    private void serve(Map<String, List<String>> provided) {
        MdapiStubs.branches(wm(), "[\"f43\", \"rawhide\"]");
        RepoStubs.serve(wm(), RepoStubs.rawhide(), RAWHIDE, provided, true);
        RepoStubs.serve(wm(), RepoStubs.release(43), List.of(
                Binary.of("bash", "bash", "5.2.37", "1.fc43", "The GNU Bourne Again shell")), Map.of("bash", List.of("/usr/bin/sh")), false);
    }

    /** The provides of mdapi's real answer for a binary (the names; mdapi lists primary's files among them). */
    private static List<String> recorded(String file) throws Exception {
        JsonNode pkg = JSON.readTree(SharedFixtures.realText("mdapi/legacy-2018/" + file));
        List<String> names = new ArrayList<>();
        pkg.get("provides").forEach(p -> names.add(p.get("name").asText()));
        return names;
    }
}
