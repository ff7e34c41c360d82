package org.fedoraproject.packages.worker.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real Redis of the test's own (Debian's redis-server on a free port), so that a test can stop and
 * restart it without touching the machine's shared one. Append-only file with fsync on every write,
 * as production should run it: a restart keeps everything that was acknowledged.
 */
final class RedisServer implements AutoCloseable {
    private final int port = freePort();
    private final Path dir;
    private Process process;

    RedisServer(Path dir) {
        this.dir = dir;
    }

    int port() {
        return port;
    }

    String url(int db) {
        return "redis://127.0.0.1:" + port + "/" + db;
    }

    RedisServer start() {
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", ""))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is needed (apt-get install redis-server)", e);
        }
        Instant end = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(end)) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return this;
            } catch (IOException e) {
                sleep(Duration.ofMillis(50));
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port);
    }

    /** A clean shutdown (SIGTERM: Redis flushes its append-only file), then the process is gone. */
    void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
