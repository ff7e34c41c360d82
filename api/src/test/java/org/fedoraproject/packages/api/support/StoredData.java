package org.fedoraproject.packages.api.support;

import io.quarkus.redis.datasource.RedisDataSource;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.contract.RedisLayout.MetaField;

/**
 * Puts documents into the test Redis database in the worker's layout, so the read API can be tested
 * without a worker. Production code never writes from the API; only tests do this.
 */
public final class StoredData {
    private final RedisDataSource redis;

    public StoredData(RedisDataSource redis) {
        this.redis = redis;
    }

    public void clear() {
        redis.execute("FLUSHDB");
    }

    public void document(String pkg, ConnectorName c, long version, String refreshedAt, String status, String dataJson) {
        String envelope = "{\"package\":\"" + pkg + "\",\"connector\":\"" + c.id() + "\",\"version\":" + version
                + ",\"refreshedAt\":\"" + refreshedAt + "\",\"source\":\"https://mdapi.fedoraproject.org/rawhide/srcpkg/"
                + pkg + "\",\"status\":\"" + status + "\",\"data\":" + dataJson + "}";
        redis.hash(String.class).hset(RedisLayout.document(pkg, c), java.util.Map.of(
                RedisLayout.DOC_VERSION, Long.toString(version), RedisLayout.DOC_BODY, envelope));
        redis.hash(String.class).hset(RedisLayout.meta(pkg), java.util.Map.of(
                MetaField.version(c), Long.toString(version), MetaField.refreshedAt(c), refreshedAt,
                MetaField.status(c), status));
        known(pkg);
    }

    /**
     * A document kept per branch, as the worker's write script leaves it: {@code dataByBranch} in display
     * order (branch → data JSON without the branch fields, which are added), the first also under body.
     */
    public void perBranch(String pkg, ConnectorName c, long version, java.util.LinkedHashMap<String, String> dataByBranch) {
        String branches = "[" + String.join(",", dataByBranch.keySet().stream().map(b -> "\"" + b + "\"").toList()) + "]";
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        fields.put(RedisLayout.DOC_VERSION, Long.toString(version));
        dataByBranch.forEach((branch, data) -> {
            String envelope = "{\"package\":\"" + pkg + "\",\"connector\":\"" + c.id() + "\",\"version\":" + version
                    + ",\"refreshedAt\":\"2026-11-25T10:00:00Z\",\"source\":\"https://mdapi.fedoraproject.org/" + branch
                    + "/srcpkg/" + pkg + "\",\"status\":\"ok\",\"data\":{\"branch\":\"" + branch + "\",\"branches\":" + branches
                    + "," + data.substring(1) + "}";
            fields.put(RedisLayout.branchBody(branch), envelope);
            fields.putIfAbsent(RedisLayout.DOC_BODY, envelope);
        });
        redis.hash(String.class).hset(RedisLayout.document(pkg, c), fields);
        redis.hash(String.class).hset(RedisLayout.meta(pkg), java.util.Map.of(MetaField.version(c), Long.toString(version),
                MetaField.refreshedAt(c), "2026-11-25T10:00:00Z", MetaField.status(c), "ok"));
        known(pkg);
    }

    public void error(String pkg, ConnectorName c, String errorJson) {
        redis.hash(String.class).hset(RedisLayout.meta(pkg), MetaField.error(c), errorJson);
    }

    public void known(String pkg) {
        redis.sortedSet(String.class).zadd(RedisLayout.KNOWN_PACKAGES, 0, pkg);
    }

    public void summary(String pkg, String summary, String version) {
        redis.hash(String.class).hset(RedisLayout.PACKAGE_SUMMARIES, pkg,
                "{\"name\":\"" + pkg + "\",\"summary\":\"" + summary + "\",\"version\":\"" + version + "\"}");
    }

    /** As discovery writes them: a binary → source entry of the index. */
    public void binary(String binary, String source) {
        redis.hash(String.class).hset(RedisLayout.BINARIES, binary, source);
    }

    public void state(String pkg, String stateJson) {
        redis.hash(String.class).hset(RedisLayout.PACKAGE_STATES, pkg, stateJson);
    }

    /** As the worker writes it with a versions document: the active releases, a JSON array. */
    public void releases(String json) {
        redis.value(String.class).set(RedisLayout.ACTIVE_RELEASES, json);
    }

    public void bootstrap(java.util.Map<String, String> fields) {
        redis.hash(String.class).hset(RedisLayout.BOOTSTRAP, fields);
    }

    /** As discovery writes them: one entry of a branch's provides index (value: {@code Provider.encode()}). */
    public void provides(String branch, String name, String binary, String source) {
        redis.hash(String.class).hset(RedisLayout.catalogProvides(branch), name,
                new org.fedoraproject.packages.contract.Provider(binary, source).encode());
    }

    /** The branches provides resolve through, in order. */
    public void resolveOrder(String... branches) {
        redis.value(String.class).set(RedisLayout.CATALOG_BRANCHES, String.join(",", branches));
    }
}
