package org.fedoraproject.packages.worker.catalog;

import java.util.List;

/**
 * One source package on one branch, as its binaries in the branch's repositories describe it. The
 * texts come from the binary named like the source (else the first by name), as mdapi's srcpkg does.
 * {@code repo} is the repository it was read from.
 */
public record SourceEntry(String name, String epoch, String version, String release, String summary,
        String description, String url, String license, List<Sub> subpackages, String repo) {

    /**
     * {@code provides}: the names the binary provides besides its own (search terms); sizes in bytes (download,
     * installed). Each is null in entries written before it existed.
     */
    public record Sub(String name, String summary, String arch, List<String> provides, Long packageSize, Long installedSize) {
    }
}
