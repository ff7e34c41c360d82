package org.fedoraproject.packages.contract.document;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The versions connector's document: the latest stable and testing build of each active release. */
@Schema(name = "VersionsDocument", description = "The package's latest build in each active release (Koji's listTagged "
        + "on Bodhi's stable and testing tags). absent when Koji has no such package or no shown release has a build of it.")
public record VersionsDocument(
        @Schema(required = true, description = "Rawhide first, then Fedora newest first, then EPEL newest first (EPEL-10.1 "
                + "before EPEL-10.0); releases without a build stay in the list (stable and testing null)")
        List<Release> releases) {

    @Schema(name = "VersionsRelease", description = "One active release and the package's builds there")
    public record Release(
            @Schema(required = true, description = "Bodhi's release name: F43, EPEL-10.0") String release,
            @Schema(required = true, nullable = true, description = "Fedora 43") String longName,
            @Schema(required = true, nullable = true, description = "Bodhi's branch: rawhide, f43, epel10") String branch,
            @Schema(required = true, nullable = true, enumeration = {"current", "pending", "frozen"}) String state,
            @Schema(required = true, nullable = true, description = "Latest build tagged in the release's stable tag") Build stable,
            @Schema(required = true, nullable = true, description = "Latest build in the testing tag; null when it is the stable "
                    + "one (testing tags inherit the stable tag, so nothing is in testing), and always for Rawhide")
            Build testing) {
    }

    @Schema(name = "Build", description = "A Koji build of the package")
    public record Build(
            @Schema(required = true, nullable = true) String nvr,
            @Schema(required = true, nullable = true) String version,
            @Schema(required = true, nullable = true) String release,
            @Schema(required = true, nullable = true) Long epoch,
            @Schema(required = true) Long buildId,
            @Schema(required = true, format = "uri", description = "The build's Koji page") String buildUrl,
            @Schema(required = true, nullable = true, format = "uri", description = "Bodhi's updates of this build "
                    + "(…/updates/?builds=<nvr>)") String updateUrl) {
    }
}
