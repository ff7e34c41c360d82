package org.fedoraproject.packages.worker.catalog;

import java.util.List;

/**
 * What the worker knows of a package beyond its documents: the branches that ship it, whether it was
 * retired, and how it became known ({@code repodata}, or {@code dist-git} / {@code koji} for a package
 * announced by an event before any repository has it).
 */
public record PackageState(List<String> branches, boolean retired, String via) {
    public static final String VIA_REPODATA = "repodata";
    public static final String VIA_DIST_GIT = "dist-git";
    public static final String VIA_KOJI = "koji";

    /**
     * Fedora packages all live in Rawhide until retired: one that a stable release still ships but
     * Rawhide does not was retired. Only EPEL having it is not retirement (EPEL-only packages exist).
     * Known before and in no branch now: retired too.
     */
    static PackageState fromBranches(List<String> branches) {
        boolean retired = !branches.contains("rawhide") && branches.stream().anyMatch(RepoLocations::isFedoraRelease);
        return new PackageState(List.copyOf(branches), retired, VIA_REPODATA);
    }

    PackageState goneEverywhere() {
        // an event-announced package waits for its first compose; a shipped one that left every branch was retired
        return VIA_REPODATA.equals(via) ? new PackageState(List.of(), true, via) : this;
    }
}
