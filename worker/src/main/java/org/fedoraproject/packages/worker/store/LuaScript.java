package org.fedoraproject.packages.worker.store;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/** A Lua script run by its SHA, re-sent when Redis has forgotten it (restart, failover, SCRIPT FLUSH). */
public final class LuaScript {
    private final String source;
    private final String sha;

    private LuaScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    public static LuaScript load(String resource) {
        try (var in = LuaScript.class.getResourceAsStream("/lua/" + resource)) {
            return new LuaScript(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("missing Lua script " + resource, e);
        }
    }

    public Uni<Response> run(ReactiveRedisDataSource redis, List<String> keys, List<String> args) {
        return call(redis, "EVALSHA", sha, keys, args)
                .onFailure(t -> String.valueOf(t.getMessage()).startsWith("NOSCRIPT"))
                .recoverWithUni(() -> call(redis, "EVAL", source, keys, args));
    }

    private static Uni<Response> call(ReactiveRedisDataSource redis, String command, String script,
            List<String> keys, List<String> args) {
        List<String> all = new ArrayList<>(2 + keys.size() + args.size());
        all.add(script);
        all.add(Integer.toString(keys.size()));
        all.addAll(keys);
        all.addAll(args);
        return redis.execute(command, all.toArray(String[]::new));
    }

    private static String sha1(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
