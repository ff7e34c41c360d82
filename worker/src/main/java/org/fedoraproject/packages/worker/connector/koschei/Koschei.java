package org.fedoraproject.packages.worker.connector.koschei;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.fedoraproject.packages.worker.connector.JsonBodies;
import org.fedoraproject.packages.worker.connector.UpstreamErrors;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.Urls;

/**
 * The Koschei upstream: every call goes through {@link KoscheiGuard}'s protections, and every failure
 * comes out as an {@link UpstreamException} naming koschei.
 */
@ApplicationScoped
public class Koschei {
    public static final String UPSTREAM = "koschei";

    private final KoscheiClient client;
    private final KoscheiGuard guard;
    private final String baseUrl;

    public Koschei(@RestClient KoscheiClient client, KoscheiGuard guard,
            @ConfigProperty(name = "quarkus.rest-client.koschei.url") String baseUrl) {
        this.client = client;
        this.guard = guard;
        this.baseUrl = Urls.trimmed(baseUrl);
    }

    public String packagesUrl(String packageName) {
        return baseUrl + "/api/v1/packages?name=" + URLEncoder.encode(packageName, StandardCharsets.UTF_8);
    }

    /** The package in each collection ({@code [{"name", "collection", "state", "last_complete_build"}]}). */
    public Uni<JsonNode> packages(String packageName) {
        return guarded(() -> client.packages(packageName)
                .map(body -> JsonBodies.parse(UPSTREAM, body))
                .onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t)));
    }

    /** What the protections throw themselves (timeout, open circuit, full bulkhead) is named here. */
    private <T> Uni<T> guarded(Supplier<Uni<T>> call) {
        return guard.call(call).onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t));
    }
}
