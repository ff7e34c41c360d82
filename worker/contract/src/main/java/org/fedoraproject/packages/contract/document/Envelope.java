package org.fedoraproject.packages.contract.document;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One document of one package as the worker stores it in Redis and the API serves it unchanged
 * ({@code GET /api/v1/packages/{name}/{connector}}). {@code data} is the connector's document record.
 */
@Schema(name = "Envelope", description = "One document of one package, as stored by the worker and served unchanged")
public record Envelope(
        @JsonProperty("package") @Schema(name = "package", required = true, example = "curl") String packageName,
        @Schema(required = true, enumeration = {"overview", "versions", "builds", "updates", "bugs", "dependencies", "files",
            "changelog", "sources", "maintainers", "upstream", "ci"}) String connector,
        @Schema(required = true, description = "Taken from Redis when the fetch started (a later fetch always has a higher "
                + "version); also the ETag") long version,
        @Schema(required = true, format = "date-time") String refreshedAt,
        @Schema(required = true, nullable = true, format = "uri", description = "The upstream URL the data came from (the "
                + "first or main call)") String source,
        @Schema(required = true, enumeration = {"ok", "absent"}, description = "ok: data present; absent: the upstream has "
                + "no such package (a real state; data is null)") String status,
        @Schema(required = true, nullable = true, description = "The connector's document (by connector: overview → "
                + "OverviewDocument, versions → VersionsDocument, …); null when absent",
                oneOf = {OverviewDocument.class, VersionsDocument.class, BuildsDocument.class, UpdatesDocument.class,
                    BugsDocument.class, DependenciesDocument.class, FilesDocument.class, ChangelogDocument.class,
                    SourcesDocument.class, MaintainersDocument.class, UpstreamDocument.class, CiDocument.class},
                // nullable is ignored next to oneOf: the API's OpenAPI filter (NullableSchemas) adds the null alternative
                extensions = @Extension(name = "x-fp-nullable", value = "true"))
        Object data) {
}
