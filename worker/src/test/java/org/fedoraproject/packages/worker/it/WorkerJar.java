package org.fedoraproject.packages.worker.it;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged worker (target/quarkus-app) as its own process, in the production profile: durable
 * queues, production fault tolerance, with only the addresses pointed at the test's services.
 */
final class WorkerJar implements AutoCloseable {
    private final Path log;
    private final Map<String, String> properties;
    private final int port = RedisServer.freePort();
    private Process process;

    WorkerJar(String name, Map<String, String> properties) {
        this.log = Path.of("target", "it-" + name + ".log");
        this.properties = properties;
    }

    WorkerJar start() {
        Path jar = Path.of(System.getProperty("fp.worker.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("worker jar missing at " + jar + ": run `mvn verify` (it packages first)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dquarkus.http.port=" + port));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Instant end = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("worker exited early; see " + log.toAbsolutePath());
            }
            if (get("/q/health/ready") == 200) {
                return this;
            }
            RedisServer.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("worker not ready within 60 s; see " + log.toAbsolutePath());
    }

    /** kill -9: no shutdown hook runs, nothing is handed back. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** The value of one Prometheus sample line starting with {@code prefix}, summed over its label sets. */
    double metric(String prefix) {
        String text = body("/q/metrics");
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix) && !line.startsWith("#")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    int get(String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(5000);
            return c.getResponseCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private String body(String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            try (var in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
