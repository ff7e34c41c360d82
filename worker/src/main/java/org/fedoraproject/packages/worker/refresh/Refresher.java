package org.fedoraproject.packages.worker.refresh;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.worker.bus.RefreshPlan;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.Connectors;
import org.fedoraproject.packages.worker.connector.UpstreamErrors;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.mdapi.SourceNames;
import org.fedoraproject.packages.worker.store.DocumentStore;
import org.jboss.logging.Logger;

/**
 * Carries out a {@link RefreshPlan}: for each package × connector, take a version, fetch, store.
 * An upstream failure is recorded and does not fail the plan (the last good document stays); a
 * failure to store does, so the bus message is not acknowledged and comes back.
 */
@ApplicationScoped
public class Refresher {
    private static final Logger LOG = Logger.getLogger(Refresher.class);

    /** What happened to one package × connector entry. */
    public enum Outcome { WRITTEN, STALE, FAILED, NO_CONNECTOR }

    private final Connectors connectors;
    private final DocumentStore store;
    private final SourceNames sourceNames;
    private final int concurrency;

    public Refresher(Connectors connectors, DocumentStore store, SourceNames sourceNames,
            @ConfigProperty(name = "fp.refresh.concurrency", defaultValue = "8") int concurrency) {
        this.connectors = connectors;
        this.store = store;
        this.sourceNames = sourceNames;
        this.concurrency = concurrency;
    }

    public Uni<List<Outcome>> execute(RefreshPlan plan) {
        return sourcePlan(plan).flatMap(sources -> Multi.createFrom().iterable(sources.packages())
                .onItem().transformToMultiAndConcatenate(pkg -> Multi.createFrom().iterable(sources.connectors())
                        .map(c -> new Entry(pkg, c)))
                .onItem().transformToUni(e -> refresh(e.pkg(), e.connector())).merge(concurrency)
                .collect().asList());
    }

    /** Refreshes one entry: the unit every path (bus, cold page, sweep) comes down to. */
    public Uni<Outcome> refresh(String pkg, ConnectorName name) {
        Optional<Connector> connector = connectors.get(name);
        if (connector.isEmpty()) {
            LOG.debugf("no connector for %s yet; %s skipped", name.id(), pkg);
            return Uni.createFrom().item(Outcome.NO_CONNECTOR);
        }
        return store.nextVersion(pkg, name).flatMap(version -> connector.get().fetch(pkg)
                .flatMap(result -> store.write(pkg, name, version, result).onFailure().transform(StoreFailure::new))
                .map(written -> written ? Outcome.WRITTEN : Outcome.STALE)
                .onFailure(t -> !(t instanceof StoreFailure)).recoverWithUni(t -> {
                    UpstreamException error = UpstreamErrors.classify(name.id(), t);
                    LOG.warnf("refresh of %s/%s failed (%s): %s", pkg, name.id(), error.kind().id(), error.getMessage());
                    return store.recordError(pkg, name, version, error).replaceWith(Outcome.FAILED);
                }));
    }

    /**
     * The plan in source packages: binary names (mdapi.repo.update) are mapped to the source packages
     * they are built from, each source once however many of its binaries changed. A binary mdapi does
     * not have (404) is skipped; a failure to ask fails the plan, so that the message is retried or
     * dead-lettered rather than silently refreshing nothing.
     */
    public Uni<RefreshPlan> sourcePlan(RefreshPlan plan) {
        if (!plan.namesAreBinary()) {
            return Uni.createFrom().item(plan);
        }
        return Multi.createFrom().iterable(plan.packages())
                .onItem().transformToUni(binary -> sourceNames.sourceOf(plan.binaryBranch(), binary))
                .merge(concurrency)
                .filter(Optional::isPresent).map(Optional::get)
                .select().distinct()
                .collect().asList()
                .map(sources -> RefreshPlan.sources(plan.topic(), sources.stream().sorted().toList(), plan.connectors()));
    }

    private record Entry(String pkg, ConnectorName connector) {
    }

    /** Marks failures of the store, which must fail the plan rather than be recorded as upstream errors. */
    public static class StoreFailure extends RuntimeException {
        public StoreFailure(Throwable cause) {
            super(cause);
        }
    }
}
