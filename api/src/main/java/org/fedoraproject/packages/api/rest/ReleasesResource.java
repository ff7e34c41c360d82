package org.fedoraproject.packages.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fedoraproject.packages.api.store.PackageReader;

/**
 * The active releases the versions matrix shows (Bodhi's active Fedora and EPEL releases, as the worker
 * selects them), from the list the worker stores with every versions document: what a tool needs to ask
 * for a badge or to lay out its own matrix without knowing Fedora's release calendar.
 */
@Path("/api/v1/releases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "releases")
public class ReleasesResource {
    private final PackageReader reader;
    private final ObjectMapper mapper;

    public ReleasesResource(PackageReader reader, ObjectMapper mapper) {
        this.reader = reader;
        this.mapper = mapper;
    }

    @GET
    @Operation(operationId = "releases", summary = "The active Fedora and EPEL releases: Rawhide, Fedora newest first, EPEL newest first",
            description = "name is the branch (what the versions document and the badges use); kind rawhide, fedora or epel; "
                    + "number the major version. Empty until the worker has written its first versions document.")
    @APIResponse(responseCode = "200", description = "The releases", headers = @Header(name = "ETag", description = "Digest of the body"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReleaseList")))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    public Uni<ObjectNode> releases() {
        return reader.activeReleases().map(stored -> {
            List<Row> rows = new ArrayList<>();
            stored.map(this::json).ifPresent(list -> list.forEach(r -> rows.add(
                    new Row(ReleaseNames.of(r.path("release").asText(null), r.path("branch").asText(null)), r))));
            rows.sort(Comparator.comparing(Row::names, ReleaseNames.DISPLAY_ORDER));
            ObjectNode out = mapper.createObjectNode();
            ArrayNode items = out.putArray("items");
            for (Row row : rows) {
                ReleaseNames.Release r = row.names();
                ObjectNode item = items.addObject();
                item.put("name", r.branch());
                item.put("release", r.release());
                item.set("longName", row.stored().get("longName"));
                item.put("kind", r.kind().id());
                if (r.version() == null) {
                    item.putNull("number");
                } else {
                    item.put("number", r.major());
                }
                item.put("version", r.version());
                item.set("state", row.stored().get("state"));
            }
            return out;
        });
    }

    /** A stored release and what its names say. */
    private record Row(ReleaseNames.Release names, JsonNode stored) {
    }

    private JsonNode json(String text) {
        try {
            JsonNode list = mapper.readTree(text);
            return list.isArray() ? list : mapper.createArrayNode();
        } catch (IOException e) {
            return mapper.createArrayNode(); // a damaged list reads as none: the worker writes it again with the next versions document
        }
    }
}
