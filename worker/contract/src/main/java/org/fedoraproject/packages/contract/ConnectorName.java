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

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConnectorName> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
