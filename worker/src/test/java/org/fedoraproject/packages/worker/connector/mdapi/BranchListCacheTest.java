package org.fedoraproject.packages.worker.connector.mdapi;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.worker.refresh.Outcome;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.MdapiStubs;
import org.junit.jupiter.api.Test;

/** mdapi's branch list is asked once and kept (production's cache setting), not once per refresh. */
@QuarkusTest
@TestProfile(BranchListCacheTest.KeepBranches.class)
class BranchListCacheTest extends ConnectorTestBase {
    public static class KeepBranches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.cache.caffeine.mdapi-branches.expire-after-write", "PT10M");
        }
    }

    @Test
    void tenRefreshesAskForTheBranchListOnce() {
        MdapiStubs.branches(wm(), "[\"rawhide\", \"f43\"]");
        String doc = MdapiStubs.likeCurl("demo", "Demo");
        MdapiStubs.serve(wm(), "/rawhide/srcpkg/demo", doc);
        MdapiStubs.serve(wm(), "/rawhide/pkg/demo", doc);
        for (int i = 0; i < 10; i++) {
            assertThat(refresher.refresh("demo", ConnectorName.OVERVIEW).await().indefinitely()).isEqualTo(Outcome.WRITTEN);
        }
        assertThat(wm().findAll(getRequestedFor(urlEqualTo("/mdapi/branches")))).hasSize(1);
    }
}
