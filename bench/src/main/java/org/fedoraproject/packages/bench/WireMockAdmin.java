package org.fedoraproject.packages.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** WireMock's admin API: global delay, a temporary stub, and counts from the request journal. */
final class WireMockAdmin {
    /** Marks the stubs this benchmark adds, so that bench/event-path.sh can remove them after a crash. */
    static final String METADATA = "{\"fp-bench\":true}";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    WireMockAdmin(String base) {
        this.base = base;
    }

    private JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException(method + " " + base + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isBlank() ? json.createObjectNode() : json.readTree(r.body());
    }

    /** The global settings object, to put back afterwards. */
    JsonNode settings() throws IOException, InterruptedException {
        return call("GET", "/__admin/settings", null).path("settings");
    }

    void setSettings(JsonNode settings) throws IOException, InterruptedException {
        call("POST", "/__admin/settings", json.writeValueAsString(settings));
    }

    void setFixedDelay(JsonNode previous, int ms) throws IOException, InterruptedException {
        com.fasterxml.jackson.databind.node.ObjectNode s = previous.deepCopy();
        s.put("fixedDelay", ms);
        setSettings(s);
    }

    /**
     * A stub above every mapping (priority 1) for all requests under a path, answering {@code body}
     * after {@code delayMs}. Returns its id.
     */
    String addSlowStub(String pathRegex, String body, int delayMs) throws IOException, InterruptedException {
        String stub = "{\"priority\":1,\"persistent\":false,\"metadata\":" + METADATA + ","
                + "\"request\":{\"urlPathPattern\":" + json.writeValueAsString(pathRegex) + "},"
                + "\"response\":{\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
                + "\"body\":" + json.writeValueAsString(body) + ",\"fixedDelayMilliseconds\":" + delayMs + "}}";
        return call("POST", "/__admin/mappings", stub).path("id").asText();
    }

    void removeStub(String id) throws IOException, InterruptedException {
        call("DELETE", "/__admin/mappings/" + id, null);
    }

    void resetJournal() throws IOException, InterruptedException {
        call("DELETE", "/__admin/requests", null);
    }

    /** Whether the journal is on (start.sh keeps a bounded one unless FP_WIREMOCK_JOURNAL=0). */
    boolean journalEnabled() throws IOException, InterruptedException {
        return !count("{\"urlPathPattern\":\"/__bench-probe\"}").path("requestJournalDisabled").asBoolean(false);
    }

    /** Journal entries matching a request pattern (JSON). */
    long countOf(String pattern) throws IOException, InterruptedException {
        return count(pattern).path("count").asLong();
    }

    private JsonNode count(String pattern) throws IOException, InterruptedException {
        return call("POST", "/__admin/requests/count", pattern);
    }

    /**
     * Journal entries whose URL matches {@code urlRegex} logged at or after {@code sinceMillis}: by date,
     * not by a count difference, so the journal's cap and the sweep's requests meanwhile do not matter.
     */
    long countSince(String urlRegex, long sinceMillis) throws IOException, InterruptedException {
        JsonNode found = call("POST", "/__admin/requests/find", "{\"urlPattern\":" + json.writeValueAsString(urlRegex) + "}");
        long n = 0;
        for (JsonNode r : found.path("requests")) {
            if (r.path("loggedDate").asLong() >= sinceMillis) {
                n++;
            }
        }
        return n;
    }

    /** Entries in the journal now (its cap drops the oldest). */
    long journalSize() throws IOException, InterruptedException {
        return call("GET", "/__admin/requests?limit=1", null).path("meta").path("total").asLong();
    }

    /** Reference: one upstream answer, with the global delay in force. */
    Stats upstreamRoundTrip(String path, int n) throws IOException, InterruptedException {
        java.util.List<Long> l = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding());
            l.add(System.nanoTime() - t);
        }
        return Stats.ofNanos(l);
    }
}
