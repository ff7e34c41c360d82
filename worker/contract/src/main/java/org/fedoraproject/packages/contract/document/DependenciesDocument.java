package org.fedoraproject.packages.contract.document;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The dependencies connector's document, one per branch: each sub-package's relations and the reverse lookups. */
@Schema(name = "DependenciesDocument", description = "One branch's dependencies (mdapi's pkg answer of every sub-package; "
        + "reverse: its requires and recommends lookups)")
public record DependenciesDocument(
        @Schema(required = true, description = SchemaText.BRANCH) String branch,
        @Schema(required = true, description = SchemaText.BRANCHES)
        List<String> branches,
        @Schema(required = true, description = SchemaText.KNOWN_SUBPACKAGES)
        List<Subpackage> subpackages,
        @Schema(required = true, description = "Binary packages requiring one of the sub-packages (mdapi's basename), sorted, "
                + "without the package's own sub-packages and its source name; mdapi matches requirements by exact name, so "
                + "packages that require a file or a virtual provide are not listed") List<String> requiredBy,
        @Schema(required = true, description = "Binary packages recommending one of the sub-packages, as requiredBy")
        List<String> recommendedBy) {

    /** One dependency; {@code version} is {@code epoch:version-release} without the empty parts, or null. */
    @Schema(name = "Dep", description = "One dependency of a sub-package")
    public record Dep(
            @Schema(required = true, description = "A package name, soname, file or capability: libc.so.6()(64bit)") String name,
            @Schema(required = true, nullable = true, enumeration = {"EQ", "LT", "LE", "GT", "GE"}) String flags,
            @Schema(required = true, nullable = true, description = "epoch:version-release with empty parts left out; null without a version")
            String version) {
    }

    @Schema(name = "DependenciesSubpackage", description = "One sub-package's relations, as rpm names them")
    public record Subpackage(
            @Schema(required = true) String name,
            @Schema(required = true) List<Dep> requires,
            @Schema(required = true) List<Dep> provides,
            @Schema(required = true) List<Dep> recommends,
            @Schema(required = true) List<Dep> suggests,
            @Schema(required = true) List<Dep> supplements,
            @Schema(required = true) List<Dep> enhances,
            @Schema(required = true) List<Dep> obsoletes,
            @Schema(required = true) List<Dep> conflicts) {
    }
}
