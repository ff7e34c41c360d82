package org.fedoraproject.packages.worker.connector.koji;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.worker.refresh.Outcome;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.KojiStubs;
import org.fedoraproject.packages.worker.support.ProductionCaches;
import org.junit.jupiter.api.Test;

/**
 * Koji package ids are asked once per name and kept (production's cache setting); a name Koji does not
 * know yet is asked again on every refresh, so a package created later is found.
 */
@QuarkusTest
@TestProfile(ProductionCaches.class)
class PackageIdCacheTest extends ConnectorTestBase {
    @Test
    void aKnownPackagesIdIsAskedOnceForAllItsBuildsAndVersionsRefreshes() {
        KojiStubs.packageId(wm(), "idcache-known", 4242L);
        wm().stubFor(KojiStubs.listBuilds(4242L).willReturn(KojiStubs.result(List.of())));
        KojiStubs.nothingTaggedByDefault(wm());
        wm().stubFor(get(urlPathEqualTo("/bodhi/releases/")).willReturn(okJson("""
                {"releases": [{"name": "F43", "long_name": "Fedora 43", "version": "43", "id_prefix": "FEDORA",
                  "branch": "f43", "state": "current", "stable_tag": "f43-updates", "testing_tag": "f43-updates-testing"}],
                 "page": 1, "pages": 1, "rows_per_page": 100, "total": 1}""")));

        for (int i = 0; i < 3; i++) {
            assertThat(refresher.refresh("idcache-known", ConnectorName.BUILDS).await().indefinitely()).isEqualTo(Outcome.WRITTEN);
        }
        refresher.refresh("idcache-known", ConnectorName.VERSIONS).await().indefinitely();

        assertThat(KojiStubs.requests(wm())).extracting(Map.Entry::getKey)
                .containsExactly("getPackageID", "listBuilds", "listBuilds", "listBuilds", "system.multicall");
    }

    @Test
    void aNameKojiDoesNotKnowIsAskedAgainAndFoundOnceCreated() {
        KojiStubs.packageId(wm(), "idcache-new", null);
        refresher.refresh("idcache-new", ConnectorName.BUILDS).await().indefinitely();
        refresher.refresh("idcache-new", ConnectorName.BUILDS).await().indefinitely();

        KojiStubs.packageId(wm(), "idcache-new", 4343L); // the package's first build creates it
        wm().stubFor(KojiStubs.listBuilds(4343L).willReturn(KojiStubs.result(List.of())));
        refresher.refresh("idcache-new", ConnectorName.BUILDS).await().indefinitely();

        assertThat(KojiStubs.requests(wm())).extracting(Map.Entry::getKey)
                .containsExactly("getPackageID", "getPackageID", "getPackageID", "listBuilds");
        assertThat(redis.hash(String.class).hget("pkg:{idcache-new}:doc:builds", "body")).contains("\"builds\":[]");
    }
}
