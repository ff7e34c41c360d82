package org.fedoraproject.packages.api.store;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;

/**
 * Reads what the worker stored. Read-only by design: the API never writes page data. Documents are
 * returned as the stored text, so the hot path does no JSON parsing or serialising.
 */
@ApplicationScoped
public class PackageReader {
    /** A stored document: its version (the ETag) and the envelope JSON. */
    public record StoredDocument(long version, String json) {
    }

    /** One page of the known-package list, each item the stored summary JSON (or null). */
    public record PackagePage(long total, List<String> names, List<String> summaries) {
    }

    private final ReactiveRedisDataSource redis;

    private final NearCache near;

    public PackageReader(ReactiveRedisDataSource redis, NearCache near) {
        this.redis = redis;
        this.near = near;
    }

    /** A document: from the near cache when it holds it (kept fresh by the worker's notices), else from Redis. */
    public Uni<Optional<StoredDocument>> document(String pkg, ConnectorName connector) {
        return document(pkg, connector, null);
    }

    /**
     * One branch's document of a connector kept per branch ({@code branch} null: the default one); empty
     * when the package has no such document or not on that branch.
     */
    public Uni<Optional<StoredDocument>> document(String pkg, ConnectorName connector, String branch) {
        String key = RedisLayout.document(pkg, connector);
        String field = branch == null ? RedisLayout.DOC_BODY : RedisLayout.branchBody(branch);
        StoredDocument hot = near.get(key, field);
        if (hot != null) {
            return Uni.createFrom().item(Optional.of(hot));
        }
        return redis.execute("HMGET", key, RedisLayout.DOC_VERSION, field).map(r -> stored(key, field, r));
    }

    /**
     * The default documents of {@code connectors} for each of {@code packages} (in their order), those the
     * near cache lacks read in one pipelined batch: one round trip however many there are. A map lacks the
     * connectors that have no document stored.
     */
    public Uni<List<Map<ConnectorName, StoredDocument>>> documents(List<String> packages, List<ConnectorName> connectors) {
        List<Map<ConnectorName, StoredDocument>> out = new ArrayList<>(packages.size());
        List<Request> reads = new ArrayList<>();
        List<Runnable> fill = new ArrayList<>(); // per read: where its answer goes
        List<Response> answers = new ArrayList<>();
        for (String pkg : packages) {
            Map<ConnectorName, StoredDocument> found = new java.util.EnumMap<>(ConnectorName.class);
            out.add(found);
            for (ConnectorName c : connectors) {
                String key = RedisLayout.document(pkg, c);
                StoredDocument hot = near.get(key, RedisLayout.DOC_BODY);
                if (hot != null) {
                    found.put(c, hot);
                    continue;
                }
                int i = reads.size();
                reads.add(Request.cmd(Command.HMGET).arg(key).arg(RedisLayout.DOC_VERSION).arg(RedisLayout.DOC_BODY));
                fill.add(() -> stored(key, RedisLayout.DOC_BODY, answers.get(i)).ifPresent(doc -> found.put(c, doc)));
            }
        }
        if (reads.isEmpty()) {
            return Uni.createFrom().item(out);
        }
        return redis.getRedis().batch(reads).map(r -> {
            answers.addAll(r);
            fill.forEach(Runnable::run);
            return out;
        });
    }

    /** An HMGET of version and body as a document (kept in the near cache), or empty when either is missing. */
    private Optional<StoredDocument> stored(String key, String field, Response r) {
        Response version = r == null ? null : r.get(0);
        Response body = r == null ? null : r.get(1);
        if (version == null || body == null) {
            return Optional.empty();
        }
        StoredDocument doc = new StoredDocument(version.toLong(), body.toString());
        near.put(key, field, doc);
        return Optional.of(doc);
    }

    public Uni<Boolean> isKnown(String pkg) {
        return redis.execute("ZSCORE", RedisLayout.KNOWN_PACKAGES, pkg).map(r -> r != null);
    }

    /** The source package a binary (sub-)package is built from, over all branches; empty when none is. */
    public Uni<Optional<String>> sourceOfBinary(String binary) {
        return redis.execute("HGET", RedisLayout.BINARIES, binary).map(r -> Optional.ofNullable(r).map(Response::toString));
    }

    /** The package's state JSON ({@code {"branches","retired","via"}}); empty before the first discovery. */
    public Uni<Optional<String>> state(String pkg) {
        return redis.execute("HGET", RedisLayout.PACKAGE_STATES, pkg).map(r -> Optional.ofNullable(r).map(Response::toString));
    }

    /** The active releases as the worker stored them with the last versions document (a JSON array); empty before one. */
    public Uni<Optional<String>> activeReleases() {
        return redis.execute("GET", RedisLayout.ACTIVE_RELEASES).map(r -> Optional.ofNullable(r).map(Response::toString));
    }

