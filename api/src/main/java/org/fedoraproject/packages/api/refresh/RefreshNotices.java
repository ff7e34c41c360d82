package org.fedoraproject.packages.api.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.jboss.logging.Logger;

/**
 * The worker's "refreshed" notices, from one Redis subscription per API instance, handed to whoever
 * waits for a given package × connector. Redis does not restore a subscription after it restarts, so
 * an ended or failed subscription is made again after a pause.
 */
@ApplicationScoped
public class RefreshNotices {
    private static final Logger LOG = Logger.getLogger(RefreshNotices.class);
    private static final Duration RESUBSCRIBE_AFTER = Duration.ofSeconds(2);

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper mapper;
    private final Map<String, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();
    private volatile boolean running;

    private final String channel;

    private final org.fedoraproject.packages.api.store.NearCache near;
    private final LiveEvents events;
    private final org.fedoraproject.packages.api.search.SearchCache searchCache;
    private final String searchedChannel;

    public RefreshNotices(ReactiveRedisDataSource redis, ObjectMapper mapper,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "fp.instance") String instance,
            org.fedoraproject.packages.api.store.NearCache near, LiveEvents events,
            org.fedoraproject.packages.api.search.SearchCache searchCache) {
        this.redis = redis;
        this.near = near;
        this.events = events;
        this.searchCache = searchCache;
        this.searchedChannel = RedisLayout.searchedChannel(instance);
        this.mapper = mapper;
        this.channel = RedisLayout.refreshedChannel(instance);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        subscribe();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    /**
     * Completes when a notice for this entry arrives, or with {@code false} after {@code timeout}.
     * Registration happens at the call, not at subscription, so a notice that arrives between the call
     * and the subscriber is not missed.
     */
    public Uni<Boolean> await(String pkg, ConnectorName connector, Duration timeout) {
        String key = key(pkg, connector.id());
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiting.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(done);
        return Uni.createFrom().completionStage(done).replaceWith(true)
                .ifNoItem().after(timeout).recoverWithItem(false)
                .eventually(() -> forget(key, done));
    }

    private void subscribe() {
        if (!running) {
            return;
        }
        redis.pubsub(String.class)
                .subscribe(java.util.List.of(channel, searchedChannel), this::onNotice, this::resubscribeLater,
                        failure -> {
                            LOG.warnf("refreshed-notice subscription failed: %s", failure.toString());
                            resubscribeLater();
                        })
                .subscribe().with(subscriber -> {
                    // notices published while there was no subscription are lost: nothing cached may be trusted
                    near.online();
                    searchCache.online();
                    LOG.debug("subscribed to refreshed notices");
                }, failure -> {
                    LOG.warnf("cannot subscribe to refreshed notices yet: %s", failure.toString());
                    resubscribeLater();
                });
    }

    private void resubscribeLater() {
        near.offline();
        searchCache.offline();
        if (running) {
            Uni.createFrom().voidItem().onItem().delayIt().by(RESUBSCRIBE_AFTER)
                    .subscribe().with(v -> subscribe());
        }
    }

    private void onNotice(String notice) {
        try {
            JsonNode n = mapper.readTree(notice);
            if (n.has("search")) { // searched:<instance>: the search index changed
                searchCache.indexChanged(searchChange(n.get("change")));
                return;
            }
            ConnectorName.fromId(n.path("connector").asText()).ifPresent(c -> {
                near.changed(RedisLayout.document(n.path("package").asText(), c), n.path("version").asLong(Long.MAX_VALUE));
                events.notice(n.path("package").asText(), c, n.path("version").asLong());
            });
            Set<CompletableFuture<Void>> waiters = waiting.remove(key(n.path("package").asText(), n.path("connector").asText()));
            if (waiters != null) {
                waiters.forEach(w -> w.complete(null));
            }
        } catch (java.io.IOException e) {
            LOG.debugf("ignoring a malformed notice: %s", notice);
        }
    }

    /** What a search notice says changed; everything when it does not say (or says it unreadably). */
    private org.fedoraproject.packages.contract.search.SearchChange searchChange(JsonNode change) {
        if (change != null && change.isObject()) {
            try {
                return mapper.treeToValue(change, org.fedoraproject.packages.contract.search.SearchChange.class);
            } catch (java.io.IOException | IllegalArgumentException e) {
                LOG.debugf("unreadable search change, every cached answer dropped: %s", e.getMessage());
            }
        }
        return org.fedoraproject.packages.contract.search.SearchChange.everything();
    }

    private void forget(String key, CompletableFuture<Void> done) {
        waiting.computeIfPresent(key, (k, set) -> {
            set.remove(done);
            return set.isEmpty() ? null : set;
        });
    }

    private static String key(String pkg, String connector) {
        return pkg + "\u0000" + connector;
    }
}
