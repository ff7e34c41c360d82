package org.fedoraproject.packages.worker.connector.repodata;

/**
 * One binary package as a repository's primary metadata lists it: the fields the catalog keeps.
 * {@code sourceRpm} is the file name of the source package it was built from
 * ({@code vim-9.1.1800-2.fc44.src.rpm}), which is how a binary leads to its source package.
 * {@code provides}: the names it provides besides its own (at most {@link #MAX_PROVIDES}; search terms).
 * {@code provided}: what a dependency may name to get this binary, for the provides index: every
 * {@code rpm:provides} name (its own too), uncapped, and every file primary lists (createrepo_c lists
 * those under /etc and in bin directories, which is what dependencies ask for), one per line. One string,
 * not a list: a branch holds all its binaries' names at once, a million or so for Fedora's Everything.
 * Sizes in bytes: the rpm file ({@code packageSize}) and its contents installed; null when the metadata has none.
 */
public record Rpm(String name, String arch, String epoch, String version, String release, String summary,
        String description, String url, String license, String sourceRpm, java.util.List<String> provides,
        String provided, Long packageSize, Long installedSize) {
    public static final int MAX_PROVIDES = 100;

    /** {@link #provided}'s names (possibly repeated). */
    public java.util.List<String> providedNames() {
        return provided == null || provided.isEmpty() ? java.util.List.of() : java.util.List.of(provided.split("\n"));
    }

    /**
     * The source package's name: the source rpm's file name without {@code -version-release.src.rpm}
     * (version and release never hold a '-'; the name may). Null when the field is missing or not of that form.
     */
    public String sourceName() {
        String[] nvr = sourceNvr();
        return nvr == null ? null : nvr[0];
    }

    /** {name, version, release} of the source rpm, or null. */
    public String[] sourceNvr() {
        if (sourceRpm == null) {
            return null;
        }
        String base = sourceRpm.endsWith(".src.rpm") ? sourceRpm.substring(0, sourceRpm.length() - 8)
                : sourceRpm.endsWith(".nosrc.rpm") ? sourceRpm.substring(0, sourceRpm.length() - 10) : null;
        if (base == null) {
            return null;
        }
        int r = base.lastIndexOf('-');
        int v = r > 0 ? base.lastIndexOf('-', r - 1) : -1;
        if (v <= 0) {
            return null;
        }
        return new String[] {base.substring(0, v), base.substring(v + 1, r), base.substring(r + 1)};
    }
}
