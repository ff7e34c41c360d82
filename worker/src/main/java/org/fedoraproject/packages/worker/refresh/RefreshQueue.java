package org.fedoraproject.packages.worker.refresh;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.worker.store.LuaScript;

/**
 * The scheduler's durable part: per upstream, the work items waiting, being fetched (under a lease)
 * and asked for again meanwhile, in Redis ({@link RedisLayout#schedulerKeys}). Every change is one
 * Lua script, so a worker killed at any moment leaves each item either waiting or leased, and a lease
 * that runs out puts it back. Shared by all worker replicas: they are competing consumers of it.
 */
@ApplicationScoped
public class RefreshQueue {
    /** What one enqueue did: newly waiting, marked to run once more after a running fetch, already waiting. */
    public record Enqueued(long queued, long again, long coalesced) {
        static final Enqueued NONE = new Enqueued(0, 0, 0);

        Enqueued plus(Enqueued o) {
            return new Enqueued(queued + o.queued, again + o.again, coalesced + o.coalesced);
        }
    }

    /** An item handed to this worker, with the score it waited under (its priority and event time). */
    public record Claim(String upstream, String item, double score) {
        public Priority priority() {
            return Priority.ofScore(score);
        }

        /** When the oldest request this claim answers was made (the bus message's sent-at for events). */
        public long requestedAtMillis() {
            return Priority.timeOfScore(score);
        }
    }

    /** Waiting items per priority, and how many are being fetched, of one upstream. */
    public record Depth(Map<Priority, Long> waiting, long running, long again) {
    }

    private final ReactiveRedisDataSource redis;
    private final LuaScript enqueue = LuaScript.load("queue-enqueue.lua");
    private final LuaScript claim = LuaScript.load("queue-claim.lua");
    private final LuaScript complete = LuaScript.load("queue-complete.lua");
    private final LuaScript renew = LuaScript.load("queue-renew.lua");

    public RefreshQueue(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** Completes once Redis holds the items; coalesces with what is already waiting or running. */
    public Uni<Enqueued> enqueue(String upstream, List<String> items, Priority priority, long requestedAtMillis) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(Enqueued.NONE);
        }
        List<String> args = new ArrayList<>(items.size() + 1);
        args.add(Long.toString(priority.score(requestedAtMillis)));
        args.addAll(items);
        return enqueue.run(redis, RedisLayout.schedulerKeys(upstream), args)
                .map(r -> new Enqueued(r.get(0).toLong(), r.get(1).toLong(), r.get(2).toLong()));
    }

    public Uni<List<Claim>> claim(String upstream, int max, Duration lease, String owner) {
        return claim.run(redis, RedisLayout.schedulerKeys(upstream),
                        List.of(Integer.toString(max), Long.toString(lease.toMillis()), owner))
                .map(r -> {
                    List<Claim> claims = new ArrayList<>(r.size() / 2);
                    for (int i = 0; i + 1 < r.size(); i += 2) {
                        claims.add(new Claim(upstream, r.get(i).toString(), Double.parseDouble(r.get(i + 1).toString())));
                    }
                    return claims;
                });
    }

    /** Ends a claim; {@code requeue} puts the item back (it could not be fetched now). True if it waits again. */
    public Uni<Boolean> complete(Claim claim, String owner, boolean requeue) {
        return complete.run(redis, RedisLayout.schedulerKeys(claim.upstream()),
                        List.of(claim.item(), owner, requeue ? "1" : "0"))
                .map(r -> r.toLong() == 1L);
    }

    public Uni<Void> renew(String upstream, List<String> items, Duration lease, String owner) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> args = new ArrayList<>(items.size() + 2);
        args.add(Long.toString(lease.toMillis()));
        args.add(owner);
        args.addAll(items);
        return renew.run(redis, RedisLayout.schedulerKeys(upstream), args).replaceWithVoid();
    }

    public Uni<Depth> depth(String upstream) {
        List<String> keys = RedisLayout.schedulerKeys(upstream);
        List<Uni<Long>> counts = new ArrayList<>();
        Priority[] all = Priority.values();
        for (Priority p : all) {
            String min = Long.toString(p.score(0));
            String max = p.ordinal() + 1 < all.length ? "(" + all[p.ordinal() + 1].score(0) : "+inf";
            counts.add(redis.execute("ZCOUNT", keys.get(0), min, max).map(Response::toLong));
        }
        counts.add(redis.execute("ZCARD", keys.get(1)).map(Response::toLong));
        counts.add(redis.execute("HLEN", keys.get(3)).map(Response::toLong));
        return Uni.join().all(counts).andFailFast().map(c -> {
            Map<Priority, Long> waiting = new EnumMap<>(Priority.class);
            for (Priority p : Priority.values()) {
                waiting.put(p, c.get(p.ordinal()));
            }
            return new Depth(waiting, c.get(c.size() - 2), c.get(c.size() - 1));
        });
    }
}
