package org.fedoraproject.packages.worker.connector.mdapi;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.worker.refresh.Outcome;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.MdapiStubs;
import org.fedoraproject.packages.worker.support.ProductionCaches;
import org.junit.jupiter.api.Test;

/** mdapi's branch list is asked once and kept (production's cache setting), not once per refresh. */
@QuarkusTest
@TestProfile(ProductionCaches.class)
class BranchListCacheTest extends ConnectorTestBase {

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
