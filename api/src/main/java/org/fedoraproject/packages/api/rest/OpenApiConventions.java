package org.fedoraproject.packages.api.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.PackageNames;

/**
 * What holds for every operation, written into the OpenAPI document in one place rather than on each
 * resource method: every GET but the event streams answers with an ETag and Cache-Control and honours
 * If-None-Match with 304 (EntityTags, CachingHeaders); every 202 and 503 says when to retry
 * (Retry-After); a {name} is a package name (PackageNames) and a {connector} one of ConnectorName.
 * A resource's own description of the same thing wins: only what is missing is added.
 */
public class OpenApiConventions implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                Operation operation = op.getValue();
                describePathParameters(operation);
                APIResponses responses = operation.getResponses();
                if (responses == null || responses.getAPIResponses() == null) {
                    continue;
                }
                boolean get = op.getKey() == PathItem.HttpMethod.GET;
                if (get && !isEventStream(path.getKey(), responses)) {
                    conditional(operation, responses);
                }
                if (path.getKey().startsWith("/api/") && !responses.hasAPIResponse("503")) {
                    responses.addAPIResponse("503", OASFactory.createAPIResponse()
                            .description("A store or engine the answer comes from does not answer (StoreOutage); retry after Retry-After seconds")
                            .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")))));
                }
                responses.getAPIResponses().forEach((code, response) -> {
                    // a GET's 202 is "being fetched, come back" (an admin POST's 202 is a done request)
                    if ("503".equals(code) || get && "202".equals(code)) {
                        addHeader(response, "Retry-After", "Seconds to wait before asking again", integer());
                    }
                    if (get && "202".equals(code) && response.getContent() == null) {
                        response.setContent(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(pendingBody())));
                    }
                });
            }
        }
    }

    private static boolean isEventStream(String path, APIResponses responses) {
        APIResponse ok = responses.getAPIResponse("200");
        return path.endsWith("/events")
                || ok != null && ok.getContent() != null && ok.getContent().hasMediaType("text/event-stream");
    }

    /** ETag and Cache-Control on 200, If-None-Match and its 304. */
    private static void conditional(Operation operation, APIResponses responses) {
        APIResponse ok = responses.getAPIResponse("200");
        if (ok != null) {
            addHeader(ok, "ETag", "Entity tag of this representation; send it back in If-None-Match", string());
            addHeader(ok, "Cache-Control", "no-cache: the data changes on events, so a kept copy is revalidated before use", string());
        }
        if (!responses.hasAPIResponse("304")) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse().description("Unchanged since the ETag in If-None-Match"));
        }
        addHeader(responses.getAPIResponse("304"), "ETag", "The current entity tag", string());
        List<Parameter> params = operation.getParameters();
        boolean asked = params != null && params.stream().anyMatch(p -> "If-None-Match".equalsIgnoreCase(p.getName()));
        if (!asked) {
            operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                    .description("Entity tags (or *) of copies the client has; weak comparison (RFC 9110 §13.1.2)")
                    .schema(string()));
        }
    }

    private static void describePathParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter p : operation.getParameters()) {
            if (p.getIn() != Parameter.In.PATH || p.getSchema() == null) {
                continue;
            }
            if ("name".equals(p.getName()) && p.getSchema().getPattern() == null) {
                p.getSchema().pattern("^" + PackageNames.REGEX + "$").maxLength(200);
                if (p.getDescription() == null) {
                    p.description("A source package's name; a binary (sub-)package's name answers 308 to its source package");
                }
            } else if ("connector".equals(p.getName()) && p.getSchema().getEnumeration() == null) {
                p.getSchema().enumeration(Arrays.stream(ConnectorName.values()).map(c -> (Object) c.id()).toList());
            }
        }
    }

    private static void addHeader(APIResponse response, String name, String description, Schema schema) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            Header header = OASFactory.createHeader().description(description).schema(schema);
            response.addHeader(name, header);
        }
    }

    private static Schema pendingBody() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).addRequired("status")
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).enumeration(List.of("pending")));
    }

    private static Schema string() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
    }

    private static Schema integer() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).minimum(java.math.BigDecimal.ZERO);
    }
}
