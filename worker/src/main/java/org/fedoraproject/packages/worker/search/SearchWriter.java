package org.fedoraproject.packages.worker.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.fedoraproject.packages.contract.search.PackageDocument;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;

/**
 * Writes search documents through Hibernate Search (to the write alias). Blocking: call it on a worker
 * thread, never on the event loop. A failure throws; the caller keeps the names pending.
 */
@ApplicationScoped
public class SearchWriter {
    private final SearchMapping mapping;
    private final io.quarkus.redis.datasource.ReactiveRedisDataSource redis;
    private final String channel;

    public SearchWriter(SearchMapping mapping, io.quarkus.redis.datasource.ReactiveRedisDataSource redis,
            org.fedoraproject.packages.worker.WorkerConfig config) {
        this.mapping = mapping;
        this.redis = redis;
        this.channel = org.fedoraproject.packages.contract.RedisLayout.searchedChannel(config.instance());
    }

    /** Tells the API instances that search answers may have changed (they drop their cache of them). */
    public void announce() {
        redis.pubsub(String.class).publish(channel, "{\"search\":\"updated\"}").await().atMost(java.time.Duration.ofSeconds(5));
    }

    /**
     * Adds or replaces {@code documents} and deletes {@code removed}, in one bulk request. With
     * {@code refresh}, returns once they are searchable (the engine refreshed) and announces the change;
     * else once they are stored (the re-index, which refreshes and announces once at the end).
     */
    public void write(List<PackageDocument> documents, List<String> removed, boolean refresh) {
        if (documents.isEmpty() && removed.isEmpty()) {
            return;
        }
        try (SearchSession session = mapping.createSessionWithOptions()
                .indexingPlanSynchronizationStrategy(refresh ? IndexingPlanSynchronizationStrategy.readSync()
                        : IndexingPlanSynchronizationStrategy.writeSync())
                .build()) {
            for (PackageDocument d : documents) {
                session.indexingPlan().addOrUpdate(d);
            }
            for (String name : removed) {
                session.indexingPlan().purge(PackageDocument.class, name, null);
            }
        }
        if (refresh) {
            announce(); // searchable now: cached answers are stale
        }
    }
}
