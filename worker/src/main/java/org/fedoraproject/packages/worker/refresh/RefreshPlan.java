package org.fedoraproject.packages.worker.refresh;

import java.util.List;
import java.util.Set;
import org.fedoraproject.packages.contract.ConnectorName;

/**
 * What one bus event asks for: these packages × these connectors. When {@code binaryBranch} is set the
 * names are binary (sub-)package names from that mdapi branch, to be mapped to their source package
 * first (mdapi.repo.update lists binary packages). When {@code announcedBy} is set the event itself
 * makes the packages known (a new dist-git repository): only known packages get entries.
 */
public record RefreshPlan(String topic, List<String> packages, Set<ConnectorName> connectors, String binaryBranch,
        String announcedBy) {
    public RefreshPlan(String topic, List<String> packages, Set<ConnectorName> connectors, String binaryBranch) {
        this(topic, packages, connectors, binaryBranch, null);
    }

    public static RefreshPlan sources(String topic, List<String> packages, Set<ConnectorName> connectors) {
        return new RefreshPlan(topic, List.copyOf(packages), Set.copyOf(connectors), null, null);
    }

    /** The same plan, naming packages that the event creates (so they become known first). */
    public RefreshPlan announcing(String via) {
        return new RefreshPlan(topic, packages, connectors, binaryBranch, via);
    }

    public boolean namesAreBinary() {
        return binaryBranch != null;
    }
}
