package org.fedoraproject.packages.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;

/**
 * The real 34k-package corpus (../shared/corpus, Debian 12's index regrouped by source) in a search index,
 * once per test run, through the worker's own code: the corpus is written into Redis in the worker's
 * layout (a catalog per branch, package states, maintainers documents), then the real worker jar runs a
 * full re-index (POST /status/search/reindex) into the {@code fp-corpus} index, which the API under test
 * reads. Its own Redis database, so other test classes' data never mixes in.
 *
 * <p>Branches and maintainers are not in the corpus; they are derived from it deterministically:
 * every package is on rawhide, one in three (by name hash) also on f43, one in seven on epel10; the
 * maintainer is the corpus maintainer's name as a user name ("Debian Python Team" → debian-python-team).
 * When the corpus is absent, nothing is indexed and {@link #present()} says so (the tests skip).
 */
public class CorpusIndex implements QuarkusTestResourceLifecycleManager {
    public static final String PREFIX = "fp-corpus";
    public static final int REDIS_DB = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile boolean indexed;
    private static volatile Duration took;

    public static Path corpus() {
        return Path.of(System.getProperty("fp.shared.dir", "../../shared"), "corpus", "distro-corpus.jsonl.gz");
    }

    public static boolean present() {
        return Files.isRegularFile(corpus());
    }

    /** Branches of a corpus package in this index. */
    public static List<String> branches(String name) {
        int h = Math.floorMod(name.hashCode(), 21);
        List<String> b = new ArrayList<>(List.of("rawhide"));
        if (h % 3 == 0) {
            b.add("f43");
        }
        if (h % 7 == 0) {
            b.add("epel10");
        }
        return b;
    }

    /** The user name standing for a corpus maintainer field ({@code "Name <mail>"}). */
    public static String maintainer(String field) {
        String name = field.contains("<") ? field.substring(0, field.indexOf('<')) : field;
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static volatile Map<String, String> maintainers;

    /** The derived maintainer user of a corpus package ({@link #maintainer(String)} of its corpus field). */
    public static String maintainerOf(String name) {
        if (maintainers == null) {
            Map<String, String> m = new java.util.HashMap<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(corpus())), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    JsonNode p = JSON.readTree(line);
                    m.put(p.path("name").asText(), maintainer(p.path("maintainer").asText("")));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            maintainers = m;
        }
        return maintainers.get(name);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = Map.of("fp.search.index-prefix", PREFIX);
        if (!present() || indexed) {
            return config;
        }
        Instant t0 = Instant.now();
        int packages = load();
        int port = WorkerProcess.freePort();
        Process worker = WorkerProcess.launch(List.of("-D%test.fp.redis-db=" + REDIS_DB, "-Dfp.search.index-prefix=" + PREFIX,
                "-Dfp.local-upstream=http://127.0.0.1:9"), port, Path.of("target/corpus-worker.log"));
        try {
            reindex(port, packages);
        } finally {
            WorkerProcess.stop(worker);
        }
        took = Duration.between(t0, Instant.now());
        indexed = true;
        System.out.printf("corpus: %d packages loaded and indexed in %d ms (see target/corpus-worker.log)%n", packages,
                took.toMillis());
        return config;
    }

    @Override
    public void stop() {
    }

