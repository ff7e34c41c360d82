package org.fedoraproject.packages.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The instance's Redis database, read from outside with the key names of docs/redis-layout.md.
 * One connection per Store, and its methods are synchronized: each thread of the benchmark has its own.
 */
final class Store implements AutoCloseable {
    private final String host;
    private final int port;
    private final Jedis jedis;

    Store(String host, int port, int db) {
        this.host = host;
        this.port = port;
        this.jedis = new Jedis(host, port);
        jedis.select(db);
    }

    static String meta(String pkg) {
        return "pkg:{" + pkg + "}:meta";
    }

    static String document(String pkg, String connector) {
        return "pkg:{" + pkg + "}:doc:" + connector;
    }

    /** The {@code <c>:seq} counters of a package's connectors (0 when never fetched). */
    synchronized long[] seqs(String pkg, List<String> connectors) {
        String[] fields = connectors.stream().map(c -> c + ":seq").toArray(String[]::new);
        List<String> values = jedis.hmget(meta(pkg), fields);
        long[] out = new long[fields.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i) == null ? 0 : Long.parseLong(values.get(i));
        }
        return out;
    }

    /** What became of the fetch of {@code version}: its document was stored, its failure was, or a newer fetch won. */
    synchronized String outcome(String pkg, String connector, long version) {
        List<String> v = jedis.hmget(meta(pkg), connector + ":version", connector + ":errorVersion");
        if (v.get(1) != null && Long.parseLong(v.get(1)) == version) {
            return "error";
        }
        if (v.get(0) != null && Long.parseLong(v.get(0)) == version) {
            return "ok";
        }
        return "superseded";
    }

    synchronized boolean exists(String key) {
        return jedis.exists(key);
    }

    synchronized void delete(List<String> keys) {
        for (int i = 0; i < keys.size(); i += 500) {
            jedis.del(keys.subList(i, Math.min(keys.size(), i + 500)).toArray(String[]::new));
        }
    }

    /** Every key matching a glob (SCAN). */
    synchronized List<String> keys(String glob) {
        List<String> out = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(glob).count(1000);
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            out.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return out;
    }

    /** Whether {@code name} is a known package (a member of {@code packages}). */
    synchronized boolean known(String name) {
        return jedis.zscore("packages", name) != null;
    }

    /** The known package at a position of {@code packages} (name order), or null. */
    synchronized String knownAt(long index) {
        long n = jedis.zcard("packages");
        if (n == 0) {
            return null;
        }
        List<String> one = jedis.zrange("packages", index % n, index % n);
        return one.isEmpty() ? null : one.get(0);
    }

    synchronized long knownCount() {
        return jedis.zcard("packages");
    }

    synchronized void publish(String channel, String message) {
        jedis.publish(channel, message);
    }

    /** The summed size (ZCARD, LLEN, HLEN, SCARD, XLEN by type) of every key matching a glob. */
    synchronized long depth(String glob) {
        long total = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(glob).count(1000);
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            for (String key : page.getResult()) {
                total += switch (jedis.type(key)) {
                    case "zset" -> jedis.zcard(key);
                    case "list" -> jedis.llen(key);
                    case "hash" -> jedis.hlen(key);
                    case "set" -> jedis.scard(key);
                    case "stream" -> jedis.xlen(key);
                    default -> 1;
                };
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return total;
    }

    interface NoticeHandler {
        void notice(String message, long receivedNanos);
    }

    /** Subscribes to a channel on a thread of its own; returns once the subscription is active. */
    JedisPubSub subscribe(String channel, NoticeHandler handler) throws InterruptedException {
        CountDownLatch subscribed = new CountDownLatch(1);
        JedisPubSub sub = new JedisPubSub() {
            @Override
            public void onMessage(String ch, String message) {
                handler.notice(message, System.nanoTime());
            }

            @Override
            public void onSubscribe(String ch, int count) {
                subscribed.countDown();
            }
        };
        Thread t = new Thread(() -> {
            try (Jedis j = new Jedis(host, port)) {
                j.subscribe(sub, channel); // pub/sub ignores the database number
            } catch (RuntimeException e) {
                if (sub.isSubscribed()) {
                    System.err.println("bench: subscription to " + channel + " failed: " + e);
                }
            }
        }, "sub-" + channel);
        t.setDaemon(true);
        t.start();
        if (!subscribed.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not subscribe to " + channel + " on " + host + ":" + port);
        }
        return sub;
    }

    /** Reference: PUBLISH → message on a scratch channel, the floor of the notice path. */
    Stats pubSubRoundTrip(int n, double rate) throws InterruptedException {
        String channel = "fedora-packages-bench:" + UUID.randomUUID();
        long[] sent = new long[n];
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(n);
        JedisPubSub sub = subscribe(channel, (message, nanos) -> {
            latencies.add(nanos - sent[Integer.parseInt(message)]);
            all.countDown();
        });
        try (Jedis pub = new Jedis(host, port)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Pacing.until(t0 + (long) (i * 1e9 / rate));
                sent[i] = System.nanoTime();
                pub.publish(channel, Integer.toString(i));
            }
            all.await(30, TimeUnit.SECONDS);
        } finally {
            sub.unsubscribe();
        }
        return Stats.ofNanos(latencies);
    }

    @Override
    public synchronized void close() {
        jedis.close();
    }
}
