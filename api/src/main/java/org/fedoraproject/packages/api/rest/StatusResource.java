package org.fedoraproject.packages.api.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fedoraproject.packages.api.store.PackageReader;

/** How complete the product is: known packages and the bootstrap's progress (the SPA's "Indexing…" line). */
@Path("/api/v1/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "status")
public class StatusResource {
    private final PackageReader reader;

    public StatusResource(PackageReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(operationId = "status", summary = "Known packages and the bootstrap's progress",
            description = "bootstrap.state is none (never ran), running or done; done counts known packages with an overview.")
    public Uni<ApiShapes.Status> status() {
        return reader.catalog().map(c -> new ApiShapes.Status(c.known(), new ApiShapes.Bootstrap(
                c.bootstrap().getOrDefault("state", "none"), c.withOverview(), c.known(),
                c.bootstrap().get("startedAt"), c.bootstrap().get("finishedAt"), c.bootstrap().get("discoveredAt"))));
    }
}
