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

    public SearchWriter(SearchMapping mapping) {
        this.mapping = mapping;
    }

    /**
     * Adds or replaces {@code documents} and deletes {@code removed}, in one bulk request. With
     * {@code refresh}, returns once they are searchable (the engine refreshed); else once they are stored.
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
    }
}
