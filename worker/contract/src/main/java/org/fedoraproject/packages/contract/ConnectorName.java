package org.fedoraproject.packages.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The documents kept per package: one per connector. The id is what appears in URLs
 * ({@code /api/v1/packages/{name}/{id}}), Redis keys and the bus-routing table.
 */
public enum ConnectorName {
    OVERVIEW, VERSIONS, BUILDS, UPDATES, BUGS, DEPENDENCIES, FILES, CHANGELOG, SOURCES, MAINTAINERS, UPSTREAM, CI;

    /**
     * Whether the document is kept once per branch that has the package (Redis fields {@code body@<branch>},
     * API {@code ?branch=}): what a package requires, ships and says in its changelog differs per release.
     */
    public boolean keptPerBranch() {
        return this == DEPENDENCIES || this == FILES || this == CHANGELOG;
    }

    /** Whether {@code branch} has the form of a branch name (rawhide, f43, epel10, epel10.1): lower-case, short. */
    public static boolean isBranchName(String branch) {
        return branch != null && branch.matches("[a-z][a-z0-9.]{0,31}");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConnectorName> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
