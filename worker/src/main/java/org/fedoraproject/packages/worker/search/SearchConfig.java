package org.fedoraproject.packages.worker.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The search index's settings ({@code fp.search.*}); the engine's address is Hibernate Search's. */
@ConfigMapping(prefix = "fp.search")
public interface SearchConfig {
    /** Off: no document is written (page data is unaffected); pending names wait in Redis. */
    @WithDefault("true")
    boolean enabled();

    /** Prefix of the engine's index and alias names ({@code fp-prod} → {@code fp-prod-packages-read}). */
    String indexPrefix();

    /** Documents built and written per bulk request. */
    @WithDefault("500")
    int batchSize();

    /** How long the indexer waits after a change for more before it writes (one bulk request for a burst). */
    @WithDefault("PT0.05S")
    Duration linger();

    /** Wait before trying again when the engine refused or was unreachable. */
    @WithDefault("PT5S")
    Duration retryInterval();

    /** At start, an empty index while packages are known (search added to a running deployment) is filled. */
    @WithDefault("true")
    boolean reindexWhenEmpty();
}
