package org.fedoraproject.packages.worker.connector.mdapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.Urls;

/**
 * The mdapi upstream with its protections. Timeout, retries with back-off, circuit breaker and the
 * cap on concurrent calls are declared here and tuned per environment in application.properties
 * ({@code quarkus.fault-tolerance."...Mdapi".*}). 404 answers become {@link Optional#empty()}.
 */
@ApplicationScoped
@Timeout(10_000) // milliseconds: the unit stays when application.properties overrides the value
@Retry(maxRetries = 2, delay = 200, retryOn = {UpstreamException.Retryable.class, TimeoutException.class})
@ExponentialBackoff
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
        failOn = {UpstreamException.Retryable.class, TimeoutException.class})
@Bulkhead(value = 8, waitingTaskQueue = 1000)
public class Mdapi {
    public static final String UPSTREAM = "mdapi";

    private final MdapiClient client;
    private final String baseUrl;

    public Mdapi(@RestClient MdapiClient client, @ConfigProperty(name = "quarkus.rest-client.mdapi.url") String baseUrl) {
        this.client = client;
        this.baseUrl = Urls.trimmed(baseUrl);
    }

    /** The public URL of a call, recorded as a document's source. */
    public String url(String path) {
        return baseUrl + path;
    }

    public Uni<Optional<JsonNode>> branches() {
        return JsonBodies.optional(UPSTREAM, client.branches());
    }

    public Uni<Optional<JsonNode>> srcpkg(String branch, String name) {
        return JsonBodies.optional(UPSTREAM, client.srcpkg(branch, name));
    }

    public Uni<Optional<JsonNode>> pkg(String branch, String name) {
        return JsonBodies.optional(UPSTREAM, client.pkg(branch, name));
    }

    public Uni<Optional<JsonNode>> files(String branch, String name) {
        return JsonBodies.optional(UPSTREAM, client.files(branch, name));
    }

    public Uni<Optional<JsonNode>> changelog(String branch, String name) {
        return JsonBodies.optional(UPSTREAM, client.changelog(branch, name));
    }

    public Uni<Optional<JsonNode>> reverse(String branch, String relation, String name) {
        return JsonBodies.optional(UPSTREAM, client.reverse(branch, relation, name));
    }
}
