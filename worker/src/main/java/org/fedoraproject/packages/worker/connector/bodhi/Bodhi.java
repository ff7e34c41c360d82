package org.fedoraproject.packages.worker.connector.bodhi;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.fedoraproject.packages.worker.connector.JsonBodies;
import org.fedoraproject.packages.worker.connector.UpstreamException;

/**
 * The Bodhi upstream with its protections (tuned in application.properties under
 * {@code quarkus.fault-tolerance."...Bodhi".*}). Used by the updates and versions connectors.
 */
@ApplicationScoped
@Timeout(15_000) // milliseconds: the unit stays when application.properties overrides the value
@Retry(maxRetries = 2, delay = 300, retryOn = UpstreamException.Retryable.class)
@ExponentialBackoff
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
        failOn = UpstreamException.Retryable.class)
@Bulkhead(value = 4, waitingTaskQueue = 1000)
public class Bodhi {
    public static final String UPSTREAM = "bodhi";
    static final List<String> ACTIVE_STATES = List.of("current", "pending", "frozen");

    private final BodhiClient client;
    private final String baseUrl;

    public Bodhi(@RestClient BodhiClient client, @ConfigProperty(name = "quarkus.rest-client.bodhi.url") String baseUrl) {
        this.client = client;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String url(String pathAndQuery) {
        return baseUrl + pathAndQuery;
    }

    /** One page of the active releases (current, pending, frozen). */
    public Uni<JsonNode> activeReleases(int page) {
        return JsonBodies.optional(UPSTREAM, client.releases(ACTIVE_STATES, 100, page))
                .map(found -> found.orElseThrow(() -> UpstreamException.of(UpstreamException.Kind.CLIENT_ERROR,
                        UPSTREAM, "/releases/ answered 404", null)));
    }

    /** The newest updates of a package (one page); empty when Bodhi answers 404. */
    public Uni<Optional<JsonNode>> updates(String packageName, int rows) {
        return JsonBodies.optional(UPSTREAM, client.updates(packageName, rows, 1));
    }
}
