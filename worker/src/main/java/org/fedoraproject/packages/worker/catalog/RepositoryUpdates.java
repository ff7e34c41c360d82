package org.fedoraproject.packages.worker.catalog;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumSet;
import java.util.List;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.worker.refresh.Priority;
import org.fedoraproject.packages.worker.refresh.RefreshPlan;
import org.fedoraproject.packages.worker.refresh.RefreshScheduler;
import org.jboss.logging.Logger;

/**
 * Keeps the catalog current: a repository update on the bus (mdapi.repo.update) re-runs discovery,
 * and so does a timer (a lost message, a mirror that publishes nothing). Requests coalesce like the
 * scheduler's: one arriving during a run causes exactly one more run after it. The overviews of the
 * packages a run changed are refreshed, at event priority when a message asked.
 */
@ApplicationScoped
public class RepositoryUpdates {
    private static final Logger LOG = Logger.getLogger(RepositoryUpdates.class);

    private final Discovery discovery;
    private final RefreshScheduler scheduler;
    private final CatalogConfig config;
    private final Vertx vertx;
    private boolean running;
    private Priority again;
    private long timer = -1;

    public RepositoryUpdates(Discovery discovery, RefreshScheduler scheduler, CatalogConfig config, Vertx vertx) {
        this.discovery = discovery;
        this.scheduler = scheduler;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        long every = config.rediscoverEvery().toMillis();
        if (every > 0) {
            timer = vertx.setPeriodic(every, every, id -> request(Priority.SWEEP));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** A repository changed (or may have): discover again, now or right after the run under way. */
    public synchronized void request(Priority priority) {
        if (running) {
            again = again == null || priority.compareTo(again) < 0 ? priority : again;
            return;
        }
        running = true;
        run(priority);
    }

    private void run(Priority priority) {
        discovery.run().subscribe().with(result -> {
            if (!result.changed().isEmpty()) {
                scheduler.submit(RefreshPlan.sources("catalog", List.copyOf(result.changed()), EnumSet.of(ConnectorName.OVERVIEW)),
                        priority, System.currentTimeMillis()).subscribe().with(x -> done(), t -> failed(t));
            } else {
                done();
            }
        }, this::failed);
    }

    private void failed(Throwable t) {
        LOG.warnf("catalog update failed (%s); the catalog stays as it was until the next one", t.toString());
        done();
    }

    private synchronized void done() {
        Priority next = again;
        again = null;
        if (next == null) {
            running = false;
        } else {
            run(next);
        }
    }
}
