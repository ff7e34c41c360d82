package org.fedoraproject.packages.worker.refresh;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.worker.connector.koschei.KoscheiGuard;
import org.fedoraproject.packages.worker.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;

/**
 * One upstream answering after 20 s holds back only its own lane: entries of other upstreams
 * requested after it keep their latency.
 */
@QuarkusTest
@TestProfile(SlowUpstreamTest.PatientKoschei.class)
@QuarkusTestResource(WireMockUpstreams.class)
class SlowUpstreamTest {
    private static final String KOSCHEI = KoscheiGuard.class.getName();

    /** Koschei's timeout above its 20 s answers, so its lane really is busy for 20 s. */
    public static class PatientKoschei implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.fault-tolerance.\"" + KOSCHEI + "\".timeout.value", "30000",
                    "quarkus.rest-client.koschei.read-timeout", "30000",
                    "%test.quarkus.fault-tolerance.\"" + KOSCHEI + "\".retry.max-retries", "0");
        }
    }

    @Inject
    RefreshScheduler scheduler;
    @Inject
    RedisDataSource redis;

    @Test
    void aTwentySecondUpstreamDelaysNothingElse() throws Exception {
        redis.execute("FLUSHDB");
        var wm = WireMockUpstreams.server();
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo("/koschei/api/v1/packages")).willReturn(aResponse().withFixedDelay(20_000)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        wm.stubFor(get(urlPathEqualTo("/bugzilla/rest/bug")).willReturn(aResponse().withFixedDelay(50)
                .withHeader("Content-Type", "application/json").withBody("{\"bugs\": []}")));

        List<String> slow = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // more than Koschei's lane holds at once: its queue stays full
            slow.add("slow" + i);
        }
        scheduler.submit(RefreshPlan.sources("test", slow, EnumSet.of(ConnectorName.CI)), Priority.EVENT,
                System.currentTimeMillis()).await().indefinitely();
        Thread.sleep(500); // Koschei's lane is now busy with 20 s answers

        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String pkg = "quick" + i;
            Instant asked = Instant.now();
            scheduler.submit(RefreshPlan.sources("test", List.of(pkg), EnumSet.of(ConnectorName.BUGS)), Priority.EVENT,
                    System.currentTimeMillis()).await().indefinitely();
            awaitDocument(pkg, ConnectorName.BUGS, Duration.ofSeconds(5));
            latencies.add(Duration.between(asked, Instant.now()).toMillis());
        }
        // 50 ms of upstream plus our own path; nowhere near the 20 s Koschei lane
        assertThat(latencies).allSatisfy(ms -> assertThat(ms).isLessThan(1_500));
        assertThat(redis.hash(String.class).hget(RedisLayout.meta("slow0"), "ci:refreshedAt")).as("Koschei still busy").isNull();
    }

    private void awaitDocument(String pkg, ConnectorName c, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (redis.hash(String.class).hget(RedisLayout.document(pkg, c), RedisLayout.DOC_BODY) != null) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(c.id() + " of " + pkg + " not written within " + timeout);
    }
}
