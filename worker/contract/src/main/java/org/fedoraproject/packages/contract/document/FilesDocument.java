package org.fedoraproject.packages.contract.document;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The files connector's document, one per branch: the files of each sub-package. */
@Schema(name = "FilesDocument", description = "One branch's file lists (mdapi's files answer of every sub-package)")
public record FilesDocument(
        @Schema(required = true, description = SchemaText.BRANCH) String branch,
        @Schema(required = true, description = SchemaText.BRANCHES)
        List<String> branches,
        @Schema(required = true, description = SchemaText.KNOWN_SUBPACKAGES)
        List<Subpackage> subpackages) {

    @Schema(name = "FilesSubpackage", description = "One sub-package's files")
    public record Subpackage(
            @Schema(required = true) String name,
            @Schema(required = true, description = "Paths, sorted; directories end with /") List<String> files) {
    }
}