    /** Writes the corpus into Redis database {@link #REDIS_DB}; returns how many packages. */
    private int load() {
        Vertx vertx = Vertx.vertx();
        Redis redis = Redis.createClient(vertx, new io.vertx.redis.client.RedisOptions()
                .setConnectionString("redis://127.0.0.1:6379/" + REDIS_DB).setMaxWaitingHandlers(16_384));
        try {
            call(redis, List.of(Request.cmd(Command.FLUSHDB)));
            List<Request> batch = new ArrayList<>();
            int count = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(corpus())), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    JsonNode p = JSON.readTree(line);
                    String name = p.path("name").asText();
                    List<String> branches = branches(name);
                    String entry = entry(p).toString();
                    for (String b : branches) {
                        batch.add(Request.cmd(Command.HSET).arg(RedisLayout.catalogSources(b)).arg(name).arg(entry));
                    }
                    ObjectNode state = JSON.createObjectNode();
                    state.set("branches", JSON.valueToTree(branches));
                    state.put("retired", false);
                    state.put("via", "repodata");
                    batch.add(Request.cmd(Command.HSET).arg(RedisLayout.PACKAGE_STATES).arg(name).arg(state.toString()));
                    batch.add(Request.cmd(Command.ZADD).arg(RedisLayout.KNOWN_PACKAGES).arg("0").arg(name));
                    batch.add(Request.cmd(Command.HSET).arg(RedisLayout.document(name, ConnectorName.MAINTAINERS))
                            .arg(RedisLayout.DOC_VERSION).arg("1").arg(RedisLayout.DOC_BODY).arg(maintainers(name, p).toString()));
                    count++;
                    if (batch.size() >= 4000) {
                        call(redis, batch);
                        batch = new ArrayList<>();
                    }
                }
            }
            call(redis, batch);
            return count;
        } catch (IOException e) {
            throw new IllegalStateException("corpus unreadable: " + corpus(), e);
        } finally {
            redis.close();
            vertx.close();
        }
    }

    /** The catalog entry (the worker's SourceEntry JSON) of a corpus package. */
    private static ObjectNode entry(JsonNode p) {
        ObjectNode e = JSON.createObjectNode();
        e.put("name", p.path("name").asText());
        e.put("epoch", "0");
        e.put("version", p.path("version").asText());
        e.put("release", p.path("release").asText() + ".fc44");
        e.put("summary", p.path("summary").asText());
        e.putNull("description");
        e.put("url", p.path("url").asText(null));
        e.putNull("license");
        ArrayNode subs = e.putArray("subpackages");
        for (JsonNode s : p.path("subpackages")) {
            ObjectNode sub = subs.addObject();
            sub.put("name", s.path("name").asText());
            sub.put("summary", s.path("summary").asText());
            sub.put("arch", "all".equals(s.path("arch").asText()) ? "noarch" : "x86_64");
            sub.set("provides", s.path("provides"));
        }
        e.put("repo", "https://example.org/corpus");
        return e;
    }

    private static ObjectNode maintainers(String name, JsonNode p) {
        ObjectNode env = JSON.createObjectNode();
        env.put("package", name);
        env.put("connector", "maintainers");
        env.put("version", 1);
        env.put("refreshedAt", "2026-11-25T00:00:00Z");
        env.put("source", "https://src.fedoraproject.org/api/0/rpms/" + name);
        env.put("status", "ok");
        ObjectNode data = env.putObject("data");
        String user = maintainer(p.path("maintainer").asText(""));
        data.put("pointOfContact", user);
        data.putArray("admins").add(user);
        data.putArray("committers");
        data.putArray("collaborators");
        return env;
    }

    private static void call(Redis redis, List<Request> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            redis.batch(batch).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("writing the corpus to Redis failed", e);
        }
    }

    private static void reindex(int port, int packages) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/status/search/reindex")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 200 || !started.body().contains("true")) {
                throw new IllegalStateException("re-index not started: " + started.statusCode() + " " + started.body());
            }
            Instant end = Instant.now().plusSeconds(240);
            while (Instant.now().isBefore(end)) {
                JsonNode status = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/status")).build(), HttpResponse.BodyHandlers.ofString()).body());
                String state = status.path("search").path("reindex").path("state").asText();
                if ("done".equals(state)) {
                    return;
                }
                if ("failed".equals(state)) {
                    throw new IllegalStateException("corpus re-index failed: " + status.path("search"));
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("corpus re-index of " + packages + " packages not done within 240 s");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How long loading and indexing took, once done. */
    public static Map<String, Object> report() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("indexed", indexed);
        r.put("tookMs", took == null ? null : took.toMillis());
        return r;
    }
}
