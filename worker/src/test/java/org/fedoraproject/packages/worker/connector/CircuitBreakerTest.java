package org.fedoraproject.packages.worker.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.util.Map;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.worker.connector.koschei.Koschei;
import org.fedoraproject.packages.worker.connector.koschei.KoscheiGuard;
import org.fedoraproject.packages.worker.refresh.Outcome;
import org.fedoraproject.packages.worker.refresh.Refresher;
import org.fedoraproject.packages.worker.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker of an upstream (one per upstream, named after it, on its guard): after enough
 * failures the worker stops calling a failing upstream for a while, and records that as "unavailable".
 */
@QuarkusTest
@TestProfile(CircuitBreakerTest.LowThreshold.class)
@QuarkusTestResource(WireMockUpstreams.class)
class CircuitBreakerTest {
    private static final String KOSCHEI = KoscheiGuard.class.getName();

    public static class LowThreshold implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "%test.quarkus.fault-tolerance.\"" + KOSCHEI + "\".circuit-breaker.request-volume-threshold", "4",
                    "quarkus.fault-tolerance.\"" + KOSCHEI + "\".circuit-breaker.delay", "60");
        }
    }

    @Inject
    Refresher refresher;
    @Inject
    RedisDataSource redis;
    @Inject
    CircuitBreakerMaintenance breakers;

    @Test
    void aFailingUpstreamIsLeftAloneOnceItsCircuitOpens() throws Exception {
        redis.execute("FLUSHDB");
        breakers.reset(Koschei.UPSTREAM);
        var wm = WireMockUpstreams.server();
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo("/koschei/api/v1/packages")).willReturn(aResponse().withStatus(503)));

        // two refreshes, each a call and a retry (%test max-retries=1): four failed calls open the circuit
        for (int i = 0; i < 2; i++) {
            assertThat(refresher.refresh("rnv", ConnectorName.CI).await().indefinitely()).isEqualTo(Outcome.FAILED);
        }
        int callsBefore = wm.findAll(getRequestedFor(urlPathEqualTo("/koschei/api/v1/packages"))).size();
        assertThat(callsBefore).isEqualTo(4);
        assertThat(breakers.currentState(Koschei.UPSTREAM)).isEqualTo(CircuitBreakerState.OPEN);

        // not called, so the request is kept for later (the scheduler requeues it and pauses the lane)
        assertThat(refresher.refresh("rnv", ConnectorName.CI).await().indefinitely()).isEqualTo(Outcome.DEFERRED);

        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/koschei/api/v1/packages")))).hasSize(callsBefore);
        String error = redis.hash(String.class).hget(RedisLayout.meta("rnv"), RedisLayout.MetaField.error(ConnectorName.CI));
        var e = new ObjectMapper().readTree(error);
        assertThat(e.get("kind").asText()).isEqualTo("unavailable");
        assertThat(e.get("upstream").asText()).isEqualTo("koschei");
    }
}
