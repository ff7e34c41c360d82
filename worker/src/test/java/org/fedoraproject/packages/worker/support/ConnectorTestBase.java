package org.fedoraproject.packages.worker.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import jakarta.inject.Inject;
import org.fedoraproject.packages.worker.refresh.Refresher;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every connector test starts from: WireMock standing in for Fedora's services with no stubs,
 * an empty test Redis database, and the refresher to drive failures through the real write path.
 * Subclasses are {@code @QuarkusTest}s that inject their connector.
 */
@QuarkusTestResource(WireMockUpstreams.class)
public abstract class ConnectorTestBase {
    @Inject
    protected Refresher refresher;
    @Inject
    protected RedisDataSource redis;
    @Inject
    protected io.smallrye.faulttolerance.api.CircuitBreakerMaintenance breakers;

    @BeforeEach
    void resetUpstreamsAndStore() {
        WireMockUpstreams.server().resetAll();
        redis.execute("FLUSHDB");
        breakers.resetAll(); // the failures of one test must not open a breaker for the next
    }

    protected static WireMockServer wm() {
        return WireMockUpstreams.server();
    }
}
