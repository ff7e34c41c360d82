package org.fedoraproject.packages.api.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private final ObjectMapper mapper;

    public StatusResource(PackageReader reader, ObjectMapper mapper) {
        this.reader = reader;
        this.mapper = mapper;
    }

    @GET
    @Operation(operationId = "status", summary = "Known packages and the bootstrap's progress",
            description = "bootstrap.state is none (never ran), running or done; done counts known packages with an overview.")
    public Uni<ObjectNode> status() {
        return reader.catalog().map(c -> {
            ObjectNode out = mapper.createObjectNode();
            out.put("packages", c.known());
            ObjectNode b = out.putObject("bootstrap");
            b.put("state", c.bootstrap().getOrDefault("state", "none"));
            b.put("done", c.withOverview());
            b.put("total", c.known());
            b.put("startedAt", c.bootstrap().get("startedAt"));
            b.put("finishedAt", c.bootstrap().get("finishedAt"));
            b.put("discoveredAt", c.bootstrap().get("discoveredAt"));
            return out;
        });
    }
}
