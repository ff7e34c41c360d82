package org.fedoraproject.packages.worker.connector.koschei;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
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
 * The Koschei upstream with its protections (tuned in application.properties under
 * {@code quarkus.fault-tolerance."...Koschei".*}).
 */
@ApplicationScoped
@Timeout(15_000) // milliseconds: the unit stays when application.properties overrides the value
@Retry(maxRetries = 2, delay = 300, retryOn = {UpstreamException.Retryable.class, TimeoutException.class})
@ExponentialBackoff
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
        failOn = {UpstreamException.Retryable.class, TimeoutException.class})
@Bulkhead(value = 4, waitingTaskQueue = 1000)
public class Koschei {
    public static final String UPSTREAM = "koschei";

    private final KoscheiClient client;
    private final String baseUrl;

    public Koschei(@RestClient KoscheiClient client, @ConfigProperty(name = "quarkus.rest-client.koschei.url") String baseUrl) {
        this.client = client;
        this.baseUrl = Urls.trimmed(baseUrl);
    }

    public String packagesUrl(String packageName) {
        return baseUrl + "/api/v1/packages?name=" + URLEncoder.encode(packageName, StandardCharsets.UTF_8);
    }

    /** The package in each collection ({@code [{"name", "collection", "state", "last_complete_build"}]}). */
    public Uni<JsonNode> packages(String packageName) {
        return client.packages(packageName)
                .map(body -> JsonBodies.parse(UPSTREAM, body))
                .onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t));
    }
}
