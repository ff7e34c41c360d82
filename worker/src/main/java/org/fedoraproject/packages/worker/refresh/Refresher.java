package org.fedoraproject.packages.worker.refresh;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.Connectors;
import org.fedoraproject.packages.worker.connector.UpstreamErrors;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.store.DocumentStore;
import org.jboss.logging.Logger;

/**
 * Refreshes one package × connector entry: take a version, fetch, store. An upstream failure is
 * recorded next to the last good document and is an outcome, not a failure; a failure of the store
 * fails the {@code Uni} ({@link StoreFailure}), so the scheduler keeps the request.
 */
@ApplicationScoped
public class Refresher {
    private static final Logger LOG = Logger.getLogger(Refresher.class);

    private final Connectors connectors;
    private final DocumentStore store;
    private final RefreshMetrics metrics;

    public Refresher(Connectors connectors, DocumentStore store, RefreshMetrics metrics) {
        this.connectors = connectors;
        this.store = store;
        this.metrics = metrics;
    }

    public Uni<Outcome> refresh(String pkg, ConnectorName name) {
        Optional<Connector> connector = connectors.get(name);
        if (connector.isEmpty()) {
            LOG.debugf("no connector for %s; %s skipped", name.id(), pkg);
            return Uni.createFrom().item(Outcome.DROPPED);
        }
        long started = System.nanoTime();
        return store.nextVersion(pkg, name).onFailure().transform(StoreFailure::new)
                .flatMap(version -> connector.get().fetch(pkg)
                        .flatMap(result -> store.write(pkg, name, version, result).onFailure().transform(StoreFailure::new))
                        .map(written -> written ? Outcome.WRITTEN : Outcome.STALE)
                        .onFailure(t -> !(t instanceof StoreFailure)).recoverWithUni(t -> {
                            UpstreamException error = UpstreamErrors.classify(connector.get().upstream(), t);
                            LOG.warnf("refresh of %s/%s failed (%s): %s", pkg, name.id(), error.kind().id(), error.getMessage());
                            metrics.refreshError(name, error.kind());
                            Outcome outcome = UpstreamErrors.isNotCalledNow(t) ? Outcome.DEFERRED : Outcome.FAILED;
                            return store.recordError(pkg, name, version, error).onFailure().transform(StoreFailure::new)
                                    .replaceWith(outcome);
                        }))
                .invoke(outcome -> metrics.refreshed(name, outcome, System.nanoTime() - started));
    }

    /** Marks failures of our own store, which the scheduler retries rather than records as upstream errors. */
    public static class StoreFailure extends RuntimeException {
        public StoreFailure(Throwable cause) {
            super(cause);
        }
    }
}
