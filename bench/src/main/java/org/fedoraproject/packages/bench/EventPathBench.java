package org.fedoraproject.packages.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.zip.GZIPInputStream;

/**
 * The event-path benchmark: bus message → worker → upstream (WireMock) → Redis → API, measured from
 * outside against a running local instance. See bench/README.md for what each figure means.
 */
public final class EventPathBench {
    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = Args.instanceDefaults();
        d.put("packages", "");          // file: the demo package names, one a line
        d.put("corpus", "");            // ../shared/corpus/distro-corpus.jsonl.gz
        d.put("probes", "bench/depth-probes.conf");
        d.put("runs", "rate,burst,slow");
        d.put("rate", "100");
        d.put("seconds", "60");
        d.put("warmup", "20");          // s at the rate, not measured, before the rate run (JIT of all the JVMs)
        d.put("deadline", "30");        // s: an entry not fresh by then counts as never refreshed
        d.put("api-sample", "20");      // 1 event in N is also confirmed through the API
        d.put("upstream-delay", "50");  // ms, WireMock's global fixedDelay during the runs
        d.put("depth-every", "5");      // s
        d.put("reference-messages", "500");
        d.put("burst-events", "10000");
        d.put("burst-packages", "2000");
        d.put("burst-quiet", "10");     // s without notices (and empty probes) = drained
        d.put("burst-deadline", "900");
        d.put("calibrate", "20");       // packages fetched one at a time to learn the calls of one fetch
        d.put("slow-rate", "10");
        d.put("slow-seconds", "30");
        d.put("slow-baseline-seconds", "30");
        d.put("slow-delay", "20000");   // ms, Koschei's answers during the slow run
        d.put("slow-deadline", "90");   // s, for the Koschei entries of the slow run
        d.put("journal-cap", "0");      // WireMock's journal size (FP_WIREMOCK_JOURNAL), to detect overflow
        d.put("keep-keys", "false");    // keep the burst's Redis keys of packages that had none before
        d.put("settle-timeout", "600"); // s: before each run, wait this long at most for an idle worker
        d.put("seed", "42");
        return d;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KOJI = "{\"method\":\"POST\",\"urlPath\":\"/koji/kojihub\"";

    /** Journal counts per upstream call, in report order; "other" rows are what the named ones leave. */
    private Map<String, Long> countCalls() throws Exception {
        Map<String, Long> c = new LinkedHashMap<>();
        long koji = wiremock.countOf(KOJI + "}");
        for (String m : List.of("getPackageID", "listBuilds", "system.multicall")) {
            c.put("koji " + m, wiremock.countOf(kojiMethod(m)));
        }
        c.put("koji, other methods", koji - c.values().stream().mapToLong(Long::longValue).sum());
        long bodhi = wiremock.countOf(path("/bodhi/.*"));
        c.put("bodhi /releases/", wiremock.countOf(path("/bodhi/releases/?.*")));
        c.put("bodhi, other", bodhi - c.get("bodhi /releases/"));
        for (String u : List.of("mdapi", "bugzilla", "pagure", "anitya", "koschei")) {
            c.put(u, wiremock.countOf(path("/" + u + "/.*")));
        }
        return c;
    }

    private static String path(String regex) {
        return "{\"urlPathPattern\":\"" + regex + "\"}";
    }

    private static String kojiMethod(String m) {
        return KOJI + ",\"bodyPatterns\":[{\"contains\":\"<methodName>" + m + "</methodName>\"}]}";
    }

