package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An instance holds a bounded number of event streams: beyond it, a clear 503 with Retry-After. */
@QuarkusTest
@TestProfile(EventStreamLimitTest.TwoStreams.class)
class EventStreamLimitTest {
    public static class TwoStreams implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fp.events.max-streams", "2", "fp.events.heartbeat", "PT0.2S");
        }
    }

    @Inject
    RedisDataSource redis;
    @TestHTTPResource("/")
    URL root;

    @Test
    void aThirdStreamIsRefusedAndAClosedOneFreesItsPlace() throws Exception {
        redis.execute("FLUSHDB");
        redis.sortedSet(String.class).zadd("packages", 0, "curl");
        List<Socket> streams = new ArrayList<>();
        for (String path : new String[] {"/api/v1/packages/curl/events", "/api/v1/events"}) {
            Socket s = open(path);
            String head = readUntil(s, ":heartbeat");
            assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("text/event-stream").contains(":open");
            streams.add(s);
        }
        given().when().get("/api/v1/events").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", EventStreams.RETRY_AFTER_SECONDS);
        for (Socket s : streams) {
            s.close(); // the clients go away: a heartbeat finds the connection gone and frees its place
        }
        Instant end = Instant.now().plusSeconds(10);
        String status = "";
        while (Instant.now().isBefore(end) && !status.startsWith("HTTP/1.1 200")) {
            try (Socket s = open("/api/v1/events")) {
                status = readUntil(s, "\r\n");
            }
            Thread.sleep(200);
        }
        assertThat(status).startsWith("HTTP/1.1 200");
    }

    private Socket open(String path) throws IOException {
        Socket s = new Socket(root.getHost(), root.getPort());
        s.setSoTimeout(5000);
        s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        return s;
    }

    /** What the server sent until {@code marker} appeared. */
    private static String readUntil(Socket s, String marker) throws IOException {
        StringBuilder got = new StringBuilder();
        var in = s.getInputStream();
        while (got.indexOf(marker) < 0) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            got.append((char) b);
        }
        return got.toString();
    }
}
