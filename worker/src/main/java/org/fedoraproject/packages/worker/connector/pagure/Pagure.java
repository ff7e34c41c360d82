package org.fedoraproject.packages.worker.connector.pagure;

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
 * The dist-git (Pagure) upstream with its protections (tuned in application.properties under
 * {@code quarkus.fault-tolerance."...Pagure".*}). Used by the sources and maintainers connectors.
 * 404 answers become {@link Optional#empty()}.
 */
@ApplicationScoped
@Timeout(15_000) // milliseconds: the unit stays when application.properties overrides the value
@Retry(maxRetries = 2, delay = 300, retryOn = {UpstreamException.Retryable.class, TimeoutException.class})
@ExponentialBackoff
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
        failOn = {UpstreamException.Retryable.class, TimeoutException.class})
// one worker's lane (8 entries, each fanning out) must not queue behind its own cap
@Bulkhead(value = 16, waitingTaskQueue = 1000)
public class Pagure {
    public static final String UPSTREAM = "pagure";

    private final PagureClient client;
    private final String baseUrl;

    public Pagure(@RestClient PagureClient client, @ConfigProperty(name = "quarkus.rest-client.pagure.url") String baseUrl) {
        this.client = client;
        this.baseUrl = Urls.trimmed(baseUrl);
    }

    /** The URL of an API call, recorded as a document's source. */
    public String url(String path) {
        return baseUrl + path;
    }

    public Uni<Optional<JsonNode>> project(String name) {
        return JsonBodies.optional(UPSTREAM, client.project(name));
    }

    public Uni<Optional<JsonNode>> branchesWithCommits(String name) {
        return JsonBodies.optional(UPSTREAM, client.branches(name, true));
    }

    public Uni<Optional<JsonNode>> commit(String name, String commit) {
        return JsonBodies.optional(UPSTREAM, client.commit(name, commit));
    }

    /** A file as text; empty when the branch or file does not exist. */
    public Uni<Optional<String>> rawFile(String name, String branch, String file) {
        return JsonBodies.optionalText(UPSTREAM, client.raw(name, branch, file));
    }
}
