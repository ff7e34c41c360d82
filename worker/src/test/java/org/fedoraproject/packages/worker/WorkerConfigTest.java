package org.fedoraproject.packages.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code fp} mapping on its own: what it falls back to, and that it refuses keys it does not declare. */
class WorkerConfigTest {
    /** What application.properties sets in every profile. */
    private static final Map<String, String> PER_PROFILE = Map.of("fp.instance", "unit", "fp.local-upstream",
            "http://127.0.0.1:1", "fp.redis-db", "1", "fp.bus.environment", "*");

    private static WorkerConfig load(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(WorkerConfig.class)
                .withSources(new PropertiesConfigSource(properties, "unit", 100)).build()
                .getConfigMapping(WorkerConfig.class);
    }

    @Test
    void anUpstreamWithoutItsOwnLaneSizeGetsTheDefaultAndNoLaneIsEmpty() {
        Map<String, String> properties = new HashMap<>(PER_PROFILE);
        properties.put("fp.scheduler.concurrency.koji", "16");
        properties.put("fp.scheduler.concurrency.koschei", "0");

        WorkerConfig.Scheduler scheduler = load(properties).scheduler();

        assertThat(scheduler.concurrencyOf("koji")).isEqualTo(16);
        assertThat(scheduler.concurrencyOf("bugzilla")).isEqualTo(4);
        assertThat(scheduler.concurrencyOf("koschei")).isEqualTo(1);
    }

    @Test
    void aMisspeltKeyIsRefusedRatherThanIgnored() {
        Map<String, String> properties = new HashMap<>(PER_PROFILE);
        properties.put("fp.links.kojii", "https://koji.example.org/koji");

        assertThatThrownBy(() -> load(properties)).isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("fp.links.kojii");
    }
}
