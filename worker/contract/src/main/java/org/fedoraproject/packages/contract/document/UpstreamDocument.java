package org.fedoraproject.packages.contract.document;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The upstream connector's document: Anitya's project and versions, compared with Rawhide's. */
@Schema(name = "UpstreamDocument", description = "The upstream project Anitya maps the package to, its versions, and "
        + "whether Rawhide is behind")
public record UpstreamDocument(
        @Schema(required = true, nullable = true) String project,
        @Schema(required = true, nullable = true, format = "uri", description = "https://release-monitoring.org/project/<id>, "
                + "or …/projects/search/?pattern=<project>&exact=1 when Anitya gives no project id") String projectUrl,
        @Schema(required = true, nullable = true) String ecosystem,
        @Schema(required = true, nullable = true) String latestVersion,
        @Schema(required = true, nullable = true) String stableVersion,
        @Schema(required = true, nullable = true, description = "Rawhide's version (mdapi); null when Rawhide does not have it")
        String rawhideVersion,
        @Schema(required = true, nullable = true, description = "Rawhide's version is older than the latest stable upstream "
                + "version (RPM version comparison); null when either is unknown") Boolean outdated) {
}
