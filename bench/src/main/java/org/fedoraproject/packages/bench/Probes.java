package org.fedoraproject.packages.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Queue-depth probes, read from a file (bench/depth-probes.conf): one probe a line,
 * {@code name kind target}, {@code ${instance}} and {@code ${vhost}} replaced:
 * <ul>
 *   <li>{@code amqp q1|q2}: ready messages of the first of the queues that exists (passive declare);</li>
 *   <li>{@code redis glob}: summed size of the keys matching (sorted sets, lists, hashes, sets, streams);</li>
 *   <li>{@code cmd shell…}: the first number a shell command prints.</li>
 * </ul>
 * A probe that finds nothing prints "-". New queues (a scheduler's, say) are one line in the file.
 */
final class Probes {
    record Probe(String name, String kind, String target) {
    }

    record Row(double seconds, Map<String, Long> values, long notices) {
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private final List<Probe> probes = new ArrayList<>();
    private final Bus bus;
    private final Store store;

    Probes(Path file, String instance, String vhost, Bus bus, Store store) throws IOException {
        this.bus = bus;
        this.store = store;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+", 3);
            if (parts.length < 3 || !List.of("amqp", "redis", "cmd").contains(parts[1])) {
                throw new IllegalArgumentException(file + ": want 'name amqp|redis|cmd target', got: " + l);
            }
            String target = parts[2].replace("${instance}", instance).replace("${vhost}", vhost);
            probes.add(new Probe(parts[0], parts[1], target));
        }
    }

    List<String> names() {
        return probes.stream().map(Probe::name).toList();
    }

    Map<String, Long> sample() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Probe p : probes) {
            Long v;
            try {
                v = switch (p.kind()) {
                    case "amqp" -> bus.readyMessages(p.target().split("\\|"));
                    case "redis" -> store.depth(p.target());
                    default -> command(p.target());
                };
            } catch (Exception e) {
                v = null;
            }
            out.put(p.name(), v);
        }
        return out;
    }

    /** Every value absent or 0. */
    static boolean empty(Map<String, Long> sample) {
        return sample.values().stream().allMatch(v -> v == null || v == 0);
    }

    private static Long command(String shell) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", shell).redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        Matcher m = NUMBER.matcher(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return m.find() ? Long.parseLong(m.group()) : null;
    }

    /** Samples every {@code everyMs} on a thread of its own until stopped; also prints each row to stderr. */
    final class Series {
        final List<Row> rows = new ArrayList<>();
        private final Thread thread;
        private volatile boolean stop;

        Series(long t0, long everyMs, LongSupplier notices, String label) {
            thread = new Thread(() -> {
                long next = t0;
                long lastNotices = notices.getAsLong();
                while (!stop) {
                    Pacing.until(next);
                    if (stop) {
                        break;
                    }
                    Map<String, Long> v = sample();
                    long n = notices.getAsLong();
                    Row row = new Row((System.nanoTime() - t0) / 1e9, v, n - lastNotices);
                    lastNotices = n;
                    synchronized (rows) {
                        rows.add(row);
                    }
                    System.err.printf(Locale.ROOT, "  [%s t=%5.1fs] %s notices+%d%n", label, row.seconds(), render(v), row.notices());
                    next += everyMs * 1_000_000L;
                }
            }, "probes");
            thread.setDaemon(true);
            thread.start();
        }

        List<Row> stop() throws InterruptedException {
            stop = true;
            thread.interrupt();
            thread.join(15_000);
            synchronized (rows) {
                return new ArrayList<>(rows);
            }
        }
    }

    Series series(long t0, long everyMs, LongSupplier notices, String label) {
        return new Series(t0, everyMs, notices, label);
    }

    static String render(Map<String, Long> v) {
        StringBuilder sb = new StringBuilder();
        v.forEach((k, n) -> sb.append(k).append('=').append(n == null ? "-" : n).append(' '));
        return sb.toString().strip();
    }
}