    /** The bootstrap's hash, the known packages and how many have an overview. */
    public Uni<Catalog> catalog() {
        Uni<Map<String, String>> bootstrap = redis.execute("HGETALL", RedisLayout.BOOTSTRAP).map(r -> {
            Map<String, String> fields = new HashMap<>();
            if (r != null) {
                r.getKeys().forEach(k -> fields.put(k, r.get(k).toString()));
            }
            return fields;
        });
        Uni<Long> known = redis.execute("ZCARD", RedisLayout.KNOWN_PACKAGES).map(Response::toLong);
        Uni<Long> described = redis.execute("HLEN", RedisLayout.PACKAGE_SUMMARIES).map(Response::toLong);
        return Uni.combine().all().unis(bootstrap, known, described).asTuple()
                .map(t -> new Catalog(t.getItem1(), t.getItem2(), t.getItem3()));
    }

    /**
     * The refresh scheduler's queues as Redis holds them: upstream → items ready and running. Found by
     * scanning for the scheduler's keys (a handful), so the API needs no list of upstreams.
     */
    public Uni<Map<String, Map<String, Long>>> schedulerDepths() {
        return scan("0", RedisLayout.schedulerKeys("*").get(0), new java.util.TreeSet<>())
                .flatMap(found -> {
                    List<String> upstreams = found.stream().map(RedisLayout::upstreamOfSchedulerKey).toList();
                    if (upstreams.isEmpty()) {
                        return Uni.createFrom().item(Map.<String, Map<String, Long>>of());
                    }
                    List<Uni<Map<String, Long>>> depths = upstreams.stream().map(u -> {
                        List<String> keys = RedisLayout.schedulerKeys(u);
                        return Uni.combine().all().unis(redis.execute("ZCARD", keys.get(0)), redis.execute("ZCARD", keys.get(1)))
                                .asTuple().map(t -> Map.of("ready", t.getItem1().toLong(), "running", t.getItem2().toLong()));
                    }).toList();
                    return Uni.join().all(depths).andFailFast().map(all -> {
                        Map<String, Map<String, Long>> out = new java.util.LinkedHashMap<>();
                        for (int i = 0; i < upstreams.size(); i++) {
                            out.put(upstreams.get(i), all.get(i));
                        }
                        return out;
                    });
                });
    }

    /** Every key matching {@code pattern}, following SCAN's cursor to its end (admin use: it walks the keyspace). */
    private Uni<java.util.SortedSet<String>> scan(String cursor, String pattern, java.util.SortedSet<String> into) {
        return redis.execute("SCAN", cursor, "MATCH", pattern, "COUNT", "10000").flatMap(r -> {
            r.get(1).forEach(k -> into.add(k.toString()));
            String next = r.get(0).toString();
            return "0".equals(next) ? Uni.createFrom().item(into) : scan(next, pattern, into);
        });
    }

    /** Names waiting for their search document to be rebuilt. */
    public Uni<Long> searchPending() {
        return redis.execute("SCARD", RedisLayout.SEARCH_PENDING).map(Response::toLong);
    }

    /** Per connector, the sweep's cursor over the known set (absent: not started). */
    public Uni<Map<String, String>> sweepCursors() {
        List<String> keys = java.util.Arrays.stream(ConnectorName.values()).map(RedisLayout::sweepCursor).toList();
        return redis.execute("MGET", keys.toArray(String[]::new)).map(r -> {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            ConnectorName[] all = ConnectorName.values();
            for (int i = 0; i < all.length; i++) {
                Response v = r.get(i);
                out.put(all[i].id(), v == null ? null : v.toString());
            }
            return out;
        });
    }

    public record Catalog(Map<String, String> bootstrap, long known, long withOverview) {
    }

    /** The metadata hash of a package: field → value (see {@link RedisLayout.MetaField}). */
    public Uni<Map<String, String>> meta(String pkg) {
        return redis.execute("HGETALL", RedisLayout.meta(pkg)).map(r -> {
            Map<String, String> fields = new HashMap<>();
            if (r != null) {
                for (String key : r.getKeys()) {
                    fields.put(key, r.get(key).toString());
                }
            }
            return fields;
        });
    }

