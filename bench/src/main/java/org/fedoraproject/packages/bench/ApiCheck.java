package org.fedoraproject.packages.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * "The API shows it": for sampled events, once the notices came, polls {@code GET /api/v1/packages/{name}}
 * until every connector the event asked for shows a version above the one counted before publishing
 * (a fetch that started after the event was stored) or an error recorded after the publish.
 * Polling starts at the notice, not at the publish, so the sample costs the API a few reads only.
 */
final class ApiCheck implements AutoCloseable {
    private static final long POLL_MS = 20;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "api-check");
        t.setDaemon(true);
        return t;
    });

    ApiCheck(String base) {
        this.base = base;
    }

    void start(Tracker.Event event) {
        if (event.sampled) {
            pool.execute(() -> poll(event));
        }
    }

    private void poll(Tracker.Event e) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/packages/"
                    + URLEncoder.encode(e.pkg, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            if (r.statusCode() == 200 && shows(json.readTree(r.body()).path("connectors"), e)) {
                e.apiShown = now;
                return;
            }
        } catch (Exception ex) {
            // counted as not shown yet; the deadline ends the polling
        }
        long deadline = e.entries.stream().mapToLong(x -> x.deadlineNanos).max().orElse(0);
        if (System.nanoTime() > deadline) {
            e.apiGaveUp = true;
        } else {
            pool.schedule(() -> poll(e), POLL_MS, TimeUnit.MILLISECONDS);
        }
    }

    private static boolean shows(JsonNode connectors, Tracker.Event e) {
        for (Tracker.Entry entry : e.entries) {
            JsonNode c = connectors.path(entry.key.connector());
            boolean stored = c.path("version").canConvertToLong() && c.path("version").asLong() > entry.seqAtPublish;
            boolean failed = false;
            String at = c.path("error").path("at").asText(null);
            if (at != null) {
                try {
                    failed = !Instant.parse(at).isBefore(e.publishWall);
                } catch (java.time.format.DateTimeParseException ignored) {
                    // an unreadable time proves nothing
                }
            }
            if (!stored && !failed) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
