package org.fedoraproject.packages.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Slowloris against the API: connections that send a request line and then one header byte every
 * {@code interval}, so that the idle timeout never fires and the head never ends. Measures how many the
 * server still holds after {@code observe}, how long it kept the others and whether it answered 408, and
 * what a normal request costs meanwhile. One thread, non-blocking sockets: a thousand connections cost
 * the benchmark almost nothing.
 */
final class Slowloris {
    /** One attacking connection: when it connected, when the server closed it, what it answered. */
    private static final class Conn {
        final SocketChannel channel;
        final long connectedAt = System.nanoTime();
        long closedAt;
        final StringBuilder answer = new StringBuilder();

        Conn(SocketChannel channel) {
            this.channel = channel;
        }

        boolean open() {
            return closedAt == 0;
        }

        void closed() {
            closedAt = System.nanoTime();
            try {
                channel.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    record Result(int opened, int failedToOpen, int stillOpen, int closed, int answered408, Stats heldFor, Stats normalRequest,
            int normalFailed) {
    }

    private Slowloris() {
    }

    static Result run(URI api, int connections, Duration interval, Duration observe) throws Exception {
        InetSocketAddress address = new InetSocketAddress(api.getHost(), api.getPort());
        byte[] head = ("GET /api/v1/status HTTP/1.1\r\nHost: " + api.getHost() + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        List<Conn> conns = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < connections; i++) {
            try {
                SocketChannel ch = SocketChannel.open(address);
                ch.configureBlocking(false);
                ch.write(ByteBuffer.wrap(head));
                conns.add(new Conn(ch));
            } catch (IOException e) {
                failed++;
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> normal = new ArrayList<>();
        int normalFailed = 0;
        long start = conns.isEmpty() ? System.nanoTime() : conns.get(0).connectedAt;
        long end = start + observe.toNanos();
        long nextByte = System.nanoTime() + interval.toNanos();
        ByteBuffer read = ByteBuffer.allocate(1024);
        ByteBuffer oneByte = ByteBuffer.wrap(new byte[] {'X'}); // "X-…" header names, never finished
        while (System.nanoTime() < end) {
            boolean trickle = System.nanoTime() >= nextByte;
            for (Conn c : conns) {
                if (!c.open()) {
                    continue;
                }
                try {
                    read.clear();
                    int n = c.channel.read(read);
                    if (n > 0) {
                        c.answer.append(new String(read.array(), 0, n, StandardCharsets.ISO_8859_1));
                    }
                    if (n < 0) {
                        c.closed();
                    } else if (trickle) {
                        c.channel.write(oneByte.rewind());
                    }
                } catch (IOException e) {
                    c.closed();
                }
            }
            if (trickle) {
                nextByte += interval.toNanos();
                long t0 = System.nanoTime(); // a reader arriving during the attack
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(api.resolve("/api/v1/status"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        normal.add(System.nanoTime() - t0);
                    } else {
                        normalFailed++;
                    }
                } catch (IOException e) {
                    normalFailed++;
                }
            }
            Thread.sleep(20);
        }
        int stillOpen = 0;
        int answered408 = 0;
        List<Long> held = new ArrayList<>();
        for (Conn c : conns) {
            if (c.open()) {
                stillOpen++;
                c.closed();
                continue;
            }
            held.add(c.closedAt - c.connectedAt);
            if (c.answer.toString().startsWith("HTTP/1.1 408")) {
                answered408++;
            }
        }
        return new Result(conns.size(), failed, stillOpen, held.size(), answered408, Stats.ofNanos(held), Stats.ofNanos(normal),
                normalFailed);
    }
}
