package org.fedoraproject.packages.api.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fedoraproject.packages.api.refresh.RefreshRequests;
import org.fedoraproject.packages.api.store.PackageReader;
import org.fedoraproject.packages.contract.ConnectorName;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Operators' endpoints, behind the bearer token of {@link AdminToken}. The API still writes nothing:
 * refreshing and bootstrapping are requests on the worker's queue (answered 202), status is read
 * from what the worker keeps in Redis.
 */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityScheme(securitySchemeName = "adminToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "fp.admin.token (FP_ADMIN_TOKEN)")
@SecurityRequirement(name = "adminToken")
@APIResponse(responseCode = "401", description = "No bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Wrong token, or none configured", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminResource {
    private final AdminToken token;
    private final PackageReader reader;
    private final RefreshRequests requests;
    private final ObjectMapper mapper;

    public AdminResource(AdminToken token, PackageReader reader, RefreshRequests requests, ObjectMapper mapper) {
        this.token = token;
        this.reader = reader;
        this.requests = requests;
        this.mapper = mapper;
    }

    @POST
    @Path("/packages/{name}/refresh")
    @Operation(operationId = "adminRefreshPackage", summary = "Ask the worker to refresh a package's documents now",
            description = "Without connector, every document. The worker takes it ahead of bus events; the package's events stream tells when each document is refreshed.")
    @APIResponse(responseCode = "202", description = "Requested: {package, connectors}")
    @APIResponse(responseCode = "400", description = "Invalid name or connector", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown package", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The bus cannot take the request now", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ObjectNode>> refresh(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestPath String name,
            @Parameter(description = "Documents to refresh (repeatable); all when absent") @QueryParam("connector") List<String> connectors) {
        token.check(authorization);
        PackageResource.checkName(name);
        List<ConnectorName> asked = new ArrayList<>();
        for (String c : connectors) {
            asked.add(ConnectorName.fromId(c).orElseThrow(() -> new ProblemException(Response.Status.BAD_REQUEST,
                    "Unknown connector '" + c + "'; one of " + java.util.Arrays.stream(ConnectorName.values()).map(ConnectorName::id).toList())));
        }
        return reader.isKnown(name).map(known -> {
            if (!known) {
                throw ProblemException.unknownPackage(name);
            }
            ObjectNode request = mapper.createObjectNode().put("package", name);
            ArrayNode list = mapper.createArrayNode();
            (asked.isEmpty() ? List.of(ConnectorName.values()) : asked).forEach(c -> list.add(c.id()));
            if (!asked.isEmpty()) {
                request.set("connectors", list);
            }
            send(request.toString());
            return RestResponse.status(Response.Status.ACCEPTED,
                    mapper.createObjectNode().put("package", name).set("connectors", list));
        });
    }

    @POST
    @Path("/bootstrap")
    @Operation(operationId = "adminStartBootstrap", summary = "Start or resume the bootstrap (every known package fetched once)",
            description = "A bootstrap that is running goes on from its cursor; one that is done starts again. Progress: GET /api/v1/admin/status.")
    @APIResponse(responseCode = "202", description = "Requested: {bootstrap: \"requested\"}")
    @APIResponse(responseCode = "503", description = "The bus cannot take the request now", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ObjectNode> bootstrap(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        token.check(authorization);
        send("{\"command\":\"bootstrap\"}");
        return RestResponse.status(Response.Status.ACCEPTED, mapper.createObjectNode().put("bootstrap", "requested"));
    }

    @GET
    @Path("/status")
    @Operation(operationId = "adminStatus", summary = "The bootstrap, the refresh queues, the sweep and the search indexer's backlog")
    @APIResponse(responseCode = "200", description = "{bootstrap:{…}, packages, queues:{upstream:{ready,running}}, sweep:{connector:cursor}, searchPending}")
    public Uni<ObjectNode> status(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        token.check(authorization);
        return Uni.combine().all().unis(reader.catalog(), reader.schedulerDepths(), reader.sweepCursors(), reader.searchPending())
                .asTuple().map(t -> {
                    ObjectNode out = mapper.createObjectNode();
                    out.set("bootstrap", mapper.valueToTree(new java.util.TreeMap<>(t.getItem1().bootstrap())));
                    out.put("packages", t.getItem1().known());
                    out.put("withOverview", t.getItem1().withOverview());
                    out.set("queues", mapper.valueToTree(t.getItem2()));
                    out.set("sweep", mapper.valueToTree(t.getItem3()));
                    out.put("searchPending", t.getItem4());
                    return out;
                });
    }

    private void send(String json) {
        if (!requests.send(json)) {
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "The message bus cannot take the request now", "10");
        }
    }
}
