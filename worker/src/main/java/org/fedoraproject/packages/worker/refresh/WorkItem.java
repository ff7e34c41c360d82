package org.fedoraproject.packages.worker.refresh;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.PackageNames;

/**
 * One unit of the scheduler's work, stored in Redis as a short string (its {@link #id()}), which is
 * what coalescing compares: the same entry asked for twice is the same string.
 */
public sealed interface WorkItem {
    String id();

    /** Refresh one package × connector document: {@code curl/builds}. */
    record Entry(String pkg, ConnectorName connector) implements WorkItem {
        @Override
        public String id() {
            return pkg + "/" + connector.id();
        }
    }

    /**
     * Find the source package of a binary package of a branch, then refresh these connectors of it
     * ({@code @rawhide/vim-X11/changelog+overview}). mdapi.repo.update names binaries; pages are per source.
     */
    record BinaryLookup(String branch, String binary, Set<ConnectorName> connectors) implements WorkItem {
        @Override
        public String id() {
            return "@" + branch + "/" + binary + "/"
                    + connectors.stream().map(ConnectorName::id).sorted().collect(Collectors.joining("+"));
        }
    }

    /** The item an id stands for; empty for anything this version of the worker did not write. */
    static Optional<WorkItem> parse(String id) {
        String[] parts = id.split("/", -1);
        if (id.startsWith("@") && parts.length == 3) {
            Set<ConnectorName> connectors = EnumSet.noneOf(ConnectorName.class);
            for (String c : parts[2].split("\\+")) {
                Optional<ConnectorName> name = ConnectorName.fromId(c);
                if (name.isEmpty()) {
                    return Optional.empty();
                }
                connectors.add(name.get());
            }
            String branch = parts[0].substring(1);
            return PackageNames.isValid(branch) && PackageNames.isValid(parts[1])
                    ? Optional.of(new BinaryLookup(branch, parts[1], connectors)) : Optional.empty();
        }
        if (parts.length == 2 && PackageNames.isValid(parts[0])) {
            return ConnectorName.fromId(parts[1]).map(c -> new Entry(parts[0], c));
        }
        return Optional.empty();
    }
}
