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
import org.fedoraproject.packages.worker.refresh.Priority;
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
    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @ConfigProperty(name = "mp.messaging.incoming.bus.dead-letter-queue-name")
    String deadLetterQueue;
    @ConfigProperty(name = "mp.messaging.incoming.refresh-requests.dead-letter-queue-name")
    String refreshDeadLetterQueue;
    /** fedora-packages.<instance>.refresh: the instance the test JVM runs as (test, or as -D%test.fp.instance says). */
    @ConfigProperty(name = "mp.messaging.incoming.refresh-requests.routing-keys")
    String refreshRoutingKey;

    private Bus bus;

    @BeforeEach
    void setUp() {
        redis.execute("FLUSHDB");
        WireMockUpstreams.server().resetAll();
        bus = new Bus();
        bus.purge(deadLetterQueue);
        bus.purge(refreshDeadLetterQueue);
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

        bus.publish(refreshRoutingKey, "{\"package\": \"curl\", \"connectors\": [\"weather\"]}");
        bus.publish(refreshRoutingKey, "{\"package\": \"curl\", \"connectors\": \"ci\"}");
        bus.publish(refreshRoutingKey, "{\"package\": 12345}");
        bus.publish(refreshRoutingKey, "{\"command\": \"reboot\"}");
        bus.publish(refreshRoutingKey, "{\"package\": \"curl\", \"connectors\": [\"overview\"]}");

        // bad requests land in the refresh queue's own dead-letter queue, each with its reason
        assertThat(reason(bus.take(refreshDeadLetterQueue, Duration.ofSeconds(10)).orElseThrow())).contains("unknown connector 'weather'");
        assertThat(reason(bus.take(refreshDeadLetterQueue, Duration.ofSeconds(10)).orElseThrow())).contains("must be a non-empty array");
        assertThat(reason(bus.take(refreshDeadLetterQueue, Duration.ofSeconds(10)).orElseThrow())).contains("valid package name as a string");
        assertThat(reason(bus.take(refreshDeadLetterQueue, Duration.ofSeconds(10)).orElseThrow())).contains("unknown command");
        assertThat(bus.take(deadLetterQueue, Duration.ofMillis(200))).as("nothing in the bus's DLQ").isEmpty();
        JsonNode doc = awaitDocument("curl", ConnectorName.OVERVIEW, Duration.ofSeconds(10));
        assertThat(doc.at("/data/version").asText()).isEqualTo("8.22.0~rc2");
        assertThat(redis.hash(String.class).hget(RedisLayout.document("curl", ConnectorName.BUILDS), RedisLayout.DOC_BODY))
                .as("only the requested connector is refreshed").isNull();
    }

    @Test
    void namesThatAreNotStringsAreDeadLetteredWithAReasonNotTakenForPackages() throws Exception {
        bus.publish("org.fedoraproject.prod.koschei.package.state.change", "{\"name\": 12345, \"collection\": \"f44\"}");
        bus.publish("org.fedoraproject.prod.mdapi.repo.update", "{\"name\": \"rawhide\", \"packages\": [12345, true]}");

        assertThat(reason(bus.take(deadLetterQueue, Duration.ofSeconds(10)).orElseThrow())).contains("'name' is not a string");
        assertThat(reason(bus.take(deadLetterQueue, Duration.ofSeconds(10)).orElseThrow())).contains("no valid package name");
        assertThat(redis.execute("KEYS", "pkg:{12345}*").size()).isZero();
        for (String upstream : java.util.List.of("koschei", "mdapi")) {
            String ready = RedisLayout.schedulerKeys(upstream).get(0);
            assertThat(redis.execute("ZRANGE", ready, "0", "-1").toString()).doesNotContain("12345");
        }
    }

    @Test
    void theRoutingKeyDecidesTheRouteNotAnEnvelopesInnerTopic() throws Exception {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\"]");
        // sent on Koschei's key, claiming to be an mdapi.repo.update inside: only the ci document may be asked for
        bus.publish("org.fedoraproject.prod.koschei.package.state.change",
                "{\"topic\": \"org.fedoraproject.prod.mdapi.repo.update\", \"msg\": {\"name\": \"curl\", \"packages\": [\"curl\"]}}");
        Instant end = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(end) && redis.hash(String.class).hget(RedisLayout.meta("curl"), "ci:seq") == null) {
            Thread.sleep(50);
        }
        assertThat(redis.hash(String.class).hget(RedisLayout.meta("curl"), "ci:seq")).as("the ci entry was refreshed").isNotNull();
        assertThat(redis.hash(String.class).hget(RedisLayout.meta("curl"), "overview:seq")).isNull();
        assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/mdapi/.*/pkg/curl")))).isEmpty();
    }

    @Test
    void anEventNamingTenThousandPackagesIsHandedOffAtOnce() throws Exception {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\"]");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            names.append(i == 0 ? "" : ",").append("\"bin").append(i).append('"');
        }
        double before = queued();
        Instant published = Instant.now();
        bus.publish("org.fedoraproject.prod.mdapi.repo.update", "{\"name\": \"rawhide\", \"packages\": [" + names + "]}");
        while (queued() - before < 10_000 && Duration.between(published, Instant.now()).toSeconds() < 10) {
            Thread.sleep(20);
        }
        Duration took = Duration.between(published, Instant.now());
        // (other tests' leftover mdapi entries may be counted too, hence at least)
        assertThat(queued() - before).as("every name recorded as a lookup").isGreaterThanOrEqualTo(10_000);
        // recorded, not looked up: the lookups (10,000 mdapi calls) go on in the mdapi lane afterwards
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        System.out.printf("10,000-package event recorded in %d ms%n", took.toMillis());
        redis.execute("FLUSHDB"); // the 10,000 lookups are not this test's subject: don't leave them to the next
    }

    private double queued() {
        // the event's counter: refresh requests (cold-page priority) count under the same upstream and result
        var counter = meters.find("fp.scheduler.requests")
                .tags("upstream", "mdapi", "priority", Priority.EVENT.id(), "result", "queued").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String reason(GetResponse dead) {
        return dead.getProps().getHeaders().get(DeadLetters.REASON_HEADER).toString();
    }

    @Test
    void anEventAboutManyBinariesRefreshesEachSourcePackageThroughTheScheduler() throws Exception {
        var wm = WireMockUpstreams.server();
        MdapiStubs.branches(wm, "[\"rawhide\"]");
        StringBuilder binaries = new StringBuilder();
        for (int i = 0; i < 12; i++) { // two binaries per source
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
        // the entries of a source named by two binaries are coalesced in the scheduler: at most one srcpkg
        // lookup per mdapi connector of the route, plus one more refresh each when the second binary's
        // lookup finished while the entries were already being fetched — never one per binary per connector
        for (int i = 0; i < 12; i++) {
            assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/mdapi/rawhide/srcpkg/demo" + i))))
                    .isNotEmpty().hasSizeLessThanOrEqualTo(8);
        }
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
