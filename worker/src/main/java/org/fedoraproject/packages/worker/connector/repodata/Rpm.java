package org.fedoraproject.packages.worker.connector.repodata;

/**
 * One binary package as a repository's primary metadata lists it: the fields the catalog keeps.
 * {@code sourceRpm} is the file name of the source package it was built from
 * ({@code vim-9.1.1800-2.fc44.src.rpm}), which is how a binary leads to its source package.
 * {@code provides}: the names it provides besides its own (at most {@link #MAX_PROVIDES}). Sizes in
 * bytes: the rpm file ({@code packageSize}) and its contents installed; null when the metadata has none.
 */
public record Rpm(String name, String arch, String epoch, String version, String release, String summary,
        String description, String url, String license, String sourceRpm, java.util.List<String> provides,
        Long packageSize, Long installedSize) {
    public static final int MAX_PROVIDES = 100;

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
