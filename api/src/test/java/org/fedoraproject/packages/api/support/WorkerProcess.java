package org.fedoraproject.packages.api.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs the real worker next to the API under test: WireMock in this JVM stands in for Fedora's
 * services, and the worker jar built earlier in the reactor runs as its own process in the test
 * profile (same Redis database as the API's tests, its own queue). Its log is kept in target/.
 */
public class WorkerProcess implements QuarkusTestResourceLifecycleManager {
    private static WireMockServer wiremock;
    private static volatile WorkerProcess current;
    private Process worker;

    /**
     * Stops the running worker and its WireMock now. Quarkus stops a class-restricted resource only when it
     * gets to it (seen: seconds into the next test class), and until then that worker answers the next
     * classes' refresh requests on the same queue and database; the class using it calls this in @AfterAll.
     */
    public static void stopNow() {
        WorkerProcess running = current;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public Map<String, String> start() {
        wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wiremock.start();
        int port = freePort();
        worker = launch(List.of("-Dfp.local-upstream=http://127.0.0.1:" + wiremock.port()), port,
                Path.of("target/e2e-worker.log"));
        current = this;
        return Map.of();
    }

    /** Starts the worker jar in the test profile with extra {@code -D} settings; returns once it is ready. */
    public static Process launch(List<String> settings, int port, Path log) {
        Path jar = Path.of(System.getProperty("fp.worker.jar", "../worker/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("worker jar missing at " + jar + ": run `mvn verify` from the repository root");
        }
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-Dquarkus.profile=test", "-Dquarkus.http.port=" + port));
        // the test JVM's own %test overrides (an isolated run: -D%test.fp.instance=… -D%test.fp.redis-db=…) hold for
        // the worker too, or it would use another instance's queues, channel and database than the API under test
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("%test.")).sorted()
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(settings);
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitReady(p, port, Duration.ofSeconds(90), log);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops a launched worker (SIGTERM, then SIGKILL after 20 s). */
    public static void stop(Process worker) {
        if (worker == null) {
            return;
        }
        worker.destroy();
        try {
            if (!worker.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                worker.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.destroyForcibly();
        }
    }

    @Override
    public synchronized void stop() {
        stop(worker);
        worker = null;
        if (wiremock != null) {
            wiremock.stop();
        }
        current = null;
    }

    public static WireMockServer wiremock() {
        return wiremock;
    }

    private static void awaitReady(Process worker, int port, Duration timeout, Path log) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!worker.isAlive()) {
                throw new IllegalStateException("worker exited early; see " + log.toAbsolutePath());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready")
                        .toURL().openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("worker not ready within " + timeout + "; see " + log.toAbsolutePath());
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
