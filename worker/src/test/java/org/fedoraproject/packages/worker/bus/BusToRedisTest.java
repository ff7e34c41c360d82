package org.fedoraproject.packages.worker.bus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.GetResponse;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.contract.testing.SharedFixtures;
import org.fedoraproject.packages.worker.support.Bus;
import org.fedoraproject.packages.worker.support.MdapiStubs;
import org.fedoraproject.packages.worker.support.WireMockUpstreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's whole path on real parts: a fedora-messaging message on the local RabbitMQ, mdapi
 * answering from WireMock, the document in the local Redis; and bad messages to the dead-letter queue.
 */
@QuarkusTest
@QuarkusTestResource(WireMockUpstreams.class)
class BusToRedisTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "mp.messaging.incoming.bus.dead-letter-queue-name")
    String deadLetterQueue;

    private Bus bus;

    @BeforeEach
    void setUp() {
        redis.execute("FLUSHDB");
        WireMockUpstreams.server().resetAll();
        bus = new Bus();
        bus.purge(deadLetterQueue);
    }

    @AfterEach
    void tearDown() {
        bus.close();
    }

    @Test
    void realMdapiRepoUpdateRefreshesTheOverviewOfTheSourcePackage() throws Exception {
        // The real message lists binary package "rpm" on rawhide; mdapi says it is built from source "rpm".
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\", \"f43\"]");
        String rpm = MdapiStubs.likeCurl("rpm", "The RPM package management system");
        MdapiStubs.serve(wm, "/rawhide/pkg/rpm", rpm);
        MdapiStubs.serve(wm, "/rawhide/srcpkg/rpm", rpm);

        byte[] recorded = SharedFixtures.realBytes("messages/mdapi/fedmsg__mdapi.repo.update.json");
        JsonNode envelope = MAPPER.readTree(recorded);
        bus.publish("org.fedoraproject.prod.mdapi.repo.update", MAPPER.writeValueAsBytes(envelope.get("msg")), Map.of());

        JsonNode doc = awaitDocument("rpm", ConnectorName.OVERVIEW, Duration.ofSeconds(10));
        assertThat(doc.get("package").asText()).isEqualTo("rpm");
        assertThat(doc.get("connector").asText()).isEqualTo("overview");
        assertThat(doc.get("status").asText()).isEqualTo("ok");
        assertThat(doc.get("version").asLong()).isPositive();
        assertThat(Instant.parse(doc.get("refreshedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(doc.get("source").asText()).endsWith("/mdapi/rawhide/srcpkg/rpm");
        JsonNode data = doc.get("data");
        assertThat(data.get("summary").asText()).isEqualTo("The RPM package management system");
        assertThat(data.get("version").asText()).isEqualTo("8.22.0~rc2");
        assertThat(data.get("branch").asText()).isEqualTo("rawhide");
        // Binary names mdapi does not know (404) are skipped: no page for them.
        assertThat(redis.execute("ZRANGE", RedisLayout.KNOWN_PACKAGES, "0", "-1").toString()).isEqualTo("[rpm]");
        JsonNode summary = MAPPER.readTree(redis.hash(String.class).hget(RedisLayout.PACKAGE_SUMMARIES, "rpm"));
        assertThat(summary.get("version").asText()).isEqualTo("8.22.0~rc2-1.fc46");
    }

    @Test
    void notJsonGoesToTheDeadLetterQueueWithItsReasonAndTheNextMessageIsProcessed() throws Exception {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\"]");
        String curl = SharedFixtures.realText("mdapi/rawhide_pkg_curl.json");
        MdapiStubs.serve(wm, "/rawhide/pkg/curl", curl);
        MdapiStubs.serve(wm, "/rawhide/srcpkg/curl", curl);

        bus.publish("org.fedoraproject.prod.mdapi.repo.update", "this is { not json");
        bus.publish("org.fedoraproject.prod.mdapi.repo.update", "{\"name\": \"rawhide\", \"packages\": [\"curl\"]}");

        GetResponse dead = bus.take(deadLetterQueue, Duration.ofSeconds(10)).orElseThrow();
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("this is { not json");
        assertThat(dead.getProps().getHeaders().get(DeadLetters.REASON_HEADER).toString()).contains("not JSON");
        assertThat(dead.getProps().getHeaders().get(DeadLetters.TOPIC_HEADER).toString())
                .isEqualTo("org.fedoraproject.prod.mdapi.repo.update");
        JsonNode doc = awaitDocument("curl", ConnectorName.OVERVIEW, Duration.ofSeconds(10));
        assertThat(doc.at("/data/summary").asText()).startsWith("A utility for getting files");
    }

    @Test
    void aMessageWithoutThePackageNameIsDeadLettered() {
        bus.publish("org.fedoraproject.prod.buildsys.build.state.change", "{\"build_id\": 42, \"new\": 1, \"instance\": \"primary\"}");
        GetResponse dead = bus.take(deadLetterQueue, Duration.ofSeconds(10)).orElseThrow();
        assertThat(dead.getProps().getHeaders().get(DeadLetters.REASON_HEADER).toString()).contains("without 'name'");
    }

    @Test
    void refreshRequestsRefreshTheNamedDocumentsAndBadOnesAreDeadLettered() throws Exception {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\"]");
        String curl = SharedFixtures.realText("mdapi/rawhide_pkg_curl.json");
        MdapiStubs.serve(wm, "/rawhide/pkg/curl", curl);
        MdapiStubs.serve(wm, "/rawhide/srcpkg/curl", curl);

        bus.publish("fedora-packages.test.refresh", "{\"package\": \"curl\", \"connectors\": [\"weather\"]}");
        bus.publish("fedora-packages.test.refresh", "{\"package\": \"curl\", \"connectors\": [\"overview\"]}");

        GetResponse dead = bus.take(deadLetterQueue, Duration.ofSeconds(10)).orElseThrow();
        assertThat(dead.getProps().getHeaders().get(DeadLetters.REASON_HEADER).toString()).contains("unknown connector 'weather'");
        JsonNode doc = awaitDocument("curl", ConnectorName.OVERVIEW, Duration.ofSeconds(10));
        assertThat(doc.at("/data/version").asText()).isEqualTo("8.22.0~rc2");
        assertThat(redis.hash(String.class).hget(RedisLayout.document("curl", ConnectorName.BUILDS), RedisLayout.DOC_BODY))
                .as("only the requested connector is refreshed").isNull();
    }

    @Test
    void anEventAboutManyPackagesIsHandedOnAsOneRefreshRequestPerSourcePackage() throws Exception {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\"]");
        StringBuilder binaries = new StringBuilder();
        for (int i = 0; i < 12; i++) { // more than fp.refresh.inline-max-packages, two binaries per source
            String source = "demo" + i;
            String doc = MdapiStubs.likeCurl(source, "Demo package " + i);
            MdapiStubs.serve(wm, "/rawhide/pkg/" + source, doc);
            MdapiStubs.serve(wm, "/rawhide/pkg/" + source + "-libs", doc);
            MdapiStubs.serve(wm, "/rawhide/srcpkg/" + source, doc);
            binaries.append(i == 0 ? "" : ",").append('"').append(source).append("\",\"").append(source).append("-libs\"");
        }
        bus.publish("org.fedoraproject.prod.mdapi.repo.update", "{\"name\": \"rawhide\", \"packages\": [" + binaries + "]}");

        for (int i = 0; i < 12; i++) {
            JsonNode doc = awaitDocument("demo" + i, ConnectorName.OVERVIEW, Duration.ofSeconds(20));
            assertThat(doc.at("/data/summary").asText()).isEqualTo("Demo package " + i);
        }
        // each source package was refreshed once, not once per binary: at most one srcpkg lookup per mdapi
        // connector of the route (overview, dependencies, files, changelog; they usually share one), not eight
        assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/mdapi/rawhide/srcpkg/demo3"))))
                .isNotEmpty().hasSizeLessThanOrEqualTo(4);
        assertThat(bus.take(deadLetterQueue, Duration.ofMillis(200))).isEmpty();
    }

    private JsonNode awaitDocument(String pkg, ConnectorName connector, Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            String body = redis.hash(String.class).hget(RedisLayout.document(pkg, connector), RedisLayout.DOC_BODY);
            if (body != null) {
                return MAPPER.readTree(body);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + connector.id() + " document for " + pkg + " within " + timeout);
    }
}
