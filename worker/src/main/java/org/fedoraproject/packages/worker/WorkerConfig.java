package org.fedoraproject.packages.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * Every {@code fp.*} setting of the worker, with its default. An {@code fp.*} key that is not declared
 * here fails the start (SmallRye Config validates unknown keys under a mapping's prefix, environment
 * variables excepted), so a misspelt setting is noticed rather than ignored. Per-profile values are in
 * application.properties.
 */
@ConfigMapping(prefix = "fp")
public interface WorkerConfig {
    /**
     * The stack this process belongs to ({@code prod}, or {@code dev}/{@code e2e}/{@code test} locally):
     * names its queues, dead-letter exchange and {@code refreshed:<instance>} channel. Set per profile in
     * application.properties, whose queue names use it.
     */
    String instance();

    /**
     * Where WireMock serves Fedora's APIs in {@code %dev}/{@code %test}; only application.properties'
     * upstream URLs read it.
     */
    String localUpstream();

    /** Redis database in {@code %dev}/{@code %test}; only application.properties' Redis URL reads it. */
    int redisDb();

    Bus bus();

    Links links();

    ConnectorSettings connector();

    Sources sources();

    Scheduler scheduler();

    interface Bus {
        /**
         * The environment segment of the topics bound on {@code amq.topic} ({@code prod}, {@code *}
         * locally); only application.properties' routing keys read it.
         */
        String environment();
    }

    /** Web pages that documents link to (not API hosts). */
    interface Links {
        @WithDefault("https://koji.fedoraproject.org/koji")
        String koji();

        @WithDefault("https://bodhi.fedoraproject.org")
        String bodhi();

        @WithDefault("https://bugzilla.redhat.com")
        String bugzilla();

        @WithDefault("https://src.fedoraproject.org")
        String distGit();

        @WithDefault("https://release-monitoring.org")
        String anitya();

        @WithDefault("https://koschei.fedoraproject.org")
        String koschei();
    }

    interface ConnectorSettings {
        /**
         * Upstream calls one fetch makes at once (one per sub-package, branch, …); each upstream's
         * bulkhead still caps all fetches together.
         */
        @WithDefault("4")
        int fanOut();
    }

    interface Sources {
        /** Spec files longer than this are cut in the sources document ({@code specTruncated: true}). */
        @WithDefault("200000")
        int maxSpecChars();
    }

    /** The refresh scheduler's knobs. */
    interface Scheduler {
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
}
