package org.fedoraproject.packages.api.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fedoraproject.packages.api.store.PackageReader;

/**
 * Which package each dependency name leads to, so that every name on a Dependencies tab links to the page
 * of what provides it: a source name, a binary name or anything a binary provides (sonames, files, perl(…)…).
 */
@Path("/api/v1/resolve")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "packages")
public class ResolveResource {
    private final PackageReader reader;

    public ResolveResource(PackageReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(operationId = "resolve", summary = "The binary and source package each dependency name leads to",
            description = "In request order, one item per name: a binary package name resolves to its source package, "
                    + "a source package name to itself (binary null unless it is a binary too), a provide (rpm:provides "
                    + "or a file the repository metadata lists) to the binary that provides it, Rawhide first, then the "
                    + "newest branch; when several binaries provide it, the first by name. Unknown: binary and package null.")
    @APIResponse(responseCode = "200", description = "Each name's binary and package",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiShapes.Resolutions.class)))
    @APIResponse(responseCode = "400", description = "No names, more than 100, or a name that is no dependency name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ApiShapes.Resolutions> resolve(
            @Parameter(required = true, description = "1 to 100 dependency names, comma-separated; each printable ASCII "
                    + "other than ',', 1 to 256 characters", example = "libc.so.6()(64bit),/usr/bin/sh,vim-common",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 100 * 257))
            @QueryParam("names") String namesText) {
        return reader.resolve(DependencyNames.parse(namesText)).map(found -> new ApiShapes.Resolutions(found.stream()
                .map(r -> new ApiShapes.Resolution(r.name(), r.binary(), r.source()))
                .toList()));
    }
}
