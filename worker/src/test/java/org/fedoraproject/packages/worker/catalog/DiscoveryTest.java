package org.fedoraproject.packages.worker.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.worker.refresh.Outcome;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.RepoStubs;
import org.fedoraproject.packages.worker.support.RepoStubs.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery over repositories served like dl.fedoraproject.org: Rawhide (zstd, as Fedora ≥ 41), Fedora
 * 43 as released and its updates (gzip), EPEL 9. The known set, retired and EPEL-only packages, the
 * binary → source index, overviews from the catalog, and re-reading only what changed.
 */
@QuarkusTest
class DiscoveryTest extends ConnectorTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Discovery discovery;

    @BeforeEach
    void distribution() {
        RepoStubs.smallDistribution(wm());
    }

    @Test
    void learnsEveryBranchsPackagesTheirStatesAndWhereEachBinaryComesFrom() throws Exception {
        Discovery.Result result = discovery.run().await().indefinitely();

        assertThat(result.ran()).isTrue();
        assertThat(result.branches()).containsExactly("rawhide", "f43", "epel9");
        assertThat(redis.sortedSet(String.class).zrange(RedisLayout.KNOWN_PACKAGES, 0, -1))
                .containsExactly("curl", "epelonly", "newpkg", "oldpkg", "vim");
        assertThat(state("oldpkg").get("retired").asBoolean()).as("in F43, no longer in Rawhide").isTrue();
        assertThat(state("oldpkg").get("branches")).extracting(JsonNode::asText).containsExactly("f43");
        assertThat(state("epelonly").get("retired").asBoolean()).as("EPEL-only is not retired").isFalse();
        assertThat(state("vim").get("branches")).extracting(JsonNode::asText).containsExactly("rawhide", "f43");
        assertThat(state("newpkg").get("retired").asBoolean()).isFalse();

        Map<String, String> binaries = redis.hash(String.class).hgetall(RedisLayout.BINARIES);
        assertThat(binaries).containsEntry("vim-X11", "vim").containsEntry("libcurl", "curl").containsEntry("oldpkg", "oldpkg");

        // F43's vim is its updates' build: the later repository wins
        JsonNode f43vim = JSON.readTree(redis.hash(String.class).hget(RedisLayout.catalogSources("f43"), "vim"));
        assertThat(f43vim.get("version").asText() + "-" + f43vim.get("release").asText()).isEqualTo("9.1.1800-1.fc43");
    }

    @Test
    void anOverviewComesFromTheCatalogWithoutAskingMdapi() throws Exception {
        discovery.run().await().indefinitely();
        wm().resetRequests();

        assertThat(refresher.refresh("vim", ConnectorName.OVERVIEW).await().indefinitely()).isEqualTo(Outcome.WRITTEN);

        JsonNode doc = JSON.readTree(redis.hash(String.class).hget(RedisLayout.document("vim", ConnectorName.OVERVIEW), "body"));
        assertThat(doc.at("/data/branch").asText()).isEqualTo("rawhide");
        assertThat(doc.at("/data/version").asText()).isEqualTo("9.1.1800");
        assertThat(doc.at("/data/subpackages")).extracting(n -> n.get("name").asText()).containsExactly("vim-X11", "vim-enhanced");
        assertThat(doc.at("/source").asText()).endsWith("/dl/pub/fedora/linux/development/rawhide/Everything/x86_64/os/repodata/repomd.xml");
        assertThat(wm().findAll(getRequestedFor(urlMatching("/mdapi/.*/(srcpkg|pkg)/.*")))).isEmpty();
        assertThat(redis.hash(String.class).hget(RedisLayout.PACKAGE_SUMMARIES, "vim")).contains("9.1.1800");
    }

    @Test
    void aSecondRunReadsOnlyTheIndexesAndAChangedRepositoryOnlyItsOwnBranch() {
        discovery.run().await().indefinitely();
        wm().resetRequests();

        Discovery.Result unchanged = discovery.run().await().indefinitely();
        assertThat(unchanged.changed()).isEmpty();
        assertThat(wm().findAll(getRequestedFor(urlMatching("/dl/.*primary.*")))).isEmpty();
        assertThat(wm().findAll(getRequestedFor(urlMatching("/dl/.*/repomd.xml")))).hasSize(6); // 1 Rawhide, 3 F43, 2 EPEL 9 (testing ones: 404)

        RepoStubs.serve(wm(), RepoStubs.updates(43), List.of(
                Binary.of("vim-enhanced", "vim", "9.1.1800", "1.fc43", "A version of the VIM editor"),
                Binary.of("curl", "curl", "8.15.0", "1.fc43", "A utility for getting files from remote servers")), false);
        wm().resetRequests();
        Discovery.Result updated = discovery.run().await().indefinitely();

        assertThat(updated.changed()).containsExactly("curl");
        assertThat(wm().findAll(getRequestedFor(urlMatching("/dl/pub/fedora/linux/(releases|updates)/43/.*primary.*")))).hasSize(2);
        assertThat(wm().findAll(getRequestedFor(urlMatching("/dl/pub/fedora/linux/development/.*primary.*")))).isEmpty();
    }

    @Test
    void theMirrorIsAskedNoFasterThanItsBudget() {
        discovery.run().await().indefinitely(); // fp.catalog.requests-per-second: 20 in the test profile

        java.util.List<Long> times = wm().findAll(getRequestedFor(urlMatching("/dl/.*"))).stream()
                .map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertThat(times).hasSize(10); // 6 indexes (2 testing repositories answer 404), 4 primary files
        // 20/s: 50 ms apart when sent; arrival times jitter by a connection set-up, so the span is what is checked
        assertThat(times.get(times.size() - 1) - times.get(0)).as("10 requests at 20/s").isGreaterThanOrEqualTo(9 * 50 - 50);
    }

    @Test
    void aPackageThatLeavesEveryBranchStaysKnownMarkedRetired() throws Exception {
        discovery.run().await().indefinitely();
        RepoStubs.serve(wm(), RepoStubs.epel(9), List.of(), false);

        discovery.run().await().indefinitely();

        assertThat(redis.sortedSet(String.class).zscore(RedisLayout.KNOWN_PACKAGES, "epelonly")).isPresent();
        assertThat(state("epelonly").get("retired").asBoolean()).isTrue();
        assertThat(state("epelonly").get("branches")).isEmpty();
    }

    private JsonNode state(String name) throws Exception {
        return JSON.readTree(redis.hash(String.class).hget(RedisLayout.PACKAGE_STATES, name));
    }
}
