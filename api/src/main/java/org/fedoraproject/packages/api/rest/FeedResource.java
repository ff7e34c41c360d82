package org.fedoraproject.packages.api.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fedoraproject.packages.contract.ConnectorName;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A package's Atom feed: its Koji builds and Bodhi updates, so that people follow a package in a feed
 * reader. A literal path of its own beside {@code /{name}/{connector}}: JAX-RS prefers the template with
 * more literal characters, so {@code feed.atom} is never taken for a connector's name.
 */
@Path("/api/v1/packages/{name}/feed.atom")
@Tag(name = "packages")
public class FeedResource {
    static final String ATOM = "application/atom+xml";
    private static final List<ConnectorName> FROM = List.of(ConnectorName.BUILDS, ConnectorName.UPDATES);

    private final PackageDocuments documents;
    private final int maxEntries;
    private final String tagAuthority;

    public FeedResource(PackageDocuments documents,
            @ConfigProperty(name = "fp.feed.max-entries") int maxEntries,
            @ConfigProperty(name = "fp.feed.tag-authority") String tagAuthority) {
        this.documents = documents;
        this.maxEntries = maxEntries;
        this.tagAuthority = tagAuthority;
    }

    @GET
    @Produces(ATOM)
    @Operation(operationId = "packageFeed", summary = "Atom feed of the package's Koji builds and Bodhi updates, newest first",
            description = "At most fp.feed.max-entries (50) entries, each with a stable tag: id, the build's or update's "
                    + "page upstream as link, and updated = the build's completion or the update's latest change. ETag: the "
                    + "versions of the builds and updates documents (If-None-Match → 304).")
    @APIResponse(responseCode = "200", description = "The feed",
            headers = @Header(name = "ETag", description = "From the versions of the builds and updates documents"),
            content = @Content(mediaType = ATOM))
    @APIResponse(responseCode = "202", description = "Known package of which neither document was fetched yet: the worker was asked; retry after Retry-After seconds")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "308", description = "A binary (sub-)package: Location is its source package's feed")
    @APIResponse(responseCode = "400", description = "Invalid name", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown package", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<String>> feed(@RestPath String name, @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context UriInfo uri) {
        return documents.answer(name, "/feed.atom", FROM, found -> {
            if (!found.any()) {
                return RestResponse.ResponseBuilder.<String>create(Response.Status.ACCEPTED, "{\"status\":\"pending\"}")
                        .header("Retry-After", PackageResource.RETRY_AFTER_SECONDS).type(MediaType.APPLICATION_JSON).build();
            }
            String etag = "\"feed." + found.version(ConnectorName.BUILDS) + "." + found.version(ConnectorName.UPDATES) + "\"";
            if (EntityTags.matches(ifNoneMatch, etag)) {
                return RestResponse.ResponseBuilder.<String>create(Response.Status.NOT_MODIFIED).header("ETag", etag).build();
            }
            return RestResponse.ResponseBuilder.ok(render(found, uri), ATOM).header("ETag", etag).build();
        });
    }

    private String render(PackageDocuments.Found found, UriInfo uri) {
        String pkg = found.pkg();
        String page = uri.getBaseUri().resolve("/packages/" + URLEncoder.encode(pkg, StandardCharsets.UTF_8)).toString();
        AtomFeed.Head head = new AtomFeed.Head(pkg, tagAuthority, uri.getBaseUri().resolve(uri.getPath()).toString(), page);
        Instant asOf = Stream.of(ConnectorName.BUILDS, ConnectorName.UPDATES)
                .flatMap(c -> found.refreshedAt(c).stream()).max(Instant::compareTo).orElse(Instant.EPOCH);
        List<AtomFeed.Entry> entries = new ArrayList<>();
        entries.addAll(AtomFeed.builds(head, found.data(ConnectorName.BUILDS), page + "/builds",
                found.refreshedAt(ConnectorName.BUILDS).orElse(asOf)));
        entries.addAll(AtomFeed.updates(head, found.data(ConnectorName.UPDATES), page + "/updates",
                found.refreshedAt(ConnectorName.UPDATES).orElse(asOf)));
        return AtomFeed.render(head, entries, maxEntries, asOf);
    }
}
