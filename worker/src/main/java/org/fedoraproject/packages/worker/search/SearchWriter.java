package org.fedoraproject.packages.worker.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fedoraproject.packages.contract.search.PackageDocument;
import org.fedoraproject.packages.contract.search.PackageDocument.Fields;
import org.fedoraproject.packages.contract.search.SearchChange;
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
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public SearchWriter(SearchMapping mapping, io.quarkus.redis.datasource.ReactiveRedisDataSource redis,
            org.fedoraproject.packages.worker.WorkerConfig config, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.json = json;
        this.mapping = mapping;
        this.redis = redis;
        this.channel = org.fedoraproject.packages.contract.RedisLayout.searchedChannel(config.instance());
    }

    /** Tells the API instances that any search answer may have changed (they drop their whole cache of them). */
    public void announce() {
        announce(SearchChange.everything());
    }

    /** Tells the API instances what changed: they drop the cached answers it could affect. */
    void announce(SearchChange change) {
        String notice;
        try {
            notice = json.writeValueAsString(java.util.Map.of("search", "updated", "change", change));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        redis.pubsub(String.class).publish(channel, notice).await().atMost(java.time.Duration.ofSeconds(5));
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
        // what the engine held before, read only when the change will be described (an event's few packages)
        SearchChange change = SearchChange.everything();
        if (refresh && SearchChanges.describable(documents.size() + removed.size())) {
            change = SearchChanges.of(current(documents, removed), documents, removed);
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
            announce(change); // searchable now: the answers it touched are stale
        }
    }

    /** The documents of these packages as the engine holds them now (by the read alias). */
    @SuppressWarnings("unchecked")
    private Map<String, PackageDocument> current(List<PackageDocument> documents, List<String> removed) {
        List<String> names = new ArrayList<>(removed);
        documents.forEach(d -> names.add(d.name));
        Map<String, PackageDocument> out = new HashMap<>();
        try (SearchSession session = mapping.createSession()) {
            List<List<?>> rows = session.search(PackageDocument.class)
                    .select(f -> f.composite().from(f.field(Fields.NAME, String.class), f.field(Fields.BINARIES, String.class).list(),
                            f.field(Fields.PROVIDES, String.class).list(), f.field(Fields.SUMMARY, String.class),
                            f.field(Fields.DESCRIPTION, String.class), f.field(Fields.MAINTAINERS, String.class).list(),
                            f.field(Fields.BRANCHES, String.class).list(), f.field(Fields.RETIRED, Boolean.class)).asList())
                    .where(f -> f.id().matchingAny(names))
                    .fetchHits(names.size());
            for (List<?> row : rows) {
                PackageDocument d = new PackageDocument();
                d.name = (String) row.get(0);
                d.binaries = (List<String>) row.get(1);
                d.provides = (List<String>) row.get(2);
                d.summary = (String) row.get(3);
                d.description = (String) row.get(4);
                d.maintainers = (List<String>) row.get(5);
                d.branches = (List<String>) row.get(6);
                d.retired = Boolean.TRUE.equals(row.get(7));
                out.put(d.name, d);
            }
        }
        return out;
    }
}
