package org.fedoraproject.packages.contract.document;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The overview connector's document: the source package on its branch and its sub-packages. */
@Schema(name = "OverviewDocument", description = "The source package on its branch (the catalog's repository metadata, "
        + "else mdapi's srcpkg and pkg answers) and its sub-packages.")
public record OverviewDocument(
        @Schema(required = true, description = "The source package's name") String name,
        @Schema(required = true, description = "mdapi branch the data is from: rawhide, else the newest that has the package")
        String branch,
        @Schema(required = true, nullable = true) String summary,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true, nullable = true, description = "Upstream project URL") String url,
        @Schema(required = true, nullable = true, description = "From the repository metadata (primary.xml); null when only mdapi answered")
        String license,
        @Schema(required = true, nullable = true) String epoch,
        @Schema(required = true, nullable = true) String version,
        @Schema(required = true, nullable = true) String release,
        @Schema(required = true) List<Subpackage> subpackages) {

    /** One binary package built from the source package; sizes in bytes, null where the upstream gives none. */
    @Schema(name = "OverviewSubpackage", description = "A binary package built from the source package")
    public record Subpackage(
            @Schema(required = true) String name,
            @Schema(required = true, nullable = true, description = "null when mdapi has no such binary package") String summary,
            @Schema(required = true, nullable = true) String arch,
            @Schema(required = true, nullable = true, description = "Bytes of the rpm file (download)") Long packageSize,
            @Schema(required = true, nullable = true, description = "Bytes once installed") Long installedSize) {
    }
}