    private final Args args;
    private final Bus bus;
    private final Store seqStore;
    private final Store outcomeStore;
    private final Store probeStore;
    private final Store subStore;
    private final WireMockAdmin wiremock;
    private final ApiCheck api;
    private final Probes probes;
    private final ExecutorService outcomes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outcomes");
        t.setDaemon(true);
        return t;
    });
    private final List<String> demo;
    private final List<String> verdicts = new ArrayList<>();
    private volatile Tracker current;

    private EventPathBench(Args args) throws Exception {
        this.args = args;
        String host = "127.0.0.1";
        int db = args.integer("redis-db");
        int redisPort = args.integer("redis-port");
        bus = new Bus(host, args.integer("amqp-port"), args.str("vhost"));
        seqStore = new Store(host, redisPort, db);
        outcomeStore = new Store(host, redisPort, db);
        probeStore = new Store(host, redisPort, db);
        subStore = new Store(host, redisPort, db);
        wiremock = new WireMockAdmin(args.str("wiremock"));
        api = new ApiCheck(args.str("api"));
        probes = new Probes(Path.of(args.str("probes")), args.str("instance"), args.str("vhost"), bus, probeStore);
        demo = Files.readAllLines(Path.of(args.str("packages"))).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (demo.isEmpty()) {
            throw new IllegalArgumentException("--packages " + args.str("packages") + " lists no package");
        }
    }

    public static void main(String[] argv) {
        try {
            new EventPathBench(new Args(DEFAULTS, argv)).run();
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("bench: failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        String channel = "refreshed:" + args.str("instance");
        subStore.subscribe(channel, this::onNotice);
        List<String> runs = List.of(args.str("runs").split(","));
        if (runs.contains("burst") && !wiremock.journalEnabled()) {
            throw new IllegalStateException("WireMock at " + args.str("wiremock") + " keeps no request journal, so the "
                    + "burst run cannot count upstream calls: restart the stack with FP_WIREMOCK_JOURNAL > 0");
        }
        JsonNode before = wiremock.settings();
        int delay = args.integer("upstream-delay");
        wiremock.setFixedDelay(before, delay);
        try {
            System.out.printf(Locale.ROOT, "instance %s: vhost %s, Redis db %s (channel %s), API %s, WireMock %s%n",
                    args.str("instance"), args.str("vhost"), args.str("redis-db"), channel, args.str("api"), args.str("wiremock"));
            System.out.printf(Locale.ROOT, "every upstream answers after a fixed %d ms (WireMock global fixedDelay)%n", delay);
            for (String r : runs) {
                settle(r.strip());
                // WireMock counts its whole journal on every request it serves (to trim it to the cap), so
                // a journal left full by earlier runs slows every answer: start each run with an empty one.
                wiremock.resetJournal();
                switch (r.strip()) {
                    case "rate" -> rateRun();
                    case "burst" -> burstRun();
                    case "slow" -> slowRun();
                    default -> throw new IllegalArgumentException("--runs: unknown run '" + r + "' (rate, burst, slow)");
                }
            }
        } finally {
            wiremock.setSettings(before);
        }
        System.out.println();
        System.out.println("== targets");
        verdicts.forEach(v -> System.out.println("  " + v));
    }

    /**
     * Waits until the worker is idle (every depth probe at 0 and no notice for 3 s), so that one run's
     * backlog does not count against the next.
     */
    private void settle(String next) throws Exception {
        Tracker t = newTracker();
        long t0 = System.nanoTime();
        long limit = args.integer("settle-timeout") * 1_000_000_000L;
        while (true) {
            Map<String, Long> s = probes.sample();
            long now = System.nanoTime();
            if (Probes.empty(s) && now - Math.max(t0, t.lastNoticeNanos()) >= 3_000_000_000L) {
                break;
            }
            if (now - t0 > limit) {
                System.out.printf(Locale.ROOT, "%n  WARNING: the worker was still busy after %d s before the %s run (%s); its figures include that backlog%n",
                        args.integer("settle-timeout"), next, Probes.render(s));
                break;
            }
            Thread.sleep(500);
        }
        current = null;
        double waited = (System.nanoTime() - t0) / 1e9;
        if (waited > 5) {
            System.err.printf(Locale.ROOT, "  [settle] waited %.0f s for the worker to be idle before the %s run%n", waited, next);
        }
    }

    private void onNotice(String message, long nanos) {
        Tracker t = current;
        if (t == null) {
            return;
        }
        try {
            JsonNode n = JSON.readTree(message);
            t.onNotice(n.path("package").asText(), n.path("connector").asText(), n.path("version").asLong(), nanos);
        } catch (Exception e) {
            // not a notice of the documented shape: not ours to judge here
        }
    }

    private Tracker newTracker() {
        Tracker t = new Tracker(e -> outcomes.execute(() -> e.outcome = outcomeStore.outcome(e.key.pkg(), e.key.connector(), e.freshVersion)),
                api::start);
        current = t;
        return t;
    }

    /** Publishes one planned message, recording the counters its entries have now. */
    private Tracker.Event publish(Tracker t, Mix.Planned p, boolean sampled, ToLongFunction<String> deadlineMs) throws Exception {
        long[] seqs = seqStore.seqs(p.pkg(), p.connectors());
        long now = System.nanoTime();
        Tracker.Event e = new Tracker.Event(p.topic(), p.pkg(), now, Instant.now(), sampled);
        for (int i = 0; i < seqs.length; i++) {
            String c = p.connectors().get(i);
            e.entries.add(new Tracker.Entry(e, new Tracker.Key(p.pkg(), c), seqs[i], now + deadlineMs.applyAsLong(c) * 1_000_000L));
        }
        t.add(e);
        bus.publish(p.topic(), p.headers(), p.body());
        return e;
    }

    record Paced(Tracker tracker, List<Probes.Row> rows, int events, double publishSeconds) {
    }

    /** Publishes at a fixed rate (open loop), then waits until every entry is fresh or past its deadline. */
    private Paced paced(String label, List<Mix.Planned> messages, double rate, ToLongFunction<String> deadlineMs) throws Exception {
        Tracker t = newTracker();
        int sample = Math.max(1, args.integer("api-sample"));
        long t0 = System.nanoTime() + 50_000_000L;
        Probes.Series series = probes.series(t0, args.integer("depth-every") * 1000L, t::notices, label);
        for (int i = 0; i < messages.size(); i++) {
            Pacing.until(t0 + (long) (i * 1e9 / rate));
            publish(t, messages.get(i), i % sample == 0, deadlineMs);
        }
        double publishSeconds = (System.nanoTime() - t0) / 1e9;
        bus.waitForConfirms(60_000);
        while (!t.resolved(System.nanoTime())) {
            Thread.sleep(200);
        }
        Thread.sleep(300); // outcome checks of the last notices
        return new Paced(t, series.stop(), messages.size(), publishSeconds);
    }

    private List<Mix.Planned> mix(Mix mix, int n) {
        List<Mix.Planned> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(mix.next(demo));
        }
        return out;
    }

    // --- run 1: rate ----------------------------------------------------------------------------

    private void rateRun() throws Exception {
        double rate = args.number("rate");
        int seconds = args.integer("seconds");
        long deadline = args.integer("deadline") * 1000L;
        Mix mix = new Mix(args.integer("seed"));
        List<Mix.Planned> messages = mix(mix, (int) Math.round(rate * seconds));
        header(String.format(Locale.ROOT, "rate run: the topic mix at %s events/s for %d s over the %d demo packages",
                fmt(rate), seconds, demo.size()));
        System.out.print(Mix.describe());

        // The worker, the API and WireMock are JVMs: a freshly started stack spends its first seconds
        // compiling, and a cold run measures the JIT rather than the event path. Same rate, other messages.
        int warmup = args.integer("warmup");
        if (warmup > 0) {
            Paced w = paced("warm-up", mix(new Mix(args.integer("seed") + 7), (int) Math.round(rate * warmup)), rate, c -> deadline);
            System.out.printf(Locale.ROOT, "  warm-up: %d events in %.1f s, not measured%n", w.events(), w.publishSeconds());
            settle("rate");
        }

        // references first, with the same messages at the same rate (their own scratch routes)
        int nRef = Math.min(messages.size(), args.integer("reference-messages"));
        Stats amqp = bus.roundTrip(messages.subList(0, nRef), rate);
        Stats redis = subStore.pubSubRoundTrip(nRef, rate);
        Stats upstream = wiremock.upstreamRoundTrip("/mdapi/branches", 20);

        Paced p = paced("rate", messages, rate, c -> deadline);
        List<Tracker.Event> events = p.tracker().events();
        System.out.printf(Locale.ROOT, "  published %d events in %.1f s (%.1f/s), %d package × connector entries, deadline %d s%n",
                p.events(), p.publishSeconds(), p.events() / p.publishSeconds(), entries(events).size(), deadline / 1000);
        boolean atTarget = Math.abs(rate - 100) < 1e-9;
        String target = atTarget ? "p99 ≤ 1000 ms" : "(target is at 100/s)";
        System.out.println();
        tableHeader("per event (all it asked for)", "missed");
        Stats notice = eventStats(events, false);
        Stats fresh = eventStats(events, true);
        Stats shown = apiStats(events);
        row("publish → notice", notice, missedEvents(events, false), mark(atTarget, notice, 1000) + target);
        row("publish → fresh (fetch began after)", fresh, missedEvents(events, true), mark(atTarget, fresh, 1000) + target);
        long sampled = events.stream().filter(e -> e.sampled).count();
        row("publish → API shows it (1 in " + args.integer("api-sample") + ")", shown, sampled - shown.n(),
                mark(atTarget, shown, 1000) + target);
        System.out.println();
        connectorTable(events);
        System.out.println();
        System.out.println("  reference, measured in this run (same messages, same rate):");
        refRow("RabbitMQ publish → consume, scratch queue", amqp);
        refRow("Redis PUBLISH → message", redis);
        refRow("one upstream answer (WireMock, " + args.integer("upstream-delay") + " ms delay)", upstream);
        System.out.printf(Locale.ROOT, "  ratios: fresh p50 = %s RabbitMQ p50, %s one upstream answer; fresh p99 = %s RabbitMQ p99%n",
                Stats.ratio(fresh.p50(), amqp.p50()), Stats.ratio(fresh.p50(), upstream.p50()), Stats.ratio(fresh.p99(), amqp.p99()));
        System.out.println();
        depthTable(p.rows());
        verdicts.add(String.format(Locale.ROOT, "rate  %s/s: p99 publish → notice %s ms, → fresh %s ms, → API %s ms; missed %d   target p99 ≤ 1000 ms at 100/s: %s",
                fmt(rate), Stats.ms(notice.p99()), Stats.ms(fresh.p99()), Stats.ms(shown.p99()), missedEvents(events, true),
                !atTarget ? "n/a at this rate" : fresh.p99() <= 1000 && notice.p99() <= 1000 && missedEvents(events, true) == 0 ? "PASS" : "FAIL"));
    }

    // --- run 2: burst ---------------------------------------------------------------------------

    private void burstRun() throws Exception {
        int nEvents = args.integer("burst-events");
        int nPackages = args.integer("burst-packages");
        int nCalibrate = args.integer("calibrate");
        header(String.format(Locale.ROOT, "burst run: %d buildsys.build.state.change events (half COMPLETE) over %d corpus packages, published at once",
                nEvents, nPackages));
        List<String> corpus = corpusNames(Path.of(args.str("corpus")));
        Collections.shuffle(corpus, new Random(args.integer("seed")));
        // the demo packages are left out: WireMock knows them, so their fetches cost more calls than
        // the others', and calibration could not stand for them
        corpus.removeAll(new HashSet<>(demo));
        List<String> used = corpus.subList(0, Math.min(corpus.size(), nPackages + 2 * nCalibrate));
        if (used.size() < nPackages + 2 * nCalibrate) {
            throw new IllegalArgumentException("the corpus has " + corpus.size() + " names, fewer than " + (nPackages + 2 * nCalibrate));
        }
        List<String> names = used.subList(0, nPackages);
        List<String> calibration = used.subList(nPackages, used.size());
        Set<String> hadKeys = new HashSet<>();
        for (String n : used) {
            if (probeStore.exists(Store.meta(n))) {
                hadKeys.add(n);
            }
        }
        Mix mix = new Mix(args.integer("seed") + 1);
        try {
            // calibration: what one fetch of builds, and one of versions, costs, one package at a time
            Map<String, Double> oneBuilds = calibrate("builds", calibration.subList(0, nCalibrate), n -> mix.buildState(n, false));
            Map<String, Double> oneVersions = calibrate("versions", calibration.subList(nCalibrate, 2 * nCalibrate), mix::tag);

            List<Mix.Planned> messages = new ArrayList<>(nEvents);
            Random r = new Random(args.integer("seed") + 2);
            for (int i = 0; i < nEvents; i++) {
                messages.add(mix.buildState(names.get(r.nextInt(names.size())), i < nEvents / 2));
            }
            Collections.shuffle(messages, r);
            Set<Tracker.Key> pairs = new LinkedHashSet<>();
            messages.forEach(m -> m.connectors().forEach(c -> pairs.add(new Tracker.Key(m.pkg(), c))));

            wiremock.resetJournal();
            Tracker t = newTracker();
            long deadline = args.integer("burst-deadline") * 1000L;
            long t0 = System.nanoTime();
            Probes.Series series = probes.series(t0, args.integer("depth-every") * 1000L, t::notices, "burst");
            for (Mix.Planned m : messages) {
                publish(t, m, false, c -> deadline);
            }
            double publishSeconds = (System.nanoTime() - t0) / 1e9;
            bus.waitForConfirms(120_000);
            System.err.printf(Locale.ROOT, "  [burst] published %d events in %.1f s; waiting for the drain%n", nEvents, publishSeconds);
            long quiet = args.integer("burst-quiet") * 1_000_000_000L;
            boolean drained = false;
            while (System.nanoTime() - t0 < deadline * 1_000_000L) {
                Map<String, Long> s = probes.sample();
                long now = System.nanoTime();
                long last = Math.max(t.lastNoticeNanos(), t0);
                if (Probes.empty(s) && now - last >= quiet) {
                    drained = true;
                    break;
                }
                Thread.sleep(1000);
            }
            List<Probes.Row> rows = series.stop();
            current = null;
            double drain = t.lastNoticeNanos() < t0 ? Double.NaN : (t.lastNoticeNanos() - t0) / 1e9;
            List<Tracker.Event> events = t.events();

            System.out.printf(Locale.ROOT, "  published %d events in %.1f s (%.0f/s); %d unique package × connector pairs (%s)%n",
                    nEvents, publishSeconds, nEvents / publishSeconds, pairs.size(), pairCounts(pairs));
            System.out.printf(Locale.ROOT, "  drain time: %s s (first publish → last notice; then %d s with no notice and every depth probe at 0)%s%n",
                    Double.isNaN(drain) ? "-" : String.format(Locale.ROOT, "%.1f", drain), args.integer("burst-quiet"),
                    drained ? "" : "  NOT DRAINED within " + args.integer("burst-deadline") + " s");
            System.out.printf(Locale.ROOT, "  notices received: %d for %d pairs (%.2f a pair)%n", t.notices(), pairs.size(),
                    t.notices() / (double) pairs.size());
            System.out.println();
            tableHeader("per event", "missed");
            Stats fresh = eventStats(events, true);
            row("publish → fresh (fetch began after)", fresh, missedEvents(events, true), "");
            System.out.println();

            // upstream calls from the journal, against what one fetch per unique pair would cost
            long journal = wiremock.journalSize();
            Map<String, Long> calls = countCalls();
            long pairsB = pairs.stream().filter(k -> k.connector().equals("builds")).count();
            long pairsV = pairs.size() - pairsB;
            System.out.printf(Locale.ROOT, "  upstream calls (WireMock journal, %d entries)%s:%n", journal,
                    args.integer("journal-cap") > 0 && journal >= args.integer("journal-cap")
                            ? "  WARNING: the journal is full (FP_WIREMOCK_JOURNAL), counts are too low" : "");
            System.out.printf(Locale.ROOT, "    %-22s %8s %18s %15s %10s %15s%n", "call", "calls", "1 fetch: builds", "versions",
                    "expected", "calls/expected");
            long total = 0;
            double expected = 0;
            for (Map.Entry<String, Long> c : calls.entrySet()) {
                double b = oneBuilds.getOrDefault(c.getKey(), 0.0);
                double v = oneVersions.getOrDefault(c.getKey(), 0.0);
                double e = pairsB * b + pairsV * v;
                if (c.getValue() == 0 && e == 0) {
                    continue;
                }
                total += c.getValue();
                expected += e;
                System.out.printf(Locale.ROOT, "    %-22s %8d %18s %15s %10.0f %15s%n", c.getKey(), c.getValue(), f2(b), f2(v), e,
                        e > 0 ? f3(c.getValue() / e) : "(none expected)");
            }
            double overall = expected > 0 ? total / expected : Double.NaN;
            System.out.printf(Locale.ROOT, "    %-22s %8d %18s %15s %10.0f %15s   target ≤ 1.10%n", "all calls", total, "", "", expected, f3(overall));
            System.out.printf(Locale.ROOT, "    = %s upstream fetches per unique package × connector pair; %s calls per pair%n", f3(overall),
                    f2(total / (double) pairs.size()));
            System.out.println("    (1 fetch: calls made by one fetch of that connector, calibrated in this run on " + nCalibrate
                    + " other corpus packages each, fetched one at a time; expected = builds pairs × builds + versions pairs × versions)");
            System.out.println();
            depthTable(rows);
            verdicts.add(String.format(Locale.ROOT, "burst %d events: drain %s s, %s upstream fetches per unique pair, %d events never fresh   target ≤ 1.10 a pair: %s",
                    nEvents, Double.isNaN(drain) ? "-" : String.format(Locale.ROOT, "%.1f", drain), f3(overall),
                    missedEvents(events, true), !drained ? "FAIL (not drained)" : overall <= 1.1 ? "PASS" : "FAIL"));
        } finally {
            if (!Boolean.parseBoolean(args.str("keep-keys"))) {
                cleanUp(used, hadKeys);
            }
        }
    }

    /** Calls per journal row of one fetch of a connector, from packages refreshed one at a time (nothing to coalesce). */
    private Map<String, Double> calibrate(String connector, List<String> names, java.util.function.Function<String, Mix.Planned> event)
            throws Exception {
        wiremock.resetJournal();
        Tracker t = newTracker();
        int done = 0;
        for (String n : names) {
            Tracker.Event e = publish(t, event.apply(n), false, c -> 30_000);
            bus.waitForConfirms(30_000);
            while (!e.entries.stream().allMatch(x -> x.resolved(System.nanoTime()))) {
                Thread.sleep(20);
            }
            if (e.last(true) >= 0) {
                done++;
            }
        }
        Thread.sleep(500);
        current = null;
        Map<String, Double> perFetch = new LinkedHashMap<>();
        countCalls().forEach((k, v) -> perFetch.put(k, v / (double) names.size()));
        System.out.printf(Locale.ROOT, "  calibration of %s: %d of %d packages fetched one at a time; calls per fetch: %s%n", connector,
                done, names.size(), perFetch.entrySet().stream().filter(x -> x.getValue() > 0).map(x -> x.getKey() + " " + f2(x.getValue())).toList());
        return perFetch;
    }

    /** Removes what the burst created for packages that had no keys before (their meta and documents). */
    private void cleanUp(List<String> names, Set<String> hadKeys) {
        List<String> keys = new ArrayList<>();
        for (String n : names) {
            if (!hadKeys.contains(n)) {
                keys.add(Store.meta(n));
                keys.add(Store.document(n, "builds"));
                keys.add(Store.document(n, "versions"));
            }
        }
        probeStore.delete(keys);
        System.out.printf(Locale.ROOT, "  removed the Redis keys of the %d corpus packages that had none before (--keep-keys true keeps them)%n",
                names.size() - hadKeys.size());
    }

    private static List<String> corpusNames(Path gz) throws Exception {
        List<String> names = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    String n = JSON.readTree(line).path("name").asText("");
                    if (n.matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,199}")) {
                        names.add(n);
                    }
                }
            }
        }
        return names;
    }

    // --- run 3: slow upstream -------------------------------------------------------------------

    private void slowRun() throws Exception {
        double rate = args.number("slow-rate");
        int seconds = args.integer("slow-seconds");
        int baselineSeconds = args.integer("slow-baseline-seconds");
        int slowMs = args.integer("slow-delay");
        long deadline = args.integer("deadline") * 1000L;
        long slowDeadline = args.integer("slow-deadline") * 1000L;
        header(String.format(Locale.ROOT, "slow-upstream run: Koschei answers after %d ms; the mix at %s events/s for %d s (baseline first: %d s without the slow stub)",
                slowMs, fmt(rate), seconds, baselineSeconds));
        Predicate<Tracker.Entry> koschei = e -> Mix.isKoschei(e.key.connector());
        // both phases publish the same sequence (same seed), so that only Koschei's delay differs
        int seed = args.integer("seed") + 3;
        Paced base = paced("slow-baseline", mix(new Mix(seed), (int) Math.round(rate * baselineSeconds)), rate, c -> deadline);
        String stub = wiremock.addSlowStub("/koschei/.*", "[]", slowMs);
        Paced slow;
        try {
            slow = paced("slow", mix(new Mix(seed), (int) Math.round(rate * seconds)), rate, c -> Mix.isKoschei(c) ? slowDeadline : deadline);
        } finally {
            wiremock.removeStub(stub);
        }
        System.out.printf(Locale.ROOT, "  per entry, publish → fresh; deadline %d s (Koschei's during the slow phase: %d s)%n", deadline / 1000, slowDeadline / 1000);
        tableHeader("", "missed");
        Stats baseOthers = entryStats(base.tracker().events(), koschei.negate());
        row("baseline: other upstreams", baseOthers, missedEntries(base.tracker().events(), koschei.negate()), "");
        row("baseline: Koschei (ci)", entryStats(base.tracker().events(), koschei),
                missedEntries(base.tracker().events(), koschei), errors(base.tracker().events(), koschei));
        Stats slowOthers = entryStats(slow.tracker().events(), koschei.negate());
        long slowOthersMissed = missedEntries(slow.tracker().events(), koschei.negate());
        double allowed = Double.isNaN(baseOthers.p99()) ? Double.NaN : baseOthers.p99() + Math.max(100, 0.2 * baseOthers.p99());
        row("Koschei slow: other upstreams", slowOthers, slowOthersMissed,
                String.format(Locale.ROOT, "p99 ≤ %s ms (baseline p99 + max(100 ms, 20%%))", Stats.ms(allowed)));
        row("Koschei slow: Koschei (ci)", entryStats(slow.tracker().events(), koschei),
                missedEntries(slow.tracker().events(), koschei), errors(slow.tracker().events(), koschei));
        System.out.println();
        System.out.println("  during the slow phase, per connector:");
        connectorTable(slow.tracker().events());
        System.out.println();
        depthTable(slow.rows());
        boolean pass = slowOthers.p99() <= allowed && slowOthersMissed == 0;
        verdicts.add(String.format(Locale.ROOT, "slow  Koschei +%d ms: others' p99 %s ms vs baseline %s ms, %d missed   target adds nothing (≤ %s ms): %s",
                slowMs, Stats.ms(slowOthers.p99()), Stats.ms(baseOthers.p99()), slowOthersMissed, Stats.ms(allowed), pass ? "PASS" : "FAIL"));
    }

    // --- figures --------------------------------------------------------------------------------

    private static List<Tracker.Entry> entries(List<Tracker.Event> events) {
        List<Tracker.Entry> out = new ArrayList<>();
        events.forEach(e -> out.addAll(e.entries));
        return out;
    }

    /** Events whose entries were all noticed (or fresh) by their deadlines; the others are "missed". */
    private static Stats eventStats(List<Tracker.Event> events, boolean fresh) {
        List<Long> l = new ArrayList<>();
        for (Tracker.Event e : events) {
            long t = e.last(fresh);
            boolean inTime = t >= 0 && e.entries.stream().allMatch(x -> (fresh ? x.fresh : x.noticed) <= x.deadlineNanos);
            if (inTime) {
                l.add(t - e.publishNanos);
            }
        }
        return Stats.ofNanos(l);
    }

    private static long missedEvents(List<Tracker.Event> events, boolean fresh) {
        return events.size() - eventStats(events, fresh).n();
    }

    private static Stats apiStats(List<Tracker.Event> events) {
        List<Long> l = new ArrayList<>();
        events.stream().filter(e -> e.sampled && e.apiShown >= 0).forEach(e -> l.add(e.apiShown - e.publishNanos));
        return Stats.ofNanos(l);
    }

    /** Entries fresh by their deadlines; the others are "missed". */
    private static Stats entryStats(List<Tracker.Event> events, Predicate<Tracker.Entry> which) {
        List<Long> l = new ArrayList<>();
        for (Tracker.Entry e : entries(events)) {
            if (which.test(e) && e.fresh >= 0 && e.fresh <= e.deadlineNanos) {
                l.add(e.fresh - e.event.publishNanos);
            }
        }
        return Stats.ofNanos(l);
    }

    private static long missedEntries(List<Tracker.Event> events, Predicate<Tracker.Entry> which) {
        return entries(events).stream().filter(which).count() - entryStats(events, which).n();
    }

    private static String errors(List<Tracker.Event> events, Predicate<Tracker.Entry> which) {
        long err = entries(events).stream().filter(which).filter(e -> "error".equals(e.outcome)).count();
        return err == 0 ? "" : err + " of them stored an error, not a document";
    }

    private void connectorTable(List<Tracker.Event> events) {
        System.out.printf(Locale.ROOT, "  %-36s %6s %7s %7s %7s %7s %7s %7s%n", "per connector (publish → fresh, ms)", "n", "p50", "p95", "p99", "max", "missed", "errors");
        Map<String, List<Tracker.Entry>> by = new java.util.TreeMap<>();
        for (Tracker.Entry e : entries(events)) {
            by.computeIfAbsent(e.key.connector(), k -> new ArrayList<>()).add(e);
        }
        by.forEach((c, list) -> {
            Predicate<Tracker.Entry> of = e -> e.key.connector().equals(c);
            Stats s = entryStats(events, of);
            long missed = list.size() - s.n();
            long errs = list.stream().filter(e -> "error".equals(e.outcome)).count();
            System.out.printf(Locale.ROOT, "    %-34s %6d %7s %7s %7s %7s %7d %7d%n", c, s.n(), Stats.ms(s.p50()), Stats.ms(s.p95()),
                    Stats.ms(s.p99()), Stats.ms(s.max()), missed, errs);
        });
    }

    private void depthTable(List<Probes.Row> rows) {
        System.out.printf(Locale.ROOT, "  queue depth every %d s (probes: %s):%n", args.integer("depth-every"), args.str("probes"));
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "    %7s", "t (s)"));
        probes.names().forEach(n -> h.append(String.format(Locale.ROOT, " %14s", n)));
        h.append(String.format(Locale.ROOT, " %14s", "notices"));
        System.out.println(h);
        for (Probes.Row r : rows) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "    %7.1f", r.seconds()));
            r.values().values().forEach(v -> sb.append(String.format(Locale.ROOT, " %14s", v == null ? "-" : v.toString())));
            sb.append(String.format(Locale.ROOT, " %14d", r.notices()));
            System.out.println(sb);
        }
    }

    private static void header(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void tableHeader(String title, String missed) {
        System.out.printf(Locale.ROOT, "  %-40s %6s %7s %7s %7s %7s %7s   %s%n", title, "n", "p50", "p95", "p99", "max", missed, "target");
    }

    private static void row(String label, Stats s, long missed, String target) {
        System.out.printf(Locale.ROOT, "    %-38s %6d %7s %7s %7s %7s %7d   %s%n", label, s.n(), Stats.ms(s.p50()), Stats.ms(s.p95()),
                Stats.ms(s.p99()), Stats.ms(s.max()), missed, target);
    }

    private static void refRow(String label, Stats s) {
        System.out.printf(Locale.ROOT, "    %-52s n %4d  p50 %6s ms  p99 %6s ms  max %6s ms%n", label, s.n(), Stats.ms(s.p50()),
                Stats.ms(s.p99()), Stats.ms(s.max()));
    }

    private static String mark(boolean atTarget, Stats s, double limitMs) {
        if (!atTarget || s.n() == 0) {
            return "";
        }
        return s.p99() <= limitMs ? "PASS " : "FAIL ";
    }

    private static String pairCounts(Set<Tracker.Key> pairs) {
        Map<String, Integer> m = new java.util.TreeMap<>();
        pairs.forEach(k -> m.merge(k.connector(), 1, Integer::sum));
        return m.toString();
    }

    private static String f2(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String f3(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
