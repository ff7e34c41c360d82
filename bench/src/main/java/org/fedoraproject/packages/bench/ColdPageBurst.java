package org.fedoraproject.packages.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Many concurrent GETs of one URL, sent as close together as one thread can: the connections are
 * opened beforehand (java.net.http keeps them for reuse), so the requests themselves are not spread
 * out by 200 TCP handshakes.
 */
final class ColdPageBurst {
    record Result(Map<Integer, Integer> statuses, Stats latency, double sendSpreadMs, long failures) {}

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    ColdPageBurst(String base) {
        this.base = base;
    }

    /** n concurrent requests of a cheap path, so that n connections wait in the client's pool. */
    void openConnections(String path, int n) {
        List<CompletableFuture<HttpResponse<Void>>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(http.sendAsync(request(path), HttpResponse.BodyHandlers.discarding()));
        }
        all.forEach(f -> f.exceptionally(t -> null).join());
    }

    Result fire(String path, int n) {
        List<CompletableFuture<HttpResponse<Void>>> all = new ArrayList<>(n);
        long[] sent = new long[n];
        long[] took = new long[n];
        HttpRequest req = request(path);
        for (int i = 0; i < n; i++) {
            int k = i;
            sent[k] = System.nanoTime();
            all.add(http.sendAsync(req, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, t) -> took[k] = System.nanoTime() - sent[k]));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        long failures = 0;
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try {
                int status = all.get(i).join().statusCode();
                statuses.merge(status, 1, Integer::sum);
                latencies.add(took[i]);
            } catch (RuntimeException e) {
                failures++;
            }
        }
        return new Result(statuses, Stats.ofNanos(latencies), (sent[n - 1] - sent[0]) / 1e6, failures);
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build();
    }
}
