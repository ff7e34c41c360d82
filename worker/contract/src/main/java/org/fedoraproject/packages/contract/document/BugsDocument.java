package org.fedoraproject.packages.contract.document;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bugs connector's document: the package's open Bugzilla bugs in Fedora and Fedora EPEL. */
@Schema(name = "BugsDocument", description = "Open bugs in Fedora and Fedora EPEL, sorted by status (NEW, ASSIGNED, POST, "
        + "MODIFIED, ON_DEV, ON_QA, VERIFIED, RELEASE_PENDING), then newest lastChange, then highest id")
public record BugsDocument(
        @Schema(required = true, description = "Bugzilla's total_matches when it sends it (can exceed the 500 listed), "
                + "else the number listed") long total,
        @Schema(required = true, description = "Bugs per status, in the same order, only statuses that occur")
        Map<String, Integer> byStatus,
        @Schema(required = true) List<Bug> bugs) {

    @Schema(name = "Bug", description = "One open bug")
    public record Bug(
            @Schema(required = true) long id,
            @Schema(required = true, nullable = true) String summary,
            @Schema(required = true, nullable = true) String status,
            @Schema(required = true, nullable = true) String severity,
            @Schema(required = true, nullable = true) String priority,
            @Schema(required = true, nullable = true, description = "assigned_to as anonymous REST shows it") String assignee,
            @Schema(required = true, nullable = true) String product,
            @Schema(required = true, nullable = true, description = "Red Hat's list joined with \", \"") String version,
            @Schema(required = true, nullable = true, description = "Red Hat's list joined with \", \"") String component,
            @Schema(required = true, nullable = true, format = "date-time") String lastChange,
            @Schema(required = true, nullable = true, format = "date-time") String created,
            @Schema(required = true) List<String> keywords,
            @Schema(required = true, format = "uri", description = "https://bugzilla.redhat.com/show_bug.cgi?id=<id>") String url) {
    }
}
