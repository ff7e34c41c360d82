package org.fedoraproject.packages.worker.connector.bugzilla;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
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
 * The Bugzilla upstream with its protections (tuned in application.properties under
 * {@code quarkus.fault-tolerance."...Bugzilla".*}). The timeout is long on purpose: a search over a
 * big component (kernel, hundreds of open bugs) takes Bugzilla many seconds, and the old app needed a
 * 300 s socket timeout for it. Few concurrent calls, since each one is heavy for Bugzilla.
 */
@ApplicationScoped
@Timeout(30_000) // milliseconds: the unit stays when application.properties overrides the value
@Retry(maxRetries = 2, delay = 500, retryOn = {UpstreamException.Retryable.class, TimeoutException.class})
@ExponentialBackoff
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
        failOn = {UpstreamException.Retryable.class, TimeoutException.class})
@Bulkhead(value = 4, waitingTaskQueue = 1000)
public class Bugzilla {
    public static final String UPSTREAM = "bugzilla";
    /** Fedora's bugs live in these two products. */
    static final List<String> PRODUCTS = List.of("Fedora", "Fedora EPEL");
    /** Every status that means "open", in the order bugs are listed. */
    static final List<String> OPEN_STATUSES = List.of("NEW", "ASSIGNED", "POST", "MODIFIED", "ON_DEV", "ON_QA",
            "VERIFIED", "RELEASE_PENDING");
    static final String FIELDS = "id,summary,status,severity,priority,assigned_to,product,version,component,"
            + "last_change_time,creation_time,keywords";
    static final int LIMIT = 500;

    private final BugzillaClient client;
    private final String baseUrl;

    public Bugzilla(@RestClient BugzillaClient client,
            @ConfigProperty(name = "quarkus.rest-client.bugzilla.url") String baseUrl) {
        this.client = client;
        this.baseUrl = Urls.trimmed(baseUrl);
    }

    /** The open bugs of a component in Fedora and Fedora EPEL ({@code {"bugs": [...]}}). */
    public Uni<JsonNode> openBugs(String component) {
        return client.search(PRODUCTS, component, OPEN_STATUSES, FIELDS, LIMIT)
                .map(body -> JsonBodies.parse(UPSTREAM, body))
                .onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t));
    }

    /** The URL of {@link #openBugs}, recorded as the document's source. */
    public String searchUrl(String component) {
        return baseUrl + "/rest/bug?"
                + PRODUCTS.stream().map(p -> "product=" + encode(p)).collect(Collectors.joining("&"))
                + "&component=" + encode(component) + "&"
                + OPEN_STATUSES.stream().map(s -> "bug_status=" + s).collect(Collectors.joining("&"))
                + "&include_fields=" + FIELDS + "&limit=" + LIMIT;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
