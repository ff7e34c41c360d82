package org.fedoraproject.packages.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fedoraproject.packages.contract.ConnectorName;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * SVG badges for READMEs: the package's version in one release, and whether Fedora is behind upstream.
 * A release the package has no build in (or one that is not active: ended, misspelt) is a grey "not
 * packaged" badge with 200, as Repology does: an image in someone's README must not turn into a broken one
 * the day a release reaches its end of life. Badges may be kept for {@code fp.badge.max-age} (image proxies
 * such as GitHub's fetch them again only then), unlike the documents, which are revalidated on every use.
 */
@Path("/api/v1/packages/{name}/badge")
@Tag(name = "packages")
public class BadgeResource {
    static final String SVG = "image/svg+xml";
    private static final Pattern RELEASE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
    private static final List<ConnectorName> FROM = List.of(ConnectorName.VERSIONS, ConnectorName.UPSTREAM);

    private final PackageDocuments documents;
    private final String cacheControl;

    public BadgeResource(PackageDocuments documents, @ConfigProperty(name = "fp.badge.max-age") Duration maxAge) {
        this.documents = documents;
        this.cacheControl = "public, max-age=" + maxAge.toSeconds();
    }

    @GET
    @Path("/upstream.svg")
    @Produces(SVG)
    @Operation(operationId = "upstreamBadge", summary = "SVG badge: is Fedora behind upstream (Anitya's latest stable version)?",
            description = "\"up to date: 2.1.1\" (green), \"behind upstream: 2.0 < 2.1.1\" (red), \"not monitored\" when Anitya "
                    + "has no project for the package, else \"unknown\" (grey). Rawhide is compared, or for a package not in "
                    + "Rawhide its newest version in any active release.")
    @APIResponse(responseCode = "200", description = "The badge", content = @Content(mediaType = SVG),
            headers = {@Header(name = "ETag", description = "From the versions of the versions and upstream documents"),
                @Header(name = "Cache-Control", description = "public, max-age=fp.badge.max-age")})
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "308", description = "A binary (sub-)package: Location is its source package's badge")
    @APIResponse(responseCode = "400", description = "Invalid name", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown package", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<String>> upstream(@RestPath String name, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return documents.answer(name, "/badge/upstream.svg", FROM, found -> respond(found, ifNoneMatch, () -> {
            JsonNode envelope = found.envelopes().get(ConnectorName.UPSTREAM);
            if (envelope != null && "absent".equals(envelope.path("status").asText())) {
                return SvgBadge.render("upstream", "not monitored", SvgBadge.Colour.NEUTRAL);
            }
            VersionStanding.Comparison c = VersionStanding.behindUpstream(found.data(ConnectorName.UPSTREAM),
                    found.data(ConnectorName.VERSIONS));
            if (c.behind() == null) {
                return SvgBadge.render("upstream", "unknown", SvgBadge.Colour.NEUTRAL);
            }
            return c.behind()
                    ? SvgBadge.render("upstream", "behind upstream: " + c.packaged() + " < " + c.upstream(), SvgBadge.Colour.BEHIND)
                    : SvgBadge.render("upstream", "up to date: " + c.upstream(), SvgBadge.Colour.UP_TO_DATE);
        }));
    }

    @GET
    @Path("/{release}.svg")
    @Produces(SVG)
    @Operation(operationId = "releaseBadge", summary = "SVG badge: the package's version in one release",
            description = "The stable build's version (else the one in testing) in the release named as the versions document "
                    + "names it: its branch (rawhide, f43, epel10) or Bodhi's name (F43, EPEL-10.0). Green: matches upstream's "
                    + "latest stable; blue: matches Rawhide; red: behind; grey: nothing to compare with, or \"not packaged\" "
                    + "(no build there, or no such active release: still 200, so an embedded image never breaks).")
    @APIResponse(responseCode = "200", description = "The badge", content = @Content(mediaType = SVG),
            headers = {@Header(name = "ETag", description = "From the versions of the versions and upstream documents"),
                @Header(name = "Cache-Control", description = "public, max-age=fp.badge.max-age")})
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "308", description = "A binary (sub-)package: Location is its source package's badge")
    @APIResponse(responseCode = "400", description = "Invalid name or release", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown package", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<String>> release(@RestPath String name,
            @Parameter(description = "rawhide, f43, epel10, … (see GET /api/v1/releases)") @RestPath String release,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (!RELEASE.matcher(release).matches()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "a release name is letters, digits and . _ + - (rawhide, f43, epel10)");
        }
        return documents.answer(name, "/badge/" + release + ".svg", FROM, found -> respond(found, ifNoneMatch, () -> {
            JsonNode versions = found.data(ConnectorName.VERSIONS);
            JsonNode row = row(versions, release);
            String version = row == null ? null : VersionStanding.shown(row);
            String label = ReleaseNames.label(row == null ? release.toLowerCase(java.util.Locale.ROOT) : row.path("branch").asText(release));
            if (version == null) {
                return SvgBadge.render(label, "not packaged", SvgBadge.Colour.NEUTRAL);
            }
            VersionStanding.References refs = VersionStanding.references(versions, found.data(ConnectorName.UPSTREAM));
            return SvgBadge.render(label, version, colour(VersionStanding.of(version, refs)));
        }));
    }

    /** The versions document's row of the release: by branch, else by Bodhi's name (f43 while F43 is Rawhide). */
    private static JsonNode row(JsonNode versions, String release) {
        JsonNode byName = null;
        for (JsonNode r : versions.path("releases")) {
            if (release.equalsIgnoreCase(r.path("branch").asText())) {
                return r;
            }
            if (byName == null && release.equalsIgnoreCase(r.path("release").asText())) {
                byName = r;
            }
        }
        return byName;
    }

    private static SvgBadge.Colour colour(VersionStanding.Status status) {
        return switch (status) {
            case UPSTREAM -> SvgBadge.Colour.UP_TO_DATE;
            case RAWHIDE -> SvgBadge.Colour.RAWHIDE;
            case BEHIND -> SvgBadge.Colour.BEHIND;
            case UNKNOWN -> SvgBadge.Colour.NEUTRAL;
        };
    }

    private RestResponse<String> respond(PackageDocuments.Found found, String ifNoneMatch, java.util.function.Supplier<String> svg) {
        String etag = "\"badge." + found.version(ConnectorName.VERSIONS) + "." + found.version(ConnectorName.UPSTREAM) + "\"";
        if (EntityTags.matches(ifNoneMatch, etag)) {
            return RestResponse.ResponseBuilder.<String>create(Response.Status.NOT_MODIFIED)
                    .header("ETag", etag).header("Cache-Control", cacheControl).build();
        }
        return RestResponse.ResponseBuilder.ok(svg.get(), SVG).header("ETag", etag).header("Cache-Control", cacheControl).build();
    }
}
