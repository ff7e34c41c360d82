package org.fedoraproject.packages.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import redis.clients.jedis.JedisPubSub;

/**
 * The Java half of bench/read-api.sh: the runs that wrk cannot do. {@code --run sse} holds many
 * server-sent event streams and watches each for its opening, heartbeat and first event;
 * {@code --run cold} sends concurrent GETs of one cold document and counts the refresh requests the
 * API publishes for it. See bench/README.md for what each figure means.
 */
public final class ReadApiBench {
    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = Args.instanceDefaults();
        d.put("run", "sse");
        d.put("api-pid", "0");
        d.put("packages", "");            // file: the demo package names, one a line
        d.put("streams", "1000");         // SSE streams held at once
        d.put("all-streams", "100");      // of which on /api/v1/events; the others per package, over the demo packages
        d.put("max-streams", "2000");     // the API's fp.events.max-streams (the script reads it), for the report
        d.put("open-timeout", "120");     // s for every stream to open
        d.put("open-batch", "100");       // streams opened at once, each batch before the next
        d.put("heartbeat-timeout", "40"); // s for every stream's periodic heartbeat (the API beats every 15 s)
        d.put("event-timeout", "30");     // s for every stream's first event after the refresh requests
        d.put("cold-package", "");        // default: a known package of the catalog, not a demo one, drawn by --seed
        d.put("cold-connector", "changelog");
        d.put("cold-requests", "200");
        d.put("cold-grace", "5");         // s after the last answer during which late refresh requests still count
        d.put("slowloris-connections", "1000");
        d.put("slowloris-interval", "1");    // s between two header bytes of each slow connection
        d.put("header-timeout", "10");       // s: the API's fp.http.header-timeout (the script reads it), for the report
        d.put("seed", "42");
        return d;
    }

    static final List<String> CONNECTORS = List.of("overview", "versions", "builds", "updates", "bugs",
            "dependencies", "files", "changelog", "sources", "maintainers", "upstream", "ci");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Args args;
    private final long apiPid;
    private final String refreshKey;

    private ReadApiBench(Args args) {
        this.args = args;
        this.apiPid = Long.parseLong(args.str("api-pid"));
        this.refreshKey = "fedora-packages." + args.str("instance") + ".refresh";
    }

    public static void main(String[] argv) throws Exception {
        Args args;
        try {
            args = new Args(DEFAULTS, argv);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        ReadApiBench b = new ReadApiBench(args);
        switch (args.str("run")) {
            case "sse" -> b.sse();
            case "cold" -> b.cold();
            case "slowloris" -> b.slowloris();
            default -> {
                System.err.println("bench: --run is sse, cold or slowloris");
                System.exit(2);
            }
        }
        System.exit(0); // java.net.http keeps non-daemon threads
    }

    private Bus bus() throws Exception {
        return new Bus("127.0.0.1", args.integer("amqp-port"), args.str("vhost"));
    }

    private Store store() {
        return new Store("127.0.0.1", args.integer("redis-port"), args.integer("redis-db"));
    }

    private List<String> demoPackages() throws Exception {
        String file = args.str("packages");
        return file.isEmpty() ? List.of() : Files.readAllLines(Path.of(file)).stream().filter(s -> !s.isBlank()).toList();
    }

    private ProcessMemory memory() {
        return ProcessMemory.of(apiPid);
    }

    private static String f(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }

    // -----------------------------------------------------------------------------------------------
    // SSE streams

    private void sse() throws Exception {
        int total = args.integer("streams");
        int cap = args.integer("max-streams");
        int held = Math.min(total, cap);
        int allStreams = Math.min(args.integer("all-streams"), held);
        List<String> demo = demoPackages();
        if (demo.isEmpty()) {
            throw new IllegalStateException("--packages names no demo packages");
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < held - allStreams; i++) {
            paths.add("/api/v1/packages/" + demo.get(i % demo.size()) + "/events");
        }
        for (int i = 0; i < allStreams; i++) {
            paths.add("/api/v1/events");
        }
        System.out.println(f("   streams: %d (%d on /api/v1/packages/{name}/events over the %d demo packages, %d on /api/v1/events); the API's cap fp.events.max-streams = %d%s",
                held, held - allStreams, demo.size(), allStreams, cap,
                held < total ? f(" (below the %d asked for: measured up to the cap)", total) : ""));
        ProcessMemory before = memory();
        System.out.println("   API before:               " + before);

        try (SseStreams streams = new SseStreams(); Bus bus = bus()) {
            // in batches, each opened (or refused) before the next: a thousand clients of a real instance
            // do not all connect in the same millisecond (--open-batch = --streams does exactly that)
            int batch = Math.max(1, args.integer("open-batch"));
            long t0 = System.nanoTime();
            long deadline = t0 + args.integer("open-timeout") * 1_000_000_000L;
            long opened = 0;
            for (int from = 0; from < paths.size(); from += batch) {
                streams.open(args.str("api"), paths.subList(from, Math.min(paths.size(), from + batch)));
                opened = streams.await(s -> s.opened != 0, Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
            }
            double openSecs = (System.nanoTime() - t0) / 1e9;
            List<Long> toOpen = streams.all().stream().filter(s -> s.opened != 0).map(s -> s.opened - s.sent).toList();
            Stats o = Stats.ofNanos(toOpen);
            System.out.println(f("   opened (200 + ': open'):  %d of %d in %.1f s, %d at a time (request -> ': open' p50 %s / p99 %s / max %s ms); refused (503): %d; other status or failed: %d",
                    opened, held, openSecs, batch, Stats.ms(o.p50()), Stats.ms(o.p99()), Stats.ms(o.max()),
                    streams.count(s -> s.status == 503),
                    streams.count(s -> s.opened == 0 && s.status != 503)));
            printFailures(streams);
            ProcessMemory open = memory();
            System.out.println("   API holding them:         " + open + perStream(before, open, opened));

            // every stream's periodic heartbeat (fp.events.heartbeat, 15 s), sampling RSS meanwhile
            long peak = open.rssKb();
            long end = System.nanoTime() + args.integer("heartbeat-timeout") * 1_000_000_000L;
            while (System.nanoTime() < end && streams.count(s -> s.periodicHeartbeat != 0) < opened) {
                Thread.sleep(500);
                peak = Math.max(peak, memory().rssKb());
            }
            List<Long> toBeat = streams.all().stream().filter(s -> s.periodicHeartbeat != 0).map(s -> s.periodicHeartbeat - s.opened).toList();
            Stats h = Stats.ofNanos(toBeat);
            System.out.println(f("   heartbeats:               %d of %d got the one sent with the opening; %d of %d the next one (after opening: p50 %.1f s, max %.1f s)",
                    streams.count(s -> s.heartbeat != 0), opened, toBeat.size(), opened, h.p50() / 1000, h.max() / 1000));

            // one event on every stream: a refresh request per demo package (overview: from the catalog,
            // no upstream call), as an operator would publish it
            long tEvents = streams.markEvents();
            for (String p : demo) {
                bus.publish(refreshKey, Map.of(), JSON.writeValueAsBytes(Map.of("package", p, "connectors", List.of("overview"))));
            }
            bus.waitForConfirms(10_000);
            long evEnd = System.nanoTime() + args.integer("event-timeout") * 1_000_000_000L;
            while (System.nanoTime() < evEnd && streams.count(s -> s.markedEvent != 0) < opened) {
                Thread.sleep(200);
                peak = Math.max(peak, memory().rssKb());
            }
            List<Long> toEvent = streams.all().stream().filter(s -> s.markedEvent != 0).map(s -> s.markedEvent - tEvents).toList();
            Stats e = Stats.ofNanos(toEvent);
            long wrongPackage = streams.all().stream().filter(s -> s.markedEvent != 0 && s.path.startsWith("/api/v1/packages/")
                    && !s.path.equals("/api/v1/packages/" + packageOf(s.markedData) + "/events")).count();
            System.out.println(f("   event after the requests: %d of %d (refresh request -> event p50 %s / p99 %s / max %s ms)%s",
                    toEvent.size(), opened, Stats.ms(e.p50()), Stats.ms(e.p99()), Stats.ms(e.max()),
                    wrongPackage > 0 ? f("; %d per-package streams got another package's event", wrongPackage) : ""));
            ProcessMemory holding = memory();
            peak = Math.max(peak, holding.rssKb());
            System.out.println("   API still holding them:   " + holding + f("; highest sampled while holding %s", ProcessMemory.mib(peak)));
            System.out.println(f("   still open at the end:    %d of %d", streams.count(s -> s.opened != 0 && s.failure == null), opened));
        }
        Thread.sleep(2000); // the API notices the closed connections
        System.out.println("   API after closing them:   " + memory());
    }

    private static String packageOf(String eventData) {
        try {
            return JSON.readTree(eventData).path("package").asText();
        } catch (Exception e) {
            return "?";
        }
    }

    private static String perStream(ProcessMemory before, ProcessMemory now, long n) {
        if (before.rssKb() < 0 || now.rssKb() < 0 || n == 0) {
            return "";
        }
        return f(", %+.0f MiB since before = %.1f kB per stream", (now.rssKb() - before.rssKb()) / 1024.0,
                (now.rssKb() - before.rssKb()) / (double) n);
    }

    private static void printFailures(SseStreams streams) {
        Map<String, Long> why = new LinkedHashMap<>();
        for (SseStreams.Stream s : streams.all()) {
            if (s.opened == 0 && s.status != 503) {
                String k = s.failure != null ? s.failure.toString() : "status " + s.status;
                why.merge(k.length() > 120 ? k.substring(0, 120) : k, 1L, Long::sum);
            }
        }
        why.forEach((k, n) -> System.out.println(f("     %d x %s", n, k)));
    }

    // -----------------------------------------------------------------------------------------------
    // slowloris

    private void slowloris() throws Exception {
        double timeout = args.number("header-timeout");
        Duration observe = Duration.ofMillis((long) ((timeout + 5) * 1000));
        Slowloris.Result r = Slowloris.run(java.net.URI.create(args.str("api")), args.integer("slowloris-connections"),
                Duration.ofMillis((long) (args.number("slowloris-interval") * 1000)), observe);
        System.out.println(f("   %d connections opened (%d failed to open), each a request line and then one header byte every %s s",
                r.opened(), r.failedToOpen(), args.str("slowloris-interval")));
        System.out.println(f("   still open %.0f s after connecting (header timeout %s s + 5 s): %d of %d   (target 0: %s)",
                observe.toMillis() / 1000.0, args.str("header-timeout"), r.stillOpen(), r.opened(), r.stillOpen() == 0 ? "met" : "MISSED"));
        System.out.println(f("   closed by the server: %d (%d of them answered 408), after p50 %s / p99 %s / max %s ms from connecting",
                r.closed(), r.answered408(), Stats.ms(r.heldFor().p50()), Stats.ms(r.heldFor().p99()), Stats.ms(r.heldFor().max())));
        System.out.println(f("   meanwhile GET /api/v1/status once a second: p50 %s / max %s ms (%d answered 200, %d failed)",
                Stats.ms(r.normalRequest().p50()), Stats.ms(r.normalRequest().max()), r.normalRequest().n(), r.normalFailed()));
    }

    // -----------------------------------------------------------------------------------------------
    // cold page

    private void cold() throws Exception {
        String connector = args.str("cold-connector");
        if (!CONNECTORS.contains(connector)) {
            throw new IllegalArgumentException("--cold-connector must be one of " + CONNECTORS);
        }
        int n = args.integer("cold-requests");
        try (Store store = store(); Bus bus = bus()) {
            String pkg = args.str("cold-package");
            if (pkg.isEmpty()) {
                pkg = pickCold(store, Set.copyOf(demoPackages()));
            } else if (!store.known(pkg)) {
                throw new IllegalStateException(pkg + " is not a known package of instance " + args.str("instance"));
            }
            // Make it cold as a first visit finds it: no documents, no metadata. Only the worker writes
            // these keys in production; the benchmark prepares its instance (bench/README.md).
            List<String> keys = new ArrayList<>(store.keys("pkg:{" + pkg + "}:doc:*"));
            keys.add(Store.meta(pkg));
            store.delete(keys);
            // The API's near cache may still hold the document: a notice for each deleted entry empties
            // it, as the worker's notice after a write would (version 0: no newer document is refused).
            String channel = "refreshed:" + args.str("instance");
            for (String k : keys) {
                int at = k.indexOf(":doc:");
                if (at > 0) {
                    store.publish(channel, JSON.writeValueAsString(Map.of("package", pkg, "connector", k.substring(at + 5), "version", 0)));
                }
            }
            String path = "/api/v1/packages/" + pkg + "/" + connector;
            System.out.println(f("   package %s (known: in `packages`, not a demo package); deleted its %d keys (pkg:{%s}:doc:*, :meta); %d concurrent GET %s",
                    pkg, keys.size(), pkg, n, path));

            String cold = pkg;
            AtomicLong requests = new AtomicLong(), otherRequests = new AtomicLong(), notices = new AtomicLong();
            Channel tap = bus.tap(refreshKey, body -> {
                try {
                    JsonNode r = JSON.readTree(body);
                    (r.path("package").asText().equals(cold) ? requests : otherRequests).incrementAndGet();
                } catch (Exception e) {
                    otherRequests.incrementAndGet();
                }
            });
            JedisPubSub sub = store.subscribe(channel, (message, nanos) -> {
                try {
                    JsonNode m = JSON.readTree(message);
                    // version 0: our own eviction notices
                    if (m.path("package").asText().equals(cold) && m.path("connector").asText().equals(connector)
                            && m.path("version").asLong() > 0) {
                        notices.incrementAndGet();
                    }
                } catch (Exception e) {
                    // not a notice of the worker's shape: not counted
                }
            });
            WireMockAdmin wiremock = new WireMockAdmin(args.str("wiremock"));
            ColdPageBurst burst = new ColdPageBurst(args.str("api"));
            burst.openConnections("/q/health/live", n);
            Thread.sleep(500); // our own eviction notices are through before the clock starts
            long since = System.currentTimeMillis();
            ColdPageBurst.Result r = burst.fire(path, n);
            Thread.sleep(args.integer("cold-grace") * 1000L);
            long calls = wiremock.countSince(".*/" + Pattern.quote(pkg) + "([/?&].*)?", since);
            tap.close();
            sub.unsubscribe();
            String after = store.exists(Store.document(pkg, connector)) ? "stored" : "NOT stored";
            System.out.println(f("   answers: %s%s; sent within %.1f ms; latency p50 %s / p99 %s / max %s ms",
                    r.statuses(), r.failures() > 0 ? f(", %d failed", r.failures()) : "", r.sendSpreadMs(),
                    Stats.ms(r.latency().p50()), Stats.ms(r.latency().p99()), Stats.ms(r.latency().max())));
            System.out.println(f("   refresh requests on the bus for %s: %d  (target: 1)   [for other packages meanwhile: %d]",
                    pkg, requests.get(), otherRequests.get()));
            System.out.println(f("   refreshed notices for %s/%s: %d; upstream calls for %s (WireMock's journal): %d; the document is %s %ds after the last answer",
                    pkg, connector, notices.get(), pkg, calls, after, args.integer("cold-grace")));
            // put back what was deleted: the whole package, as a first visit of each tab would ask
            bus.publish(refreshKey, Map.of(), JSON.writeValueAsBytes(Map.of("package", pkg)));
            bus.waitForConfirms(10_000);
        }
    }

    /** A known package that is not a demo one, drawn by the seed: WireMock serves it from the corpus. */
    private String pickCold(Store store, Set<String> demo) {
        long n = store.knownCount();
        if (n <= demo.size()) {
            throw new IllegalStateException("only " + n + " known packages: the catalog is not discovered yet (the bootstrap fills it)");
        }
        long seed = args.integer("seed");
        for (long i = 0; i < 1000; i++) {
            String name = store.knownAt(seed * 7919 + i * 104_729);
            if (name != null && !demo.contains(name)) {
                return name;
            }
        }
        throw new IllegalStateException("no known package outside the demo set");
    }
}
