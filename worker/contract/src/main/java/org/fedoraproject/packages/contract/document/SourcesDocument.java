package org.fedoraproject.packages.contract.document;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sources connector's document: dist-git's branches, the Rawhide spec file and what it names, the last commits. */
@Schema(name = "SourcesDocument", description = "The package's dist-git repository: branches, Rawhide's spec file and the "
        + "patches, sources and lookaside files it names, the head commit of the newest release branches")
public record SourcesDocument(
        @Schema(required = true, format = "uri", description = "The dist-git repository page: https://src.fedoraproject.org/rpms/<name>")
        String url,
        @Schema(required = true, nullable = true) String defaultBranch,
        @Schema(required = true, description = "rawhide, Fedora newest first, EPEL newest first, then others by name")
        List<String> branches,
        @Schema(required = true, nullable = true, description = "<name>.spec; null when Rawhide has no spec") String specFile,
        @Schema(required = true, nullable = true, description = "The spec's text, cut after fp.sources.max-spec-chars characters; "
                + "null when Rawhide has no spec") String spec,
        @Schema(required = true, description = "The spec is cut after fp.sources.max-spec-chars characters") boolean specTruncated,
        @Schema(required = true, description = "File names of PatchN:/Patch: lines and %patchlist entries") List<String> patches,
        @Schema(required = true, description = "SourceN: lines as written (macros unexpanded) and %sourcelist entries")
        List<String> sources,
        @Schema(required = true, description = "The files of the sources file (the lookaside cache)") List<Lookaside> lookaside,
        @Schema(required = true, description = "Head commit of each of the newest 5 release branches (rawhide, fN, epelN)")
        List<Commit> lastCommits) {

    @Schema(name = "SourcesLookaside", description = "One file of the lookaside cache")
    public record Lookaside(
            @Schema(required = true) String file,
            @Schema(required = true, description = "Lower case") String hash,
            @Schema(required = true, description = "As written, upper case: SHA512, MD5") String algorithm) {
    }

    @Schema(name = "SourcesCommit", description = "A branch's head commit")
    public record Commit(
            @Schema(required = true) String branch,
            @Schema(required = true) String id,
            @Schema(required = true, nullable = true, description = "The first line of the message") String message,
            @Schema(required = true, nullable = true) String author,
            @Schema(required = true, nullable = true, format = "date-time") String date,
            @Schema(required = true, format = "uri") String url) {
    }
}
