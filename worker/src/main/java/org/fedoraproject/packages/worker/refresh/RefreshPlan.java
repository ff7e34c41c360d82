package org.fedoraproject.packages.worker.refresh;

import java.util.List;
import java.util.Set;
import org.fedoraproject.packages.contract.ConnectorName;

/**
 * What one bus event asks for: these packages × these connectors. When {@code binaryBranch} is set the
 * names are binary (sub-)package names from that mdapi branch, to be mapped to their source package
 * first (mdapi.repo.update lists binary packages).
 */
public record RefreshPlan(String topic, List<String> packages, Set<ConnectorName> connectors, String binaryBranch) {
    public static RefreshPlan sources(String topic, List<String> packages, Set<ConnectorName> connectors) {
        return new RefreshPlan(topic, List.copyOf(packages), Set.copyOf(connectors), null);
    }

    public boolean namesAreBinary() {
        return binaryBranch != null;
    }
}
