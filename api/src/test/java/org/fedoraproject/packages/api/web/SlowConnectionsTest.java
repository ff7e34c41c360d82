package org.fedoraproject.packages.api.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Slow and idle connections are closed: a head that trickles in (slowloris) after fp.http.header-timeout (2 s
 * in tests) with a 408 problem, on a fresh connection and on a kept-alive one; an idle kept-alive connection
 * after quarkus.http.idle-timeout (3 s here); an event stream, whose head came at once, stays open.
 */
@QuarkusTest
@TestProfile(SlowConnectionsTest.ShortIdle.class)
class SlowConnectionsTest {
    /** A short idle timeout, and event-stream heartbeats well within it. */
    public static class ShortIdle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "3S", "fp.events.heartbeat", "PT0.5S");
        }
    }

    static final long HEADER_TIMEOUT_MS = 2000;
    static final long IDLE_TIMEOUT_MS = 3000;
    static final String REQUEST = "GET /api/v1/status HTTP/1.1\r\nHost: localhost\r\nX-Filler: slow\r\n\r\n";

    @TestHTTPResource("/")
    URL root;
    @Inject
    RedisDataSource redis;

    @Test
    void aHeadTricklingInIsAnswered408AndClosedAfterTheHeaderTimeout() throws Exception {
        try (Socket s = open()) {
            long start = System.nanoTime();
            trickle(s, REQUEST, 150); // 1 byte per 150 ms: the idle timeout never fires, the request never ends in time
            String answer = readToEnd(s, 8000);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(answer).startsWith("HTTP/1.1 408").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"status\":408");
            assertThat(ms).isBetween(HEADER_TIMEOUT_MS - 100, HEADER_TIMEOUT_MS + 1500);
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheHeaderTimeout() throws Exception {
        try (Socket s = open()) {
            long start = System.nanoTime();
            String answer = readToEnd(s, 8000);
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(HEADER_TIMEOUT_MS - 100, HEADER_TIMEOUT_MS + 1500);
        }
    }

    @Test
    void aKeptAliveConnectionWaitsForItsNextRequestUntilTheIdleTimeoutThenItsHeadHasTheHeaderTimeout() throws Exception {
        try (Socket s = answered()) {
            Thread.sleep(HEADER_TIMEOUT_MS + 500); // idle between requests: longer than a head may take, shorter than idle
            assertThat(ask(s)).as("the second request on the same connection").startsWith("HTTP/1.1 200");
            long start = System.nanoTime();
            trickle(s, REQUEST, 150);
            assertThat(readToEnd(s, 8000)).startsWith("HTTP/1.1 408");
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(HEADER_TIMEOUT_MS - 100, HEADER_TIMEOUT_MS + 1500);
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (Socket s = answered()) {
            long start = System.nanoTime(); // (the server's idle clock started at its last write, a little earlier)
            assertThat(readToEnd(s, 10_000)).as("nothing more is sent, just the close").isEmpty();
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(IDLE_TIMEOUT_MS - 1000, IDLE_TIMEOUT_MS + 2000);
        }
    }

    @Test
    void aNormalRequestIsUnaffected() {
        given().when().get("/api/v1/status").then().statusCode(200);
    }

    @Test
    void anEventStreamStaysOpenPastBothTimeouts() throws Exception {
        redis.execute("FLUSHDB");
        try (Socket s = open()) {
            s.getOutputStream().write("GET /api/v1/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            s.setSoTimeout(2000);
            InputStream in = s.getInputStream();
            long end = System.nanoTime() + (IDLE_TIMEOUT_MS + 2000) * 1_000_000;
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[1024];
            while (System.nanoTime() < end) {
                int n = in.read(buf);
                assertThat(n).as("the stream is still open after %s", got).isPositive();
                got.write(buf, 0, n);
            }
            assertThat(got.toString(StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200").contains(":heartbeat");
        }
    }

    private Socket open() throws IOException {
        return new Socket(root.getHost(), root.getPort());
    }

    /** A connection that had one request answered, kept alive. */
    private Socket answered() throws IOException {
        Socket s = open();
        assertThat(ask(s)).startsWith("HTTP/1.1 200");
        return s;
    }

    private static String ask(Socket s) throws IOException {
        s.getOutputStream().write(REQUEST.getBytes(StandardCharsets.ISO_8859_1));
        return readResponse(s);
    }

    /** Writes {@code text} a byte at a time from another thread; stops quietly once the server closed. */
    private static void trickle(Socket s, String text, long delayMs) {
        Thread writer = new Thread(() -> {
            try {
                for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
                    s.getOutputStream().write(b);
                    s.getOutputStream().flush();
                    Thread.sleep(delayMs);
                }
            } catch (IOException | InterruptedException e) {
                // the server closed the connection: what the test waits for
            }
        });
        writer.setDaemon(true);
        writer.start();
    }

    /** Everything the server sends until it closes the connection (fails after {@code timeoutMs}). */
    private static String readToEnd(Socket s, int timeoutMs) throws IOException {
        s.setSoTimeout(timeoutMs);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try {
            s.getInputStream().transferTo(got);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("still open after " + timeoutMs + " ms; got: " + got, e);
        } catch (IOException e) {
            // a reset after the answer: closed as well
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    /** One response with a Content-Length body, leaving the connection open. */
    private static String readResponse(Socket s) throws IOException {
        s.setSoTimeout(5000);
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                return head.toString();
            }
            head.append((char) b);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return head + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }
}
