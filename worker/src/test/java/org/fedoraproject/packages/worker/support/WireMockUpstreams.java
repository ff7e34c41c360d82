package org.fedoraproject.packages.worker.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts WireMock in the test JVM to stand in for Fedora's services; every upstream base URL of the
 * %test profile points at it through {@code fp.local-upstream}. Tests stub it with {@link #server()}.
 */
public class WireMockUpstreams implements QuarkusTestResourceLifecycleManager {
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of("fp.local-upstream", "http://127.0.0.1:" + server.port());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }
}
