package org.fedoraproject.packages.contract.document;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The builds connector's document: the package's newest Koji builds. */
@Schema(name = "BuildsDocument", description = "The package's Koji builds (listBuilds), newest first by buildId, at most 50")
public record BuildsDocument(@Schema(required = true) List<Build> builds) {

    @Schema(name = "KojiBuild", description = "One Koji build")
    public record Build(
            @Schema(required = true) Long buildId,
            @Schema(required = true, nullable = true) String nvr,
            @Schema(required = true, nullable = true) String version,
            @Schema(required = true, nullable = true) String release,
            @Schema(required = true, nullable = true) Long epoch,
            @Schema(required = true, nullable = true, enumeration = {"BUILDING", "COMPLETE", "DELETED", "FAILED", "CANCELED"},
                    description = "Koji's state name; null for a number Koji may add later") String state,
            @Schema(required = true, nullable = true, description = "Koji's owner_name") String owner,
            @Schema(required = true, nullable = true, format = "date-time", description = "To the second, UTC") String startedAt,
            @Schema(required = true, nullable = true, format = "date-time", description = "To the second, UTC") String completedAt,
            @Schema(required = true, nullable = true, description = "completedAt − startedAt in whole seconds; null unless "
                    + "both exist (still building, or imported)") Long durationSeconds,
            @Schema(required = true, nullable = true, description = "null for builds without a task") Long taskId,
            @Schema(required = true, nullable = true, format = "uri") String taskUrl,
            @Schema(required = true, format = "uri", description = "The build's Koji page") String buildUrl) {
    }
}
