package org.fedoraproject.packages.worker.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.RepoStubs;
import org.junit.jupiter.api.Test;

/** The sweep's budget is upstream calls per minute: WireMock's journal counts what one tick caused. */
@QuarkusTest
@TestProfile(SweepBudgetTest.SmallBudget.class)
class SweepBudgetTest extends ConnectorTestBase {
    /** Koschei: 12 calls a minute, ticks of 10 s → 2 calls a tick; Koji: 12 a minute for two connectors → 1 each. */
    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fp.sweep.budget.koschei", "12", "fp.sweep.budget.koji", "12", "fp.sweep.default-budget", "0");
        }
    }

    @Inject
    Discovery discovery;
    @Inject
    Sweep sweep;

    @Test
    void oneTickAsksEachUpstreamNoMoreThanItsShareOfTheBudget() throws Exception {
        RepoStubs.smallDistribution(wm()); // five known packages, none refreshed yet
        discovery.run().await().indefinitely();
        wm().resetRequests();

        assertThat(sweep.tick().await().indefinitely()).isEqualTo(2 + 2);
        Thread.sleep(3000); // the lanes fetch what the tick handed over

        assertThat(wm().findAll(getRequestedFor(urlPathMatching("/koschei/.*")))).hasSize(2);
        // builds and versions: one package each, a getPackageID each for a package Koji does not know — or one
        // for both when the two refreshes of the same package share the id lookup in flight
        assertThat(wm().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathMatching("/koji/.*"))))
                .hasSizeBetween(1, 2);
        assertThat(wm().findAll(getRequestedFor(urlPathMatching("/(bodhi|bugzilla|pagure|anitya|mdapi)/.*")))).isEmpty();
    }
}
