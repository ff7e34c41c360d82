package org.fedoraproject.packages.worker.connector.koji;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.worker.refresh.Outcome;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.KojiStubs;
import org.fedoraproject.packages.worker.support.ProductionCaches;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodhi's active releases are asked once and kept for every package's versions refresh (production's
 * cache setting); an answer that failed, or that lists no release, is not kept.
 */
@QuarkusTest
@TestProfile(ProductionCaches.class)
class ReleaseListCacheTest extends ConnectorTestBase {
    private static final String F43 = """
            {"releases": [{"name": "F43", "long_name": "Fedora 43", "version": "43", "id_prefix": "FEDORA",
              "branch": "f43", "state": "current", "stable_tag": "f43-updates", "testing_tag": "f43-updates-testing"}],
             "page": 1, "pages": 1, "rows_per_page": 100, "total": 1}""";

    @Inject
    @CacheName(VersionsConnector.RELEASES_CACHE)
    Cache releases;

    @BeforeEach
    void forgetTheReleaseList() {
        releases.invalidateAll().await().indefinitely(); // the other tests of this profile may have kept one
        KojiStubs.packageId(wm(), "relcache-a", 5151L);
        KojiStubs.packageId(wm(), "relcache-b", 5252L);
        KojiStubs.nothingTaggedByDefault(wm());
    }

    @Test
    void theReleaseListIsAskedOnceForEveryPackagesRefreshes() {
        answerReleases(okJson(F43));

        for (String pkg : new String[] {"relcache-a", "relcache-b", "relcache-a"}) {
            assertThat(refresher.refresh(pkg, ConnectorName.VERSIONS).await().indefinitely()).isEqualTo(Outcome.WRITTEN);
        }

        assertThat(releaseRequests()).isEqualTo(1);
        assertThat(KojiStubs.requests(wm())).filteredOn(r -> r.getKey().equals("system.multicall")).hasSize(3);
    }

    @Test
    void aFailedOrEmptyAnswerIsNotKept() {
        answerReleases(aResponse().withStatus(503));
        assertThat(refresher.refresh("relcache-a", ConnectorName.VERSIONS).await().indefinitely()).isEqualTo(Outcome.FAILED);
        int afterError = releaseRequests();
        assertThat(afterError).isPositive();

        answerReleases(okJson("{\"releases\": [], \"page\": 1, \"pages\": 1, \"rows_per_page\": 100, \"total\": 0}"));
        assertThat(refresher.refresh("relcache-a", ConnectorName.VERSIONS).await().indefinitely()).isEqualTo(Outcome.FAILED);
        assertThat(releaseRequests()).isEqualTo(afterError + 1);

        answerReleases(okJson(F43));
        assertThat(refresher.refresh("relcache-a", ConnectorName.VERSIONS).await().indefinitely()).isEqualTo(Outcome.WRITTEN);
        assertThat(refresher.refresh("relcache-b", ConnectorName.VERSIONS).await().indefinitely()).isEqualTo(Outcome.WRITTEN);
        assertThat(releaseRequests()).isEqualTo(afterError + 2);
    }

    private static void answerReleases(ResponseDefinitionBuilder answer) {
        wm().stubFor(get(urlPathEqualTo("/bodhi/releases/")).willReturn(answer)); // the newest stub wins
    }

    private static int releaseRequests() {
        return wm().findAll(getRequestedFor(urlPathEqualTo("/bodhi/releases/"))).size();
    }
}
