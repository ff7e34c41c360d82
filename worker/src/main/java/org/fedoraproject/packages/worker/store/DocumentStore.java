package org.fedoraproject.packages.worker.store;

import static org.fedoraproject.packages.contract.RedisLayout.MetaField;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.contract.document.Envelope;
import org.fedoraproject.packages.worker.WorkerConfig;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.search.SearchPending;

/**
 * Writes page data to Redis; the worker's only way to change it. Every write is one Lua script that
 * compares versions and replaces the document, its metadata and publishes the "refreshed" notice
 * together, so readers see the old or the new document, never a hole, and a fetch that started
 * earlier can never overwrite one that started later.
 */
@ApplicationScoped
public class DocumentStore {
    /**
     * The documents whose existence makes a package known (listed, and filled on a cold page): mdapi
     * or dist-git has it. Bugzilla components and Koji builds (containers, flatpaks) are not packages.
     */
    static final java.util.Set<ConnectorName> KNOWN_BY =
            java.util.EnumSet.of(ConnectorName.OVERVIEW, ConnectorName.SOURCES, ConnectorName.MAINTAINERS);

    /** The documents a search document is built from (with the package's state): their change re-indexes it. */
    static final java.util.Set<ConnectorName> SEARCHED_FROM = java.util.EnumSet.of(ConnectorName.OVERVIEW, ConnectorName.MAINTAINERS);

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper mapper;
    private final String channel;
    private final LuaScript write;
    private final LuaScript recordError;
    private final SearchPending search;

    public DocumentStore(ReactiveRedisDataSource redis, ObjectMapper mapper, WorkerConfig config, SearchPending search) {
        this.redis = redis;
        this.search = search;
        this.mapper = mapper;
        this.channel = RedisLayout.refreshedChannel(config.instance());
        this.write = LuaScript.load("write-document.lua");
        this.recordError = LuaScript.load("record-error.lua");
    }

    /** The version of a fetch that starts now: a per-entry counter, so replicas' clocks never matter. */
    public Uni<Long> nextVersion(String pkg, ConnectorName connector) {
        return redis.hash(Long.class).hincrby(RedisLayout.meta(pkg), MetaField.seq(connector), 1);
    }

    /** Stores a fetched document unless a newer one is already there. Returns whether it was written. */
    public Uni<Boolean> write(String pkg, ConnectorName connector, long version, FetchResult result) {
        String refreshedAt = Instant.now().toString();
        List<String> keys = List.of(RedisLayout.document(pkg, connector), RedisLayout.meta(pkg));
        List<String> args = new ArrayList<>(List.of(Long.toString(version), envelope(pkg, connector, version, refreshedAt, result),
                connector.id(), refreshedAt, result.status().id(), channel, notice(pkg, connector, version)));
        result.branches().forEach((branch, one) -> {
            args.add(RedisLayout.branchBody(branch));
            args.add(envelope(pkg, connector, version, refreshedAt, one));
        });
        return write.run(redis, keys, args)
                .map(r -> r != null && r.toLong() == 1L)
                .call(written -> written ? remember(pkg, connector, result).call(() -> releases(connector, result))
                        .call(() -> refreshed(pkg, connector))
                        .call(() -> SEARCHED_FROM.contains(connector) ? search.add(pkg) : Uni.createFrom().voidItem())
                        : Uni.createFrom().voidItem());
    }

    /** The JSON the API serves for one document (or one branch of it). */
    private String envelope(String pkg, ConnectorName connector, long version, String refreshedAt, FetchResult result) {
        try {
            return mapper.writeValueAsString(new Envelope(pkg, connector.id(), version, refreshedAt, result.source(),
                    result.status().id(), result.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("document of " + pkg + "/" + connector.id() + " not written as JSON", e);
        }
    }

    /** Records why a refresh failed; the last good document stays as it is. */
    public Uni<Void> recordError(String pkg, ConnectorName connector, long version, UpstreamException error) {
        ObjectNode json = mapper.createObjectNode();
        json.put("kind", error.kind().id());
        json.put("upstream", error.upstream());
        json.put("message", error.getMessage());
        json.put("at", Instant.now().toString());
        List<String> keys = List.of(RedisLayout.document(pkg, connector), RedisLayout.meta(pkg));
        List<String> args = List.of(Long.toString(version), connector.id(), json.toString(),
                channel, notice(pkg, connector, version));
        return recordError.run(redis, keys, args).replaceWithVoid().call(() -> refreshed(pkg, connector));
    }

    /**
     * When the entry was last asked for (a document or a failure): the sweep's index, oldest first. Another
     * slot than the package's, so written after the script; a crash in between only makes the sweep
     * visit the entry early.
     */
    private Uni<Void> refreshed(String pkg, ConnectorName connector) {
        return redis.sortedSet(String.class).zadd(RedisLayout.refreshedIndex(connector), System.currentTimeMillis(), pkg)
                .replaceWithVoid();
    }

    /**
     * Adds the package to the known set (see {@link #KNOWN_BY}) and, from its overview, its summary to
     * the list shown on the home page.
     * These keys are shared by all packages (another Cluster slot), so they are written after the
     * script; both writes are idempotent, so a crash in between is mended by the next refresh.
     */
    private Uni<Void> remember(String pkg, ConnectorName connector, FetchResult result) {
        if (result.status() != FetchResult.Status.OK || !KNOWN_BY.contains(connector)) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> known = redis.sortedSet(String.class).zadd(RedisLayout.KNOWN_PACKAGES, 0, pkg).replaceWithVoid();
        if (connector != ConnectorName.OVERVIEW) {
            return known;
        }
        ObjectNode data = mapper.valueToTree(result.data());
        ObjectNode summary = mapper.createObjectNode();
        summary.put("name", pkg);
        summary.set("summary", data.get("summary"));
        String version = data.path("version").asText(null);
        String release = data.path("release").asText(null);
        summary.put("version", version == null ? null : release == null ? version : version + "-" + release);
        return known.call(() -> redis.hash(String.class).hset(RedisLayout.PACKAGE_SUMMARIES, pkg, summary.toString()));
    }

    /**
     * The active releases, from a versions document: every one lists them all (with or without a build), so
     * the last one written tells the API which releases exist without another upstream call. A shared key,
     * written after the script like the summaries; two refreshes finishing out of order can leave the older
     * list for as long as the next versions refresh takes, which only matters the day a release is added.
     */
    private Uni<Void> releases(ConnectorName connector, FetchResult result) {
        if (connector != ConnectorName.VERSIONS || result.status() != FetchResult.Status.OK) {
            return Uni.createFrom().voidItem();
        }
        ArrayNode list = mapper.createArrayNode();
        for (JsonNode r : mapper.valueToTree(result.data()).path("releases")) {
            ObjectNode item = list.addObject();
            for (String field : List.of("release", "longName", "branch", "state")) {
                item.set(field, r.get(field));
            }
        }
        return list.isEmpty() ? Uni.createFrom().voidItem()
                : redis.value(String.class).set(RedisLayout.ACTIVE_RELEASES, list.toString());
    }

    private String notice(String pkg, ConnectorName connector, long version) {
        ObjectNode n = mapper.createObjectNode();
        n.put("package", pkg);
        n.put("connector", connector.id());
        n.put("version", version);
        return n.toString();
    }
}
