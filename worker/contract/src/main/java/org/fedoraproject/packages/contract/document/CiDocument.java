package org.fedoraproject.packages.contract.document;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ci connector's document: Koschei's state of the package in each collection. */
@Schema(name = "CiDocument", description = "Koschei's scratch-build state of the package per collection")
public record CiDocument(
        @Schema(required = true, format = "uri", description = "https://koschei.fedoraproject.org/package/<name>") String url,
        @Schema(required = true, description = "Newest collection first") List<Collection> collections) {

    @Schema(name = "CiCollection", description = "The package in one Koschei collection")
    public record Collection(
            @Schema(required = true, nullable = true, description = "f43, epel10, …") String collection,
            @Schema(required = true, nullable = true, enumeration = {"ok", "failing", "unresolved", "blocked", "untracked"},
                    description = "Koschei's word, passed through") String state,
            @Schema(required = true, nullable = true) Long lastBuildTaskId,
            @Schema(required = true, nullable = true, format = "date-time", description = "The last complete build's "
                    + "time_finished (else time_started), UTC") String lastBuildAt,
            @Schema(required = true, nullable = true, format = "uri") String taskUrl) {
    }
}
