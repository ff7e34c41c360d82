package org.fedoraproject.packages.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fedoraproject.packages.api.refresh.ColdPages;
import org.fedoraproject.packages.api.store.PackageReader;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.PackageNames;
import org.fedoraproject.packages.contract.RedisLayout.MetaField;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Packages and their documents, read from what the worker stored. */
@Path("/api/v1/packages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "packages")
public class PackageResource {
    static final int MAX_PAGE = 1000;
    /** Seconds a client should wait before asking again for a document that is being fetched. */
    static final String RETRY_AFTER_SECONDS = "2";

    private final PackageReader reader;
    private final ColdPages coldPages;
    private final ObjectMapper mapper;

    private final EventStreams streams;
    private final PackageDocuments documents;

    public PackageResource(PackageReader reader, ColdPages coldPages, ObjectMapper mapper, EventStreams streams,
            PackageDocuments documents) {
        this.reader = reader;
        this.documents = documents;
        this.streams = streams;
        this.coldPages = coldPages;
        this.mapper = mapper;
    }

    @GET
    @Operation(operationId = "listPackages", summary = "The known packages, sorted by name", description = "Each item has name, summary and version (version-release on its newest branch).")
    @APIResponse(responseCode = "200", description = "One page of packages",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PackageList")))
    @APIResponse(responseCode = "400", description = "Bad paging parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ObjectNode> list(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @QueryParam("offset") @DefaultValue("0") String offsetText,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000")) @QueryParam("limit") @DefaultValue("100") String limitText,
            @Parameter(description = "Only these packages, comma-separated (at most 100): a tool's many packages in one request; "
                    + "unknown names are listed in 'unknown'") @QueryParam("names") String namesText,
            @Parameter(description = "With names only: each item also has 'documents', as GET /api/v1/packages/{name}?include= "
                    + "gives them (all, or a comma-separated list of connector ids); at most " + MAX_DOCUMENTS
                    + " documents per request (names × connectors)",
                    schema = @Schema(type = SchemaType.STRING, pattern = Includes.PATTERN))
            @QueryParam("include") String include) {
        long offset = QueryParams.number("offset", offsetText, 0, Long.MAX_VALUE);
        int limit = (int) QueryParams.number("limit", limitText, 1, MAX_PAGE);
        if (include != null && namesText == null) {
            throw QueryParams.bad("include applies to ?names= only: the whole list is too large to embed documents in");
        }
        if (namesText != null) {
            return named(namesText, include == null ? List.of() : Includes.parse(include));
        }
        return reader.list(offset, limit).map(page -> {
            ObjectNode out = mapper.createObjectNode();
            out.put("total", page.total());
            out.put("offset", offset);
            out.put("limit", limit);
            ArrayNode items = out.putArray("items");
            for (int i = 0; i < page.names().size(); i++) {
                items.add(summary(page.names().get(i), page.summaries().get(i)));
            }
            return out;
        });
    }

    @GET
    @Path("/{name}")
    @Operation(operationId = "getPackage", summary = "A package: every connector's status, version, refresh time and last error")
    @APIResponse(responseCode = "200", description = "The package's metadata. With include: also 'documents', an object "
            + "keyed by connector id whose values are the stored envelopes (schema Envelope), exactly as "
            + "GET /api/v1/packages/{name}/{connector} answers them (the default branch for dependencies, files and "
            + "changelog); a connector with no stored document is absent from it (its metadata status says 'missing'), "
            + "and none is fetched for this request. ETag: from the metadata and the included documents' versions.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PackageMetadata")))
    @APIResponse(responseCode = "304", description = "With include: unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Invalid name or include value", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown package", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "308", description = "A binary (sub-)package: Location is its source package's (with the same include)")
    public Uni<RestResponse<ObjectNode>> get(@RestPath String name,
            @Parameter(description = "Documents to embed under 'documents': all, or a comma-separated list of connector ids "
                    + "(overview, versions, builds, …): a whole package in one request",
                    schema = @Schema(type = SchemaType.STRING, pattern = Includes.PATTERN))
            @QueryParam("include") String include,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        checkName(name);
        List<ConnectorName> included = include == null ? List.of() : Includes.parse(include);
        return reader.isKnown(name).flatMap(known -> {
            if (!known) {
                return toSource(name, include == null ? "" : "?include=" + Includes.query(included));
            }
            Uni<List<Map<ConnectorName, PackageReader.StoredDocument>>> docs = included.isEmpty()
                    ? Uni.createFrom().item(List.of(Map.of())) : reader.documents(List.of(name), included);
            return Uni.combine().all().unis(reader.meta(name), reader.state(name), docs).asTuple().map(t -> {
                ObjectNode out = metadata(name, t.getItem1(), t.getItem2());
                if (include == null) {
                    return RestResponse.ok(out);
                }
                Map<ConnectorName, PackageReader.StoredDocument> found = t.getItem3().get(0);
                return EntityTags.respond(withDocumentsTag(out, found), ifNoneMatch, () -> withDocuments(out, found));
            });
        });
    }

    /**
     * The tag of metadata with documents, from the metadata and the documents' versions: each version stands for
     * its whole document, so a large page is tagged without hashing its documents.
     */
    private static String withDocumentsTag(ObjectNode metadata, Map<ConnectorName, PackageReader.StoredDocument> found) {
        StringBuilder versions = new StringBuilder(metadata.toString());
        found.forEach((c, doc) -> versions.append('\n').append(c.id()).append(':').append(doc.version()));
        return EntityTags.of(versions.toString());
    }

    /** The stored envelopes are embedded as they are (raw JSON): no parsing, the same bytes as their own endpoint. */
    private static ObjectNode withDocuments(ObjectNode into, Map<ConnectorName, PackageReader.StoredDocument> found) {
        ObjectNode documents = into.putObject("documents");
        found.forEach((c, doc) -> documents.putRawValue(c.id(), new RawValue(doc.json())));
        return into;
    }

    private <T> Uni<RestResponse<T>> toSource(String name, String rest) {
        return documents.toSource(name, rest);
    }

    @GET
    @Path("/{name}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @io.smallrye.common.annotation.Blocking
    @Operation(operationId = "packageEvents", summary = "Server-sent events: one per refresh of any of the package's documents",
            description = "Data {package, connector, version, refreshedAt, status}; heartbeat comments every 15 s. With "
                    + "Last-Event-ID, first every document refreshed after that event (from the package's metadata).")
    @APIResponse(responseCode = "200", description = "An event stream (text/event-stream)")
    @APIResponse(responseCode = "404", description = "Unknown package", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "This instance holds its maximum of open streams; retry later")
    public io.smallrye.mutiny.Multi<jakarta.ws.rs.sse.OutboundSseEvent> events(@RestPath String name,
            @HeaderParam("Last-Event-ID") String lastEventId, @jakarta.ws.rs.core.Context jakarta.ws.rs.sse.Sse sse) {
        checkName(name);
        boolean known;
        try {
            known = reader.isKnown(name).await().atMost(java.time.Duration.ofSeconds(5));
        } catch (io.smallrye.mutiny.TimeoutException e) {
            // a burst of opening streams queues these checks: a clear, retryable answer rather than a 500
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "Too many streams are opening at once; retry",
                    RETRY_AFTER_SECONDS);
        }
        if (!known) {
            throw ProblemException.unknownPackage(name);
        }
        return streams.forPackage(name, lastEventId, sse);
    }

    @GET
    @Path("/{name}/{connector}")
    @Operation(operationId = "getDocument", summary = "One document of a package, as stored by the worker",
            description = "The envelope {package, connector, version, refreshedAt, source, status, data}; "
                    + "status 'absent' means the upstream has no such package. ETag is the version.")
    @APIResponse(responseCode = "200", description = "The document; data is one of the *Document schemas, by connector",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Envelope")))
    @APIResponse(responseCode = "202", description = "Known package whose document nobody fetched yet: the worker was asked and did not answer within fp.cold-page.wait; retry after Retry-After seconds")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "308", description = "A binary (sub-)package: Location is its source package's document")
    @APIResponse(responseCode = "400", description = "Invalid name", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown package or connector, or a branch the package is not on", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<String>> document(@RestPath String name, @RestPath String connector,
            @Parameter(description = "dependencies, files and changelog only: the branch (rawhide, f43, epel10, …; "
                    + "data.branches lists the package's). Default: the newest branch that has the package.",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z][a-z0-9.]{0,31}$"))
            @QueryParam("branch") String branch,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        checkName(name);
        ConnectorName c = ConnectorName.fromId(connector).orElseThrow(() -> new ProblemException(
                Response.Status.NOT_FOUND, "No connector named '" + connector + "'; known: " + connectorIds()));
        if (branch != null) {
            checkBranch(c, branch);
            return reader.document(name, c, branch).flatMap(found -> found.isPresent()
                    ? Uni.createFrom().item(documentResponse(found.get(), branch, ifNoneMatch))
                    : defaultDocument(name, c, "?branch=" + branch, null).map(fallback -> onOtherBranch(name, c, branch, fallback)));
        }
        return defaultDocument(name, c, "", ifNoneMatch);
    }

    /** The default document (filled on a cold page), or the source package's Location for a binary name. */
    private Uni<RestResponse<String>> defaultDocument(String name, ConnectorName c, String query, String ifNoneMatch) {
        return reader.document(name, c).flatMap(found -> {
            if (found.isPresent()) {
                return Uni.createFrom().item(documentResponse(found.get(), null, ifNoneMatch));
            }
            return reader.isKnown(name).flatMap(known -> {
                if (!known) {
                    return PackageResource.this.<String>toSource(name, "/" + c.id() + query);
                }
                return coldPages.fill(name, c).map(filled -> filled
                        .map(doc -> documentResponse(doc, null, ifNoneMatch))
                        .orElseGet(PackageResource::pending));
            });
        });
    }

    /**
     * A branch with no document of its own: the default answer when that is no document (a redirect, a
     * pending fill); the default document itself when it is that branch (written before documents were kept
     * per branch); else 404 naming the branches there are.
     */
    private RestResponse<String> onOtherBranch(String name, ConnectorName c, String branch, RestResponse<String> fallback) {
        if (fallback.getStatus() != 200) {
            return fallback;
        }
        JsonNode root = json(fallback.getEntity());
        JsonNode data = root == null ? null : root.path("data");
        if (data != null && branch.equals(data.path("branch").asText(null)) && !data.has("branches")) {
            return fallback;
        }
        List<String> branches = new java.util.ArrayList<>();
        if (data != null) {
            data.path("branches").forEach(b -> branches.add(b.asText()));
        }
        throw new ProblemException(Response.Status.NOT_FOUND, "'" + name + "' has no " + c.id() + " on branch '" + branch
                + "'; " + (branches.isEmpty() ? "it has them on no branch" : "branches: " + String.join(", ", branches)));
    }

    private static void checkBranch(ConnectorName c, String branch) {
        if (!c.keptPerBranch()) {
            throw QueryParams.bad("branch applies to dependencies, files and changelog only; " + c.id() + " is one document for all branches");
        }
        if (!ConnectorName.isBranchName(branch)) {
            throw QueryParams.bad("branch must be a branch name such as rawhide, f43 or epel10 (lower-case letters, digits and dots)");
        }
    }

    static final int MAX_NAMES = 100;

    /** Documents one ?names=…&include=… answer may embed: bounds what a single request makes the API read and send. */
    static final int MAX_DOCUMENTS = 200;

    private Uni<ObjectNode> named(String namesText, List<ConnectorName> included) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (String n : namesText.split(",")) {
            String name = n.strip();
            if (!name.isEmpty()) {
                checkName(name);
                names.add(name);
            }
        }
        if (names.isEmpty() || names.size() > MAX_NAMES) {
            throw QueryParams.bad("names must list 1 to " + MAX_NAMES + " package names, comma-separated");
        }
        if (names.size() * included.size() > MAX_DOCUMENTS) {
            throw QueryParams.bad("names × include asks for " + names.size() * included.size() + " documents; at most "
                    + MAX_DOCUMENTS + " per request");
        }
        List<String> asked = List.copyOf(names);
        return reader.named(asked).flatMap(page -> (included.isEmpty() ? Uni.createFrom().item(List.<Map<ConnectorName,
                PackageReader.StoredDocument>>of()) : reader.documents(page.names(), included)).map(docs -> {
            ObjectNode out = mapper.createObjectNode();
            out.put("total", page.total());
            ArrayNode items = out.putArray("items");
            for (int i = 0; i < page.names().size(); i++) {
                ObjectNode item = summary(page.names().get(i), page.summaries().get(i));
                items.add(docs.isEmpty() ? item : withDocuments(item, docs.get(i)));
            }
            ArrayNode unknown = out.putArray("unknown");
            asked.stream().filter(n -> !page.names().contains(n)).forEach(unknown::add);
            return out;
        }));
    }

    private static RestResponse<String> pending() {
        return RestResponse.ResponseBuilder.<String>create(Response.Status.ACCEPTED, "{\"status\":\"pending\"}")
                .header("Retry-After", RETRY_AFTER_SECONDS).type(MediaType.APPLICATION_JSON).build();
    }

    /** {@code branch}: the one asked for, null for the default document (one version, another representation). */
    private static RestResponse<String> documentResponse(PackageReader.StoredDocument doc, String branch, String ifNoneMatch) {
        String etag = "\"" + doc.version() + (branch == null ? "" : "@" + branch) + "\"";
        return EntityTags.respond(etag, ifNoneMatch, doc::json);
    }

    static void checkName(String name) {
        if (!PackageNames.isValid(name)) {
            throw ProblemException.badName(name);
        }
    }

    private ObjectNode summary(String name, String stored) {
        ObjectNode item = mapper.createObjectNode();
        item.put("name", name);
        item.putNull("summary");
        item.putNull("version");
        if (stored != null) {
            try {
                JsonNode s = mapper.readTree(stored);
                item.set("summary", s.get("summary"));
                item.set("version", s.get("version"));
            } catch (java.io.IOException e) {
                // a damaged summary must not hide the package from the list
            }
        }
        return item;
    }

    private ObjectNode metadata(String name, Map<String, String> meta, java.util.Optional<String> state) {
        ObjectNode out = mapper.createObjectNode();
        out.put("name", name);
        // where it ships and whether it was retired (known from the repositories; absent before the first discovery)
        JsonNode s = state.map(this::json).orElse(null);
        out.set("branches", s != null && s.has("branches") ? s.get("branches") : mapper.createArrayNode());
        out.put("retired", s != null && s.path("retired").asBoolean(false));
        ObjectNode connectors = out.putObject("connectors");
        for (ConnectorName c : ConnectorName.values()) {
            ObjectNode entry = connectors.putObject(c.id());
            String status = meta.get(MetaField.status(c));
            entry.put("status", status == null ? "missing" : status);
            String version = meta.get(MetaField.version(c));
            if (version == null) {
                entry.putNull("version");
            } else {
                entry.put("version", Long.parseLong(version));
            }
            entry.put("refreshedAt", meta.get(MetaField.refreshedAt(c)));
            String error = meta.get(MetaField.error(c));
            if (error == null) {
                entry.putNull("error");
            } else {
                try {
                    entry.set("error", mapper.readTree(error));
                } catch (java.io.IOException e) {
                    entry.put("error", error);
                }
            }
        }
        return out;
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String connectorIds() {
        return String.join(", ", Includes.ids());
    }
}
