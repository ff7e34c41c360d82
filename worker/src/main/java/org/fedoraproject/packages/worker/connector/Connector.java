package org.fedoraproject.packages.worker.connector;

import io.smallrye.mutiny.Uni;
import org.fedoraproject.packages.contract.ConnectorName;

/**
 * Produces one document of a package from one upstream. The dispatcher needs to know nothing else.
 *
 * <p>A package the upstream does not know is a result ({@link FetchResult#absent}), not a failure.
 * Anything else that goes wrong fails the {@code Uni} with an {@link UpstreamException}, so the last
 * good document stays in place and the failure is recorded next to it.
 */
public interface Connector {
    ConnectorName name();

    /**
     * The upstream this connector calls (its scheduler lane: a slow upstream holds back only its own
     * connectors). A connector that calls two names the one it calls per package.
     */
    String upstream();

    Uni<FetchResult> fetch(String packageName);

    /**
     * About how many upstream requests one refresh makes (measured on the demo packages: see
     * docs/refresh-scheduler.md); the sweep spends its per-upstream budget of calls by it.
     */
    default int callsPerRefresh() {
        return 1;
    }
}
