package org.fedoraproject.packages.worker.connector.bugzilla;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.fedoraproject.packages.worker.connector.JsonBodies;
import org.fedoraproject.packages.worker.connector.UpstreamErrors;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.Urls;

/**
 * The Bugzilla upstream: every call goes through {@link BugzillaGuard}'s protections, and every failure
 * comes out as an {@link UpstreamException} naming bugzilla.
 */
@ApplicationScoped
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
    private final BugzillaGuard guard;
    private final String baseUrl;

    public Bugzilla(@RestClient BugzillaClient client, BugzillaGuard guard,
            @ConfigProperty(name = "quarkus.rest-client.bugzilla.url") String baseUrl) {
        this.client = client;
        this.guard = guard;
        this.baseUrl = Urls.trimmed(baseUrl);
    }

    /** The open bugs of a component in Fedora and Fedora EPEL ({@code {"bugs": [...]}}). */
    public Uni<JsonNode> openBugs(String component) {
        return guarded(() -> client.search(PRODUCTS, component, OPEN_STATUSES, FIELDS, LIMIT)
                .map(body -> JsonBodies.parse(UPSTREAM, body))
                .onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t)));
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

    /** What the protections throw themselves (timeout, open circuit, full bulkhead) is named here. */
    private <T> Uni<T> guarded(Supplier<Uni<T>> call) {
        return guard.call(call).onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t));
    }
}
