package org.fedoraproject.packages.api.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.fedoraproject.packages.api.support.WorkerProcess;
import org.fedoraproject.packages.contract.testing.SharedFixtures;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end: a real fedora-messaging message (recorded on Fedora's bus) is
 * published to the local RabbitMQ; the real worker process consumes it, asks mdapi (WireMock) and
 * writes Redis; the API under test serves the refreshed document within 5 seconds.
 */
@QuarkusTest
@QuarkusTestResource(value = WorkerProcess.class, restrictToAnnotatedClass = true)
class BusToApiEndToEndTest {
    @org.junit.jupiter.api.AfterAll
    static void stopTheWorker() {
        WorkerProcess.stopNow();
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    RedisDataSource redis;

    @Test
    void realBusMessageReachesTheApiWithinFiveSeconds() throws Exception {
        redis.execute("FLUSHDB");
        // The recorded mdapi.repo.update names binary package "vips" on rawhide. mdapi's answer for it
        // is ours, in the real shape of today's /pkg/ (the curl recording with the names changed).
        ObjectNode vips = (ObjectNode) MAPPER.readTree(SharedFixtures.realText("mdapi/rawhide_pkg_curl.json"));
        vips.put("basename", "vips").put("summary", "C/C++ library for processing large images")
                .put("version", "8.16.0").put("release", "1.fc46");
        vips.putArray("co-packages").add("vips").add("vips-devel");
        var wm = WorkerProcess.wiremock();
        wm.resetAll();
        wm.stubFor(get(urlEqualTo("/mdapi/branches")).willReturn(json("[\"rawhide\"]")));
        wm.stubFor(get(urlEqualTo("/mdapi/rawhide/pkg/vips")).willReturn(json(vips.toString())));
        wm.stubFor(get(urlEqualTo("/mdapi/rawhide/srcpkg/vips")).willReturn(json(vips.toString())));

        given().when().get("/api/v1/packages/vips/overview").then().statusCode(404);

        JsonNode recorded = MAPPER.readTree(SharedFixtures.realBytes("messages/mdapi/fedmsg__mdapi.repo.update.json"));
        Instant published = publish("org.fedoraproject.prod.mdapi.repo.update", MAPPER.writeValueAsBytes(recorded.get("msg")));

        Response answer = null;
        while (Duration.between(published, Instant.now()).compareTo(Duration.ofSeconds(5)) < 0) {
            answer = given().when().get("/api/v1/packages/vips/overview");
            if (answer.statusCode() == 200) {
                break;
            }
            Thread.sleep(50);
        }
        Duration took = Duration.between(published, Instant.now());
        assertThat(answer).isNotNull();
        assertThat(answer.statusCode()).as("API status %s after %s", answer.statusCode(), took).isEqualTo(200);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        JsonNode doc = MAPPER.readTree(answer.asString());
        assertThat(doc.at("/data/summary").asText()).isEqualTo("C/C++ library for processing large images");
        assertThat(doc.at("/data/version").asText()).isEqualTo("8.16.0");
        assertThat(doc.at("/data/subpackages").size()).isEqualTo(2);
        assertThat(doc.get("refreshedAt").asText()).isNotBlank();
        given().when().get("/api/v1/packages").then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.hasItem("vips"));
        System.out.printf("bus → worker → Redis → API: %d ms%n", took.toMillis());
    }

    /**
     * Index maintenance, as a user sees it: an event that changes a package's summary makes the new words
     * findable and the old ones not, within a second of the page showing the new summary.
     */
    @Test
    void aChangedSummaryIsSearchableWithinASecondOfThePage() throws Exception {
        redis.execute("FLUSHDB");
        var wm = WorkerProcess.wiremock();
        wm.resetAll();
        wm.stubFor(get(urlEqualTo("/mdapi/branches")).willReturn(json("[\"rawhide\"]")));
        JsonNode recorded = MAPPER.readTree(SharedFixtures.realBytes("messages/mdapi/fedmsg__mdapi.repo.update.json"));
        byte[] event = MAPPER.writeValueAsBytes(recorded.get("msg")); // names binary package vips on rawhide

        vipsInMdapi(wm, "C/C++ library for processing large images", "8.16.0");
        publish("org.fedoraproject.prod.mdapi.repo.update", event);
        awaitSearch("processing", true, Duration.ofSeconds(10));
        // cached before the change: an answer the new summary changes (no hit yet) and one it cannot change
        awaitSearch("gigapixel", false, Duration.ofSeconds(1));
        given().queryParam("q", "zebra").get("/api/v1/search").then().statusCode(200);
        double keptBefore = metric("fp_search_cache_kept_total");

        vipsInMdapi(wm, "Demand-driven toolkit for gigapixel pictures", "8.17.0");
        publish("org.fedoraproject.prod.mdapi.repo.update", event);
        Instant deadline = Instant.now().plusSeconds(10);
        while (!given().get("/api/v1/packages/vips/overview").asString().contains("gigapixel")) {
            assertThat(Instant.now()).as("page shows the new summary").isBefore(deadline);
            Thread.sleep(10);
        }
        Instant pageShows = Instant.now();
        awaitSearch("gigapixel", true, Duration.ofSeconds(1));
        Duration lag = Duration.between(pageShows, Instant.now());
        awaitSearch("processing", false, Duration.ofSeconds(1));
        Response hit = given().queryParam("q", "gigapixel").get("/api/v1/search");
        assertThat(hit.jsonPath().getString("items.find { it.name == 'vips' }.version")).isEqualTo("8.17.0-1.fc46");
        assertThat(hit.jsonPath().getString("items.find { it.name == 'vips' }.highlight.summary")).contains("<mark>gigapixel</mark>");
        System.out.printf("page shows the new summary → search finds it: %d ms%n", lag.toMillis());
        assertThat(metric("fp_search_cache_kept_total")).as("answers the change could not affect stay cached")
                .isGreaterThan(keptBefore);

        // a new build changes only the version: the cached answer that lists vips is dropped, and shows it
        vipsInMdapi(wm, "Demand-driven toolkit for gigapixel pictures", "8.18.0");
        publish("org.fedoraproject.prod.mdapi.repo.update", event);
        while (!given().get("/api/v1/packages/vips/overview").asString().contains("8.18.0")) {
            assertThat(Instant.now()).as("page shows the new version").isBefore(deadline.plusSeconds(10));
            Thread.sleep(10);
        }
        Instant newVersion = Instant.now();
        while (!"8.18.0-1.fc46".equals(given().queryParam("q", "gigapixel").get("/api/v1/search").jsonPath()
                .getString("items.find { it.name == 'vips' }.version"))) {
            assertThat(Instant.now()).as("search shows the new version within a second").isBefore(newVersion.plusSeconds(1));
            Thread.sleep(10);
        }
    }

    /** A counter of the API's Prometheus metrics (0 when absent). */
    private static double metric(String name) {
        for (String line : given().get("/q/metrics").asString().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    /** A tool listening to a package's event stream (and to all packages') sees the refresh a bus message caused. */
    @Test
    void anEventStreamReportsTheRefreshABusMessageCaused() throws Exception {
        redis.execute("FLUSHDB");
        var wm = WorkerProcess.wiremock();
        wm.resetAll();
        wm.stubFor(get(urlEqualTo("/mdapi/branches")).willReturn(json("[\"rawhide\"]")));
        vipsInMdapi(wm, "C/C++ library for processing large images", "8.16.0");
        redis.sortedSet(String.class).zadd("packages", 0, "vips");
        EventListener one = EventListener.open(root + "api/v1/packages/vips/events", null);
        EventListener all = EventListener.open(root + "api/v1/events", null);
        try {
            JsonNode recorded = MAPPER.readTree(SharedFixtures.realBytes("messages/mdapi/fedmsg__mdapi.repo.update.json"));
            publish("org.fedoraproject.prod.mdapi.repo.update", MAPPER.writeValueAsBytes(recorded.get("msg")));
            JsonNode event = one.awaitData(d -> d.contains("\"connector\":\"overview\""), Duration.ofSeconds(10));
            assertThat(event.get("package").asText()).isEqualTo("vips");
            assertThat(event.get("version").asLong()).isPositive();
            assertThat(event.get("status").asText()).isEqualTo("ok");
            assertThat(event.get("refreshedAt").asText()).isNotBlank();
            assertThat(one.lastId()).matches("\\d+-\\d+");
            assertThat(all.awaitData(d -> d.contains("\"package\":\"vips\""), Duration.ofSeconds(5)).get("connector").asText())
                    .isNotBlank();
        } finally {
            one.close();
            all.close();
        }
        // a client that comes back with Last-Event-ID gets what it missed at once, from the package's metadata
        EventListener back = EventListener.open(root + "api/v1/packages/vips/events", "0-0");
        try {
            assertThat(back.awaitData(d -> d.contains("\"connector\":\"overview\""), Duration.ofSeconds(3)).get("version").asLong())
                    .isPositive();
        } finally {
            back.close();
        }
        given().when().get("/api/v1/packages/no-such-package/events").then().statusCode(404).contentType("application/problem+json");
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    /** Reads a text/event-stream in the background, as a tool would. */
    static final class EventListener implements AutoCloseable {
        private final java.util.concurrent.BlockingQueue<String> data = new java.util.concurrent.LinkedBlockingQueue<>();
        private volatile String lastId;
        private final java.util.concurrent.CompletableFuture<?> reading;

        private EventListener(java.util.concurrent.CompletableFuture<?> reading) {
            this.reading = reading;
        }

        static EventListener open(String url, String lastEventId) throws Exception {
            var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                builder.header("Last-Event-ID", lastEventId);
            }
            java.util.concurrent.CompletableFuture<EventListener> self = new java.util.concurrent.CompletableFuture<>();
            var response = java.net.http.HttpClient.newHttpClient().send(builder.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            EventListener[] holder = new EventListener[1];
            var reading = java.util.concurrent.CompletableFuture.runAsync(() -> response.body().forEach(line -> {
                if (line.startsWith("data:")) {
                    holder[0].data.add(line.substring(5).strip());
                } else if (line.startsWith("id:")) {
                    holder[0].lastId = line.substring(3).strip();
                }
            }));
            holder[0] = new EventListener(reading);
            return holder[0];
        }

        JsonNode awaitData(java.util.function.Predicate<String> wanted, Duration within) throws Exception {
            Instant end = Instant.now().plus(within);
            while (Instant.now().isBefore(end)) {
                String d = data.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (d != null && wanted.test(d)) {
                    return MAPPER.readTree(d);
                }
            }
            throw new AssertionError("no such event within " + within);
        }

        String lastId() {
            return lastId;
        }

        @Override
        public void close() {
            reading.cancel(true);
        }
    }

    private static void vipsInMdapi(com.github.tomakehurst.wiremock.WireMockServer wm, String summary, String version)
            throws Exception {
        ObjectNode vips = (ObjectNode) MAPPER.readTree(SharedFixtures.realText("mdapi/rawhide_pkg_curl.json"));
        vips.put("basename", "vips").put("summary", summary).put("version", version).put("release", "1.fc46");
        vips.putArray("co-packages").add("vips").add("vips-devel");
        wm.stubFor(get(urlEqualTo("/mdapi/rawhide/pkg/vips")).willReturn(json(vips.toString())));
        wm.stubFor(get(urlEqualTo("/mdapi/rawhide/srcpkg/vips")).willReturn(json(vips.toString())));
    }

    /** Polls the search until vips is (or is no longer) a hit for {@code word}. */
    private static void awaitSearch(String word, boolean found, Duration within) throws InterruptedException {
        Instant end = Instant.now().plus(within);
        while (true) {
            Response r = given().queryParam("q", word).queryParam("limit", 100).get("/api/v1/search");
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
            if (r.jsonPath().getList("items.name").contains("vips") == found) {
                return;
            }
            assertThat(Instant.now()).as("vips %s for '%s' within %s", found ? "found" : "gone", word, within).isBefore(end);
            Thread.sleep(10);
        }
    }

    @Test
    void aColdPageIsFilledByTheWorkerOnFirstRequestWithOneUpstreamCallForManyReaders() throws Exception {
        var wm = emptyStoreAndCurlInMdapi(300);
        // Known (as after a bootstrap from the package list) but never fetched.
        redis.sortedSet(String.class).zadd("packages", 0, "curl");

        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Response>>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> given().when().get("/api/v1/packages/curl/overview")));
            }
            for (var answer : answers) {
                Response r = answer.get();
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(MAPPER.readTree(r.asString()).at("/data/summary").asText())
                        .startsWith("A utility for getting files from remote servers");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/mdapi/rawhide/srcpkg/curl")))).as("concurrent misses share one refresh").hasSize(1);
        // An unknown name never reaches the worker or the upstream.
        given().when().get("/api/v1/packages/not-a-package/overview").then().statusCode(404);
        assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/mdapi/rawhide/srcpkg/not-a-package")))).isEmpty();
    }

    @Test
    void afterARabbitMqRestartColdPagesAreFilledAgainWithoutRestartingAnything() throws Exception {
        emptyStoreAndCurlInMdapi(0);
        redis.sortedSet(String.class).zadd("packages", 0, "curl");

        for (String action : java.util.List.of("stop_app", "start_app")) {
            Process p = new ProcessBuilder("rabbitmqctl", action).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).as("rabbitmqctl " + action).isZero();
        }
        // both the API's publisher and the worker's consumer reconnect on their own (every 2 s)
        Instant end = Instant.now().plusSeconds(45);
        int status = 0;
        while (Instant.now().isBefore(end) && status != 200) {
            status = given().when().get("/api/v1/packages/curl/overview").statusCode();
            assertThat(status).isIn(200, 202);
            Thread.sleep(status == 200 ? 0 : 500);
        }
        assertThat(status).as("cold page filled after the broker restart").isEqualTo(200);
    }

    /** An empty test database, and mdapi (WireMock) serving the real curl recording, srcpkg after a delay. */
    private com.github.tomakehurst.wiremock.WireMockServer emptyStoreAndCurlInMdapi(int srcpkgDelayMillis) {
        redis.execute("FLUSHDB");
        var wm = WorkerProcess.wiremock();
        wm.resetAll();
        String curl = SharedFixtures.realText("mdapi/rawhide_pkg_curl.json");
        wm.stubFor(get(urlEqualTo("/mdapi/branches")).willReturn(json("[\"rawhide\"]")));
        wm.stubFor(get(urlEqualTo("/mdapi/rawhide/pkg/curl")).willReturn(json(curl)));
        wm.stubFor(get(urlEqualTo("/mdapi/rawhide/srcpkg/curl")).willReturn(json(curl).withFixedDelay(srcpkgDelayMillis)));
        return wm;
    }

    private static Instant publish(String topic, byte[] body) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(5672);
        f.setVirtualHost(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("rabbitmq-virtual-host", String.class).orElse("/"));
        try (Connection c = f.newConnection(); Channel ch = c.createChannel()) {
            ch.confirmSelect();
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json")
                    .contentEncoding("utf-8").deliveryMode(2).messageId(UUID.randomUUID().toString())
                    .headers(Map.of("fedora_messaging_schema", "base.message", "sent-at", Instant.now().toString()))
                    .build();
            Instant at = Instant.now();
            ch.basicPublish("amq.topic", topic, props, body);
            ch.waitForConfirmsOrDie(5_000);
            return at;
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
