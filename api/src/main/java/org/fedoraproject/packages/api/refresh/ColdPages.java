package org.fedoraproject.packages.api.refresh;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fedoraproject.packages.api.store.PackageReader;
import org.fedoraproject.packages.api.store.PackageReader.StoredDocument;
import org.fedoraproject.packages.contract.ConnectorName;
import org.jboss.logging.Logger;

/**
 * Fills a document of a known package that nothing has fetched yet: asks the worker for a refresh,
 * waits briefly for its notice, reads again. Concurrent misses of the same entry share one request
 * and one wait, so a page opened by many people at once costs the upstream one call.
 * The API still writes nothing: the worker does the fetch and the write.
 */
@ApplicationScoped
public class ColdPages {
    private static final Logger LOG = Logger.getLogger(ColdPages.class);

    private final PackageReader reader;
    private final RefreshNotices notices;
    private final RefreshRequests requests;
    private final Duration wait;
    private final Map<String, Uni<Optional<StoredDocument>>> inFlight = new ConcurrentHashMap<>();

    public ColdPages(PackageReader reader, RefreshNotices notices,
            RefreshRequests requests,
            @ConfigProperty(name = "fp.cold-page.wait", defaultValue = "PT2S") Duration wait) {
        this.reader = reader;
        this.notices = notices;
        this.requests = requests;
        this.wait = wait;
    }

    /** The document once the worker stored it, or empty when it did not within the wait. */
    public Uni<Optional<StoredDocument>> fill(String pkg, ConnectorName connector) {
        String key = pkg + "/" + connector.id();
        return inFlight.computeIfAbsent(key, k -> {
            // Read again first: a reader that found nothing just before the previous fill's document was
            // written arrives after that fill ended; it must not ask the worker a second time (bench/read-api.sh).
            return reader.document(pkg, connector)
                    .flatMap(now -> {
                        if (now.isPresent()) {
                            return Uni.createFrom().item(now);
                        }
                        Uni<Boolean> notified = notices.await(pkg, connector, wait); // registered before the request
                        request(pkg, connector);
                        return notified
                                .invoke(n -> LOG.debugf("cold page %s: notified=%s", k, n))
                                .flatMap(n -> reader.document(pkg, connector));
                    })
                    .invoke(d -> LOG.debugf("cold page %s: read %s", k, d.isPresent()))
                    .eventually(() -> {
                        inFlight.remove(k); // a block: eventually(Supplier<Uni>) would take remove's result
                    })
                    .memoize().indefinitely();
        });
    }

    private void request(String pkg, ConnectorName connector) {
        LOG.debugf("asking the worker to refresh %s/%s", pkg, connector.id());
        // the bus down: the reader gets 202 and asks again later
        requests.send("{\"package\":\"" + pkg + "\",\"connectors\":[\"" + connector.id() + "\"]}");
    }
}
