package org.fedoraproject.packages.contract.document;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The updates connector's document: the package's newest Bodhi updates. */
@Schema(name = "UpdatesDocument", description = "The package's Bodhi updates, in Bodhi's order (newest submitted first), "
        + "the newest 50")
public record UpdatesDocument(
        @Schema(required = true, description = "How many updates Bodhi has for the package (only the newest are listed)") long total,
        @Schema(required = true) List<Update> updates) {

    @Schema(name = "Update", description = "One Bodhi update")
    public record Update(
            @Schema(required = true, nullable = true, description = "FEDORA-2021-63331f9029") String alias,
            @Schema(required = true, nullable = true) String title,
            @Schema(required = true, nullable = true, description = "The release name: F43") String release,
            @Schema(required = true, nullable = true, description = "Bodhi's status: pending, testing, stable, obsolete, …") String status,
            @Schema(required = true, nullable = true, description = "Bodhi's type: bugfix, enhancement, security, newpackage, …") String type,
            @Schema(required = true, nullable = true) String severity,
            @Schema(required = true, nullable = true) Integer karma,
            @Schema(required = true, nullable = true, description = "The submitter's user name") String submitter,
            @Schema(required = true, nullable = true, format = "date-time") String dateSubmitted,
            @Schema(required = true, nullable = true, format = "date-time") String dateTesting,
            @Schema(required = true, nullable = true, format = "date-time") String dateStable,
            @Schema(required = true, nullable = true, format = "date-time") String dateModified,
            @Schema(required = true, description = "The NVRs of the update's builds") List<String> builds,
            @Schema(required = true, nullable = true, format = "uri", description = "https://bodhi.fedoraproject.org/updates/<alias> "
                    + "(Bodhi's own url for an update without alias)") String url) {
    }
}
