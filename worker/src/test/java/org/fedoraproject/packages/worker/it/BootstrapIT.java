package org.fedoraproject.packages.worker.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.worker.support.Bus;
import org.fedoraproject.packages.worker.support.RepoStubs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap of the packaged worker (production profile) over a Rawhide of 10,000 source packages:
 * killed with kill -9 part-way and started again, it continues from its cursor and ends with every
 * package known once and described, without fetching again what was written before the kill.
 */
class BootstrapIT {
    private static final String VHOST = "fedora-packages-test";
    private static final int SOURCES = 10_000;
    private static WireMockServer wiremock;
    private static RedisServer redis;

    @BeforeAll
    static void services() throws IOException {
        wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wiremock.start();
        wiremock.stubFor(get(urlEqualTo("/mdapi/branches")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("[\"rawhide\"]")));
        List<RepoStubs.Binary> binaries = new ArrayList<>();
        for (int i = 0; i < SOURCES; i++) {
            String source = "pkg%05d".formatted(i);
            binaries.add(RepoStubs.Binary.of(source, source, "1." + i, "1.fc44", "Package " + i));
            binaries.add(RepoStubs.Binary.of(source + "-libs", source, "1." + i, "1.fc44", "Libraries of package " + i));
        }
        RepoStubs.serve(wiremock, RepoStubs.rawhide(), binaries, true);
        Path dir = Path.of("target", "it-redis-bootstrap");
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        redis = new RedisServer(dir).start();
        deleteQueues();
    }

    /**
     * The worker's durable queues in the shared test vhost collect every test's messages between runs (a
     * test's pagure.project.new would announce one more package): each run starts and ends without them.
     */
    private static void deleteQueues() {
        try (Bus bus = new Bus(VHOST)) {
            for (String q : List.of("worker", "worker.dlq", "refresh", "refresh.dlq")) {
                bus.delete("fedora-packages.it-boot." + q);
            }
        }
    }

    @AfterAll
    static void stop() {
        deleteQueues();
        if (redis != null) {
            redis.close();
        }
        if (wiremock != null) {
            wiremock.stop();
        }
    }

    @Test
    void killedPartWayItResumesFromItsCursorAndDescribesEveryPackageOnce() throws Exception {
        try (Resp db = new Resp(redis.port(), 3)) {
            WorkerJar first = worker("boot-a").start();
            awaitAtLeast(db, 3_000, Duration.ofSeconds(90));
            first.kill();
            long beforeKill = db.number("HLEN", RedisLayout.PACKAGE_SUMMARIES);
            String cursor = db.hget(RedisLayout.BOOTSTRAP, "cursor");
            assertThat(db.hget(RedisLayout.BOOTSTRAP, "state")).isEqualTo("running");
            assertThat(cursor).isNotNull();

            try (WorkerJar second = worker("boot-b").start()) {
                Instant end = Instant.now().plusSeconds(120);
                while (!"done".equals(db.hget(RedisLayout.BOOTSTRAP, "state")) && Instant.now().isBefore(end)) {
                    RedisServer.sleep(Duration.ofMillis(250));
                }
                assertThat(db.hget(RedisLayout.BOOTSTRAP, "state")).isEqualTo("done");
            }
            first.close();

            assertThat(db.number("ZCARD", RedisLayout.KNOWN_PACKAGES)).isEqualTo(SOURCES);
            assertThat(db.number("HLEN", RedisLayout.PACKAGE_SUMMARIES)).isEqualTo(SOURCES);
            assertThat(db.number("HLEN", RedisLayout.BINARIES)).isEqualTo(2L * SOURCES);
            int twice = 0;
            for (int i = 0; i < SOURCES; i++) {
                String seq = db.hget(RedisLayout.meta("pkg%05d".formatted(i)), RedisLayout.MetaField.seq(ConnectorName.OVERVIEW));
                assertThat(seq).as("pkg%05d described", i).isNotNull();
                assertThat(Long.parseLong(seq)).as("pkg%05d fetched at most twice", i).isLessThanOrEqualTo(2);
                twice += Long.parseLong(seq) == 2 ? 1 : 0;
            }
            // a restart from the first name would have fetched the ~beforeKill packages again; the cursor
            // limits the repeats to what was handed over but not yet fetched at the kill (chunk + backlog)
            assertThat(twice).as("fetched again after the restart (%d were described before the kill)", beforeKill)
                    .isLessThanOrEqualTo(500 + 2000);
            assertThat((long) twice).isLessThan(beforeKill);
        }
    }

    private static WorkerJar worker(String name) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("fp.instance", "it-boot");
        p.put("rabbitmq-virtual-host", VHOST);
        p.put("quarkus.redis.hosts", redis.url(3));
        p.put("quarkus.rest-client.mdapi.url", "http://127.0.0.1:" + wiremock.port() + "/mdapi");
        p.put("fp.catalog.mirror", "http://127.0.0.1:" + wiremock.port() + "/dl");
        p.put("fp.scheduler.lease", "PT5S");
        p.put("fp.sweep.enabled", "false");
        return new WorkerJar(name, p);
    }

    private static void awaitAtLeast(Resp db, long described, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (db.number("HLEN", RedisLayout.PACKAGE_SUMMARIES) >= described) {
                return;
            }
            RedisServer.sleep(Duration.ofMillis(20));
        }
        throw new AssertionError("fewer than " + described + " packages described within " + timeout);
    }
}