    /** The known ones among {@code names} (in their order) with their stored summaries. */
    public Uni<PackagePage> named(List<String> names) {
        List<String> known = new ArrayList<>(names.size() + 1);
        known.add(RedisLayout.KNOWN_PACKAGES);
        known.addAll(names);
        List<String> summaries = new ArrayList<>(names.size() + 1);
        summaries.add(RedisLayout.PACKAGE_SUMMARIES);
        summaries.addAll(names);
        return Uni.combine().all().unis(redis.execute("ZMSCORE", known.toArray(String[]::new)),
                redis.execute("HMGET", summaries.toArray(String[]::new))).asTuple().map(t -> {
                    List<String> found = new ArrayList<>();
                    List<String> texts = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        if (t.getItem1().get(i) != null) {
                            found.add(names.get(i));
                            Response text = t.getItem2().get(i);
                            texts.add(text == null ? null : text.toString());
                        }
                    }
                    return new PackagePage(found.size(), found, texts);
                });
    }

    public Uni<PackagePage> list(long offset, int limit) {
        Uni<Long> total = redis.execute("ZCARD", RedisLayout.KNOWN_PACKAGES).map(Response::toLong);
        Uni<List<String>> names = redis.execute("ZRANGE", RedisLayout.KNOWN_PACKAGES,
                Long.toString(offset), Long.toString(offset + limit - 1)).map(PackageReader::strings);
        return Uni.combine().all().unis(total, names).asTuple().flatMap(t -> {
            List<String> page = t.getItem2();
            if (page.isEmpty()) {
                return Uni.createFrom().item(new PackagePage(t.getItem1(), page, List.of()));
            }
            List<String> args = new ArrayList<>(page.size() + 1);
            args.add(RedisLayout.PACKAGE_SUMMARIES);
            args.addAll(page);
            return redis.execute("HMGET", args.toArray(String[]::new)).map(r -> {
                List<String> summaries = new ArrayList<>(page.size());
                for (int i = 0; i < page.size(); i++) {
                    Response s = r.get(i);
                    summaries.add(s == null ? null : s.toString());
                }
                return new PackagePage(t.getItem1(), page, summaries);
            });
        });
    }

    private static List<String> strings(Response r) {
        List<String> out = new ArrayList<>();
        if (r != null) {
            r.forEach(item -> out.add(item.toString()));
        }
        return out;
    }

    /** What a dependency name leads to: the binary that provides it and that binary's source package (nulls: nothing). */
    public record Resolution(String name, String binary, String source) {
    }

    /**
     * Resolves dependency names, in their order, in two round trips whatever their number: first the binary
     * index, the known set and the branch order together; then, for the names still open, each branch's
     * provides index together (its values carry the source, so no third lookup). A binary name wins over a
     * source name (a dependency names something installable), a source name resolves to itself, a provide to
     * its provider on the first branch that has it (Rawhide, then the newest).
     */
    public Uni<List<Resolution>> resolve(List<String> names) {
        Uni<Response> binaries = redis.execute("HMGET", prepend(RedisLayout.BINARIES, names));
        Uni<Response> known = redis.execute("ZMSCORE", prepend(RedisLayout.KNOWN_PACKAGES, names));
        Uni<Response> order = redis.execute("GET", RedisLayout.CATALOG_BRANCHES);
        return Uni.combine().all().unis(binaries, known, order).asTuple().flatMap(t -> {
            Resolution[] out = new Resolution[names.size()];
            List<String> open = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Response source = t.getItem1().get(i);
                if (source != null) {
                    out[i] = new Resolution(name, name, source.toString());
                } else if (t.getItem2().get(i) != null) {
                    out[i] = new Resolution(name, null, name);
                } else {
                    open.add(name);
                }
            }
            List<String> branches = t.getItem3() == null ? List.of() : List.of(t.getItem3().toString().split(","));
            if (open.isEmpty() || branches.isEmpty()) {
                return Uni.createFrom().item(fill(names, out));
            }
            List<Uni<Response>> perBranch = branches.stream()
                    .map(b -> redis.execute("HMGET", prepend(RedisLayout.catalogProvides(b), open))).toList();
            return Uni.join().all(perBranch).andFailFast().map(found -> {
                Map<String, Resolution> provided = new HashMap<>();
                for (Response branch : found) { // in resolve order: the first branch that has a name answers
                    for (int i = 0; i < open.size(); i++) {
                        Response v = branch.get(i);
                        if (v != null && !provided.containsKey(open.get(i))) {
                            org.fedoraproject.packages.contract.Provider p =
                                    org.fedoraproject.packages.contract.Provider.decode(v.toString());
                            provided.put(open.get(i), new Resolution(open.get(i), p.binary(), p.source()));
                        }
                    }
                }
                for (int i = 0; i < names.size(); i++) {
                    if (out[i] == null) {
                        out[i] = provided.get(names.get(i));
                    }
                }
                return fill(names, out);
            });
        });
    }

    private static List<Resolution> fill(List<String> names, Resolution[] out) {
        List<Resolution> list = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            list.add(out[i] != null ? out[i] : new Resolution(names.get(i), null, null));
        }
        return list;
    }

    private static String[] prepend(String key, List<String> fields) {
        String[] args = new String[fields.size() + 1];
        args[0] = key;
        for (int i = 0; i < fields.size(); i++) {
            args[i + 1] = fields.get(i);
        }
        return args;
    }
}
