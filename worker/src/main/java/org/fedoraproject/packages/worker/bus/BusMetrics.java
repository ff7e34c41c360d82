package org.fedoraproject.packages.worker.bus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Bus-side metrics: {@code fp_bus_events_total{route,outcome}} (outcome: scheduled, ignored,
 * dead-lettered; route: the routing-table row, so the label stays bounded) and
 * {@code fp_dead_letters_total{queue}}.
 */
@ApplicationScoped
public class BusMetrics {
    private final MeterRegistry registry;

    public BusMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void event(String route, String outcome) {
        Counter.builder("fp.bus.events").description("bus and refresh-request messages by routing row and outcome")
                .tags("route", route, "outcome", outcome).register(registry).increment();
    }

    void deadLettered(DeadLetters.Source source) {
        Counter.builder("fp.dead.letters").tags("queue", source.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(registry).increment();
    }
}
