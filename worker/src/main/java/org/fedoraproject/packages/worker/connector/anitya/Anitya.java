package org.fedoraproject.packages.worker.connector.anitya;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.fedoraproject.packages.worker.connector.JsonBodies;
import org.fedoraproject.packages.worker.connector.UpstreamErrors;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.Urls;

/**
 * The Anitya upstream with its protections (tuned in application.properties under
 * {@code quarkus.fault-tolerance."...Anitya".*}).
 */
@ApplicationScoped
@Timeout(15_000) // milliseconds: the unit stays when application.properties overrides the value
@Retry(maxRetries = 2, delay = 300, retryOn = {UpstreamException.Retryable.class, TimeoutException.class})
@ExponentialBackoff
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
        failOn = {UpstreamException.Retryable.class, TimeoutException.class})
@Bulkhead(value = 4, waitingTaskQueue = 1000)
public class Anitya {
    public static final String UPSTREAM = "anitya";
    static final String DISTRIBUTION = "Fedora";

    private final AnityaClient client;
    private final String baseUrl;

    public Anitya(@RestClient AnityaClient client, @ConfigProperty(name = "quarkus.rest-client.anitya.url") String baseUrl) {
        this.client = client;
        this.baseUrl = Urls.trimmed(baseUrl);
    }

    /** The URL of {@link #fedoraPackage}, recorded as the document's source. */
    public String packagesUrl(String packageName) {
        return baseUrl + "/api/v2/packages/?name=" + URLEncoder.encode(packageName, StandardCharsets.UTF_8)
                + "&distribution=" + DISTRIBUTION;
    }

    /** The page of Fedora package mappings named so ({@code {"items": [...], "total_items": n}}). */
    public Uni<JsonNode> fedoraPackage(String packageName) {
        return client.packages(packageName, DISTRIBUTION)
                .map(body -> JsonBodies.parse(UPSTREAM, body))
                .onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t));
    }

    /** The projects named so in that ecosystem (one at most); empty when Anitya answers 404. */
    public Uni<Optional<JsonNode>> project(String name, String ecosystem) {
        return JsonBodies.optional(UPSTREAM, client.projects(name, ecosystem));
    }
}
