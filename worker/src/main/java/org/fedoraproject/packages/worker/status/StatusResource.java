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

/**
 * The worker's status for operators, on its own port (not exposed to the public like the API): the
 * bootstrap's progress and the scheduler's queues per upstream. POST /status/bootstrap starts a new
 * bootstrap (from the first name; discovery re-reads only repositories that changed).
 */
@Path("/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {
    private final BootstrapProgress progress;
    private final Bootstrap bootstrap;
    private final RefreshScheduler scheduler;

    public StatusResource(BootstrapProgress progress, Bootstrap bootstrap, RefreshScheduler scheduler) {
        this.progress = progress;
        this.bootstrap = bootstrap;
        this.scheduler = scheduler;
    }

    public record Status(BootstrapProgress.Snapshot bootstrap, Map<String, RefreshQueue.Depth> scheduler) {
    }

    @GET
    public Uni<Status> status() {
        return Uni.combine().all().unis(progress.snapshot(), scheduler.depths()).asTuple()
                .map(t -> new Status(t.getItem1(), new LinkedHashMap<>(t.getItem2())));
    }

    @POST
    @Path("/bootstrap")
    public Map<String, Object> startBootstrap() {
        return Map.of("started", bootstrap.start());
    }
}
