package org.fedoraproject.packages.worker.refresh;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The refresh scheduler's knobs ({@code fp.scheduler.*} in application.properties). */
@ConfigMapping(prefix = "fp.scheduler")
public interface SchedulerConfig {
    /**
     * Entries fetched at once per upstream by one worker ({@code fp.scheduler.concurrency.koji=8}); an
     * upstream not listed gets {@link #defaultConcurrency()}. Each replica has its own lanes.
     */
    Map<String, Integer> concurrency();

    @WithDefault("4")
    int defaultConcurrency();

    /** How long a claimed item stays this worker's without a renewal; a killed worker's items return after it. */
    @WithDefault("PT30S")
    Duration lease();

    /** How often an idle lane looks for work that other replicas queued (its own wake it at once). */
    @WithDefault("PT0.25S")
    Duration pollInterval();

    /** How long a lane waits before trying again when its upstream's circuit breaker is open. */
    @WithDefault("PT5S")
    Duration circuitPause();

    /** Attempts at a binary → source lookup before the request is given up (and logged). */
    @WithDefault("5")
    int lookupAttempts();

    /** How often the queue depth gauges are read from Redis. */
    @WithDefault("PT5S")
    Duration depthInterval();

    default int concurrencyOf(String upstream) {
        return Math.max(1, concurrency().getOrDefault(upstream, defaultConcurrency()));
    }
}
