package org.fedoraproject.packages.worker.status;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fedoraproject.packages.worker.catalog.Bootstrap;
import org.fedoraproject.packages.worker.catalog.BootstrapProgress;
import org.fedoraproject.packages.worker.refresh.RefreshQueue;
import org.fedoraproject.packages.worker.refresh.RefreshScheduler;
import org.fedoraproject.packages.worker.search.SearchIndexer;
import org.fedoraproject.packages.worker.search.SearchPending;
import org.fedoraproject.packages.worker.search.SearchReindex;
import io.smallrye.common.annotation.Blocking;

/**
 * The worker's status for operators, on its own port (not exposed to the public like the API): the
 * bootstrap's progress and the scheduler's queues per upstream. POST /status/bootstrap starts a new
 * bootstrap (from the first name; discovery re-reads only repositories that changed); POST
 * /status/search/reindex a full re-index of the search engine without downtime.
 */
@Path("/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {
    private final BootstrapProgress progress;
    private final Bootstrap bootstrap;
    private final RefreshScheduler scheduler;
    private final SearchReindex reindex;
    private final SearchPending pending;
    private final SearchIndexer indexer;

    public StatusResource(BootstrapProgress progress, Bootstrap bootstrap, RefreshScheduler scheduler,
            SearchReindex reindex, SearchPending pending, SearchIndexer indexer) {
        this.progress = progress;
        this.bootstrap = bootstrap;
        this.scheduler = scheduler;
        this.reindex = reindex;
        this.pending = pending;
        this.indexer = indexer;
    }

    /** {@code reindex}: the last full re-index ({@code search:reindex}); {@code pending}: documents not yet written. */
    public record Search(boolean engineReachable, long pending, long written, Map<String, String> reindex) {
    }

    public record Status(BootstrapProgress.Snapshot bootstrap, Map<String, RefreshQueue.Depth> scheduler, Search search) {
    }

    @GET
    public Uni<Status> status() {
        return Uni.combine().all().unis(progress.snapshot(), scheduler.depths(), pending.size(), reindex.status()).asTuple()
                .map(t -> new Status(t.getItem1(), new LinkedHashMap<>(t.getItem2()),
                        new Search(indexer.healthy(), t.getItem3(), indexer.written(), t.getItem4())));
    }

    @POST
    @Path("/search/reindex")
    @Blocking
    public Map<String, Object> startReindex() {
        return Map.of("started", reindex.start());
    }

    @POST
    @Path("/bootstrap")
    public Map<String, Object> startBootstrap() {
        return Map.of("started", bootstrap.start());
    }
}
