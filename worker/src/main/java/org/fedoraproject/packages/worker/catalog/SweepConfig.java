package org.fedoraproject.packages.worker.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The sweep's pace ({@code fp.sweep.*}). */
@ConfigMapping(prefix = "fp.sweep")
public interface SweepConfig {
    @WithDefault("true")
    boolean enabled();

    /** How often it hands over a batch. */
    @WithDefault("PT10S")
    Duration tick();

    /** Upstream calls per minute it may cause, per upstream (by each connector's calls per refresh). */
    Map<String, Integer> budget();

    /** For an upstream not in {@link #budget()}. */
    @WithDefault("600")
    int defaultBudget();

    /** Entries refreshed more recently than this are not swept (an event or a view just did). */
    @WithDefault("PT1H")
    Duration minAge();

    default int budgetOf(String upstream) {
        return budget().getOrDefault(upstream, defaultBudget());
    }
}
