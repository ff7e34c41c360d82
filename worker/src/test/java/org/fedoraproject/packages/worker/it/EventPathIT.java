package org.fedoraproject.packages.worker.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.worker.support.Bus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event path of the packaged worker under faults, on real RabbitMQ and Redis with production queue
 * settings (durable queues, the prod profile): kill -9 mid-stream, Redis and RabbitMQ restarts, two
 * workers on one queue. Each event is a Koschei state change (one entry, one upstream call), so
 * the WireMock journal counts fetches exactly. "Refreshed" means: the entry's refreshedAt is later
 * than the last event published about it, which the scheduler guarantees (a request during a
 * fetch causes one more fetch).
 */
class EventPathIT {
    private static final String VHOST = "fedora-packages-test";
    private static final String TOPIC = "org.fedoraproject.prod.koschei.package.state.change";
    private static final Duration DRAIN = Duration.ofSeconds(120);

    private static WireMockServer wiremock;
    private static RedisServer redis;
    private final List<WorkerJar> workers = new ArrayList<>();
    private final Map<String, Instant> lastPublished = new HashMap<>();

    @BeforeAll
    static void services() throws IOException {
        wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wiremock.start();
        Path dir = Path.of("target", "it-redis");
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        redis = new RedisServer(dir).start();
    }

    @AfterAll
    static void stopServices() {
        if (redis != null) {
            redis.close();
        }
        if (wiremock != null) {
            wiremock.stop();
        }
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(WorkerJar::close);
        workers.clear();
    }

    @Test
    void killNineMidStreamLosesNoRequestedRefresh() throws Exception {
        String instance = "it-kill";
        List<String> packages = names("k", 200);
        stubKoschei(packages, 20);
        try (Resp db = new Resp(redis.port(), 1); Bus bus = cleanQueues(instance)) {
            WorkerJar first = worker(instance, 1, "kill-a");
            for (int i = 0; i < 1000; i++) {
                publish(bus, packages.get(i % packages.size()));
                if (i == 400) {
                    first.kill();
                }
                Thread.sleep(2);
            }
            worker(instance, 1, "kill-b");
            awaitRefreshed(db, packages);
            for (String p : packages) {
                // five events each; coalescing allows at most one fetch per event, and the fetch the kill cut short
                assertThat(calls(p)).as("fetches of %s", p).isBetween(1, 6);
            }
            assertThat(bus.depth(deadLetterQueue(instance))).isZero();
        }
    }

    @Test
    void aRedisRestartIsRiddenOutWithoutLosingOrDeadLetteringAnything() throws Exception {
        String instance = "it-redis";
        List<String> packages = names("r", 100);
        stubKoschei(packages, 5);
        try (Resp db = new Resp(redis.port(), 2); Bus bus = cleanQueues(instance)) {
            worker(instance, 2, "redis");
            for (int i = 0; i < 300; i++) {
                publish(bus, packages.get(i % packages.size()));
                if (i == 100) {
                    redis.stop();
                }
                if (i == 200) {
                    redis.start(); // same port and append-only file: what was acknowledged is still there
                }
                Thread.sleep(i > 100 && i < 200 ? 30 : 2); // about 3 s without Redis
            }
            awaitRefreshed(db, packages);
            assertThat(bus.depth(deadLetterQueue(instance))).as("nothing dead-lettered").isZero();
            assertThat(workers.get(0).alive()).isTrue();
        }
    }

    @Test
    void aRabbitMqRestartIsRiddenOutByTheWorker() throws Exception {
        String instance = "it-amqp";
        List<String> packages = names("a", 100);
        stubKoschei(packages, 5);
        try (Resp db = new Resp(redis.port(), 3); Bus before = cleanQueues(instance)) {
            worker(instance, 3, "amqp");
            for (int i = 0; i < 100; i++) {
                publish(before, packages.get(i));
            }
            before.close();
            restartRabbitMq();
            try (Bus after = new Bus(VHOST)) {
                for (int i = 0; i < 100; i++) {
                    publish(after, packages.get(i)); // reaches the durable queue whether the worker is back yet or not
                }
                awaitRefreshed(db, packages);
                assertThat(after.depth(deadLetterQueue(instance))).isZero();
            }
        }
    }

    @Test
    void twoWorkersOnOneQueueReachTheSameFinalStateAsOne() throws Exception {
        List<String> packages = names("t", 100);
        stubKoschei(packages, 10);
        Map<String, String> alone = runStream("it-one", 4, packages, 1);
        Map<String, String> shared = runStream("it-two", 5, packages, 2);
        assertThat(shared).isEqualTo(alone);
        for (WorkerJar w : workers.subList(1, 3)) {
            assertThat(w.metric("fp_refresh_seconds_count")).as("each of the two did part of the work").isPositive();
        }
    }

