package org.fedoraproject.packages.worker.connector.anitya;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.fedoraproject.packages.worker.connector.JsonBodies;
import org.fedoraproject.packages.worker.connector.UpstreamErrors;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.Urls;

/**
 * The Anitya upstream: every call goes through {@link AnityaGuard}'s protections, and every failure
 * comes out as an {@link UpstreamException} naming anitya.
 */
@ApplicationScoped
public class Anitya {
    public static final String UPSTREAM = "anitya";
    static final String DISTRIBUTION = "Fedora";

    private final AnityaClient client;
    private final AnityaGuard guard;
    private final String baseUrl;

    public Anitya(@RestClient AnityaClient client, AnityaGuard guard,
            @ConfigProperty(name = "quarkus.rest-client.anitya.url") String baseUrl) {
        this.client = client;
        this.guard = guard;
        this.baseUrl = Urls.trimmed(baseUrl);
    }

    /** The URL of {@link #fedoraPackage}, recorded as the document's source. */
    public String packagesUrl(String packageName) {
        return baseUrl + "/api/v2/packages/?name=" + URLEncoder.encode(packageName, StandardCharsets.UTF_8)
                + "&distribution=" + DISTRIBUTION;
    }

    /** The page of Fedora package mappings named so ({@code {"items": [...], "total_items": n}}). */
    public Uni<JsonNode> fedoraPackage(String packageName) {
        return guarded(() -> client.packages(packageName, DISTRIBUTION)
                .map(body -> JsonBodies.parse(UPSTREAM, body))
                .onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t)));
    }

    /** The projects named so in that ecosystem (one at most); empty when Anitya answers 404. */
    public Uni<Optional<JsonNode>> project(String name, String ecosystem) {
        return guarded(() -> JsonBodies.optional(UPSTREAM, client.projects(name, ecosystem)));
    }

    /** What the protections throw themselves (timeout, open circuit, full bulkhead) is named here. */
    private <T> Uni<T> guarded(Supplier<Uni<T>> call) {
        return guard.call(call).onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t));
    }
}
