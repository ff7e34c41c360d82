package org.fedoraproject.packages.contract.document;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The changelog connector's document, one per branch: the spec's changelog entries. */
@Schema(name = "ChangelogDocument", description = "One branch's changelog (mdapi's changelog of the first sub-package that "
        + "has one, the one named like the source package first). No recording of mdapi's changelog exists (shape from "
        + "mdapi's documentation), hence no example.")
public record ChangelogDocument(
        @Schema(required = true, description = SchemaText.BRANCH) String branch,
        @Schema(required = true, description = SchemaText.BRANCHES)
        List<String> branches,
        @Schema(required = true, description = "Newest first") List<Entry> entries) {

    @Schema(name = "ChangelogEntry", description = "One changelog entry; author, email and version are split from mdapi's "
            + "author string (Name <email> - 1.2-3)")
    public record Entry(
            @Schema(required = true, nullable = true, format = "date-time") String date,
            @Schema(required = true, nullable = true) String author,
            @Schema(required = true, nullable = true) String email,
            @Schema(required = true, nullable = true, description = "version-release the entry is about") String version,
            @Schema(required = true, nullable = true) String text) {
    }
}
