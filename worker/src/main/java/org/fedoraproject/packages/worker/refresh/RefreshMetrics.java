package org.fedoraproject.packages.worker.refresh;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.worker.connector.UpstreamException;

/**
 * The refresh path's Prometheus metrics (at {@code /q/metrics}), named once here:
 * {@code fp_scheduler_requests_total{upstream,priority,result}} (queued, again, coalesced),
 * {@code fp_scheduler_depth{upstream,priority}}, {@code fp_scheduler_running{upstream}},
 * {@code fp_refresh_seconds{connector,outcome}}, {@code fp_refresh_errors_total{connector,kind}} and
 * {@code fp_request_to_write_seconds{priority}}: from the request (a bus message's {@code sent-at})
 * to the document written.
 */
@ApplicationScoped
public class RefreshMetrics {
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    public RefreshMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void enqueued(String upstream, Priority priority, RefreshQueue.Enqueued e) {
        count(upstream, priority, "queued", e.queued());
        count(upstream, priority, "again", e.again());
        count(upstream, priority, "coalesced", e.coalesced());
    }

    private void count(String upstream, Priority priority, String result, long n) {
        if (n > 0) {
            Counter.builder("fp.scheduler.requests").description("refresh requests recorded by the scheduler")
                    .tags("upstream", upstream, "priority", priority.id(), "result", result)
                    .register(registry).increment(n);
        }
    }

    void depth(String upstream, RefreshQueue.Depth depth) {
        depth.waiting().forEach((p, n) -> gauge("fp.scheduler.depth", n, "upstream", upstream, "priority", p.id()));
        gauge("fp.scheduler.running", depth.running(), "upstream", upstream);
        gauge("fp.scheduler.again", depth.again(), "upstream", upstream);
    }

    private void gauge(String name, long value, String... tags) {
        String key = name + String.join(",", tags);
        gauges.computeIfAbsent(key, k -> {
            AtomicLong holder = new AtomicLong();
            io.micrometer.core.instrument.Gauge.builder(name, holder, AtomicLong::doubleValue).tags(tags).register(registry);
            return holder;
        }).set(value);
    }

    void refreshed(ConnectorName connector, Outcome outcome, long nanos) {
        Timer.builder("fp.refresh").description("one package × connector refresh: fetch and store")
                .tags("connector", connector.id(), "outcome", outcome.id())
                .publishPercentileHistogram().register(registry).record(Duration.ofNanos(nanos));
    }

    void refreshError(ConnectorName connector, UpstreamException.Kind kind) {
        Counter.builder("fp.refresh.errors").tags("connector", connector.id(), "kind", kind.id())
                .register(registry).increment();
    }

    void requestToWrite(Priority priority, long millis) {
        Timer.builder("fp.request.to.write")
                .description("from the request (a bus message's sent-at, a cold page's arrival) to its entry stored")
                .tags("priority", priority.id())
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
                .register(registry).record(Duration.ofMillis(Math.max(0, millis)));
    }

    void unknownDropped(int n) {
        Counter.builder("fp.scheduler.unknown.dropped").description("requested entries of names that are no known package")
                .register(registry).increment(n);
    }

    void lookupGivenUp() {
        Counter.builder("fp.scheduler.lookups.given.up").register(registry).increment();
    }
}