    /** Publishes the same 500 events with {@code n} workers on one queue; the ci documents' data at the end. */
    private Map<String, String> runStream(String instance, int dbIndex, List<String> packages, int n) throws Exception {
        try (Resp db = new Resp(redis.port(), dbIndex); Bus bus = cleanQueues(instance)) {
            for (int i = 0; i < n; i++) {
                worker(instance, dbIndex, instance + "-" + i);
            }
            for (int i = 0; i < 500; i++) {
                publish(bus, packages.get(i % packages.size()));
            }
            awaitRefreshed(db, packages);
            Map<String, String> data = new LinkedHashMap<>();
            for (String p : packages) {
                String body = db.hget(RedisLayout.document(p, ConnectorName.CI), RedisLayout.DOC_BODY);
                data.put(p, body.substring(body.indexOf("\"data\"")));
            }
            return data;
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private WorkerJar worker(String instance, int db, String name) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("fp.instance", instance);
        p.put("rabbitmq-virtual-host", VHOST);
        p.put("quarkus.redis.hosts", redis.url(db));
        p.put("quarkus.rest-client.koschei.url", "http://127.0.0.1:" + wiremock.port() + "/koschei");
        p.put("fp.scheduler.lease", "PT5S"); // a killed worker's claims come back after this
        WorkerJar w = new WorkerJar(name, p).start();
        workers.add(w);
        return w;
    }

    private Bus cleanQueues(String instance) {
        Bus bus = new Bus(VHOST);
        for (String q : List.of(queue(instance), deadLetterQueue(instance), "fedora-packages." + instance + ".refresh",
                "fedora-packages." + instance + ".refresh.dlq")) {
            bus.delete(q);
        }
        return bus;
    }

    private static String queue(String instance) {
        return "fedora-packages." + instance + ".worker";
    }

    private static String deadLetterQueue(String instance) {
        return queue(instance) + ".dlq";
    }

    private void publish(Bus bus, String pkg) {
        lastPublished.put(pkg, Instant.now());
        bus.publish(TOPIC, "{\"name\": \"" + pkg + "\", \"collection\": \"f44\", \"old\": \"ok\", \"new\": \"failing\"}");
    }

    /** Until every package's ci entry was written after its last event, and the scheduler is empty. */
    private void awaitRefreshed(Resp db, List<String> packages) {
        Instant end = Instant.now().plus(DRAIN);
        List<String> stale = packages;
        while (Instant.now().isBefore(end)) {
            try {
                stale = packages.stream().filter(p -> !refreshedSinceLastEvent(db, p)).toList();
                List<String> keys = RedisLayout.schedulerKeys("koschei");
                if (stale.isEmpty() && db.number("ZCARD", keys.get(0)) == 0 && db.number("ZCARD", keys.get(1)) == 0) {
                    return;
                }
            } catch (IllegalStateException redisDown) {
                // the Redis restart test: look again once it is back
            }
            RedisServer.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError(stale.size() + " entries not refreshed after their last event within " + DRAIN
                + ", e.g. " + stale.subList(0, Math.min(5, stale.size())));
    }

    private boolean refreshedSinceLastEvent(Resp db, String pkg) {
        String at = db.hget(RedisLayout.meta(pkg), RedisLayout.MetaField.refreshedAt(ConnectorName.CI));
        return at != null && Instant.parse(at).isAfter(lastPublished.get(pkg));
    }

    private static List<String> names(String prefix, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(String.format("%s-pkg%03d", prefix, i));
        }
        return names;
    }

    private static void stubKoschei(List<String> packages, int delayMillis) {
        for (String p : packages) {
            wiremock.stubFor(get(urlEqualTo("/koschei/api/v1/packages?name=" + p)).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json").withFixedDelay(delayMillis)
                    .withBody("[{\"name\": \"" + p + "\", \"collection\": \"f44\", \"state\": \"failing\"}]")));
        }
    }

    private static int calls(String pkg) {
        return wiremock.findAll(getRequestedFor(urlEqualTo("/koschei/api/v1/packages?name=" + pkg))).size();
    }

    /** The broker application stops and starts (connections dropped, durable queues kept), as in an upgrade. */
    private static void restartRabbitMq() throws Exception {
        for (String action : List.of("stop_app", "start_app")) {
            Process p = new ProcessBuilder("rabbitmqctl", action).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as("rabbitmqctl %s: %s", action, out).isZero();
        }
        Instant end = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(end)) {
            try (Bus probe = new Bus(VHOST)) {
                return;
            } catch (IllegalStateException notYet) {
                RedisServer.sleep(Duration.ofMillis(500));
            }
        }
        throw new AssertionError("RabbitMQ did not come back within 60 s");
    }
}
