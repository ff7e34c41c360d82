package org.fedoraproject.packages.worker.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.redis.datasource.RedisDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.worker.refresh.Outcome;
import org.fedoraproject.packages.worker.refresh.Refresher;

/**
 * The failure kinds every upstream must survive: after a good refresh, the upstream answers 5xx, too
 * slowly, garbage, or drops the connection. Each time the last good document must stay exactly as it
 * was, and the metadata must name the failure kind.
 */
public final class FailureChecks {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FailureChecks() {
    }

    /** The common failure responses and the kind each must be recorded as. */
    public static Map<String, ResponseDefinitionBuilder> commonFailures() {
        Map<String, ResponseDefinitionBuilder> failures = new LinkedHashMap<>();
        failures.put("server-error", aResponse().withStatus(503).withBody("Service Unavailable"));
        failures.put("timeout", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{}").withFixedDelay(4_000));
        failures.put("malformed", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("<html><body>Proxy error</body></html>"));
        failures.put("unavailable", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        return failures;
    }

    /**
     * @param stubSuccess   stubs every call of a good refresh
     * @param stubMainCall  replaces the stub of the call that will fail with the given response
     */
    public static void assertFailuresKeepTheLastGoodDocument(Refresher refresher, RedisDataSource redis, String pkg,
            ConnectorName connector, Runnable stubSuccess, Consumer<ResponseDefinitionBuilder> stubMainCall,
            Map<String, ResponseDefinitionBuilder> failures) throws Exception {
        WireMockUpstreams.server().resetAll();
        stubSuccess.run();
        assertThat(refresher.refresh(pkg, connector).await().indefinitely()).isEqualTo(Outcome.WRITTEN);
        String good = redis.hash(String.class).hget(RedisLayout.document(pkg, connector), RedisLayout.DOC_BODY);
        assertThat(MAPPER.readTree(good).get("status").asText()).isEqualTo("ok");

        for (var failure : failures.entrySet()) {
            WireMockUpstreams.server().resetAll();
            // each kind on its own: the ones before must not have opened the upstream's breaker
            io.quarkus.arc.Arc.container().instance(io.smallrye.faulttolerance.api.CircuitBreakerMaintenance.class)
                    .get().resetAll();
            stubSuccess.run();
            stubMainCall.accept(failure.getValue());
            Outcome outcome = refresher.refresh(pkg, connector).await().indefinitely();
            assertThat(outcome).as(failure.getKey()).isEqualTo(Outcome.FAILED);
            String after = redis.hash(String.class).hget(RedisLayout.document(pkg, connector), RedisLayout.DOC_BODY);
            assertThat(after).as("document after %s", failure.getKey()).isEqualTo(good);
            String error = redis.hash(String.class).hget(RedisLayout.meta(pkg), RedisLayout.MetaField.error(connector));
            assertThat(error).as("error recorded after %s", failure.getKey()).isNotNull();
            JsonNode e = MAPPER.readTree(error);
            assertThat(e.get("kind").asText()).as("kind after %s: %s", failure.getKey(), error).isEqualTo(failure.getKey());
            assertThat(e.get("at").asText()).isNotBlank();
        }

        // The next success clears the error and replaces the document.
        WireMockUpstreams.server().resetAll();
        stubSuccess.run();
        assertThat(refresher.refresh(pkg, connector).await().indefinitely()).isEqualTo(Outcome.WRITTEN);
        assertThat(redis.hash(String.class).hget(RedisLayout.meta(pkg), RedisLayout.MetaField.error(connector))).isNull();
    }
}
