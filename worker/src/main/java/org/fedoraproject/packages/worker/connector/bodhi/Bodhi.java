package org.fedoraproject.packages.worker.connector.bodhi;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.fedoraproject.packages.worker.connector.JsonBodies;
import org.fedoraproject.packages.worker.connector.UpstreamErrors;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.Urls;

/**
 * The Bodhi upstream, used by the updates and versions connectors: every call goes through
 * {@link BodhiGuard}'s protections, and every failure comes out as an {@link UpstreamException} naming
 * bodhi.
 */
@ApplicationScoped
public class Bodhi {
    public static final String UPSTREAM = "bodhi";
    static final List<String> ACTIVE_STATES = List.of("current", "pending", "frozen");

    private final BodhiClient client;
    private final BodhiGuard guard;
    private final String baseUrl;

    public Bodhi(@RestClient BodhiClient client, BodhiGuard guard,
            @ConfigProperty(name = "quarkus.rest-client.bodhi.url") String baseUrl) {
        this.client = client;
        this.guard = guard;
        this.baseUrl = Urls.trimmed(baseUrl);
    }

    public String url(String pathAndQuery) {
        return baseUrl + pathAndQuery;
    }

    /** One page of the active releases (current, pending, frozen). */
    public Uni<JsonNode> activeReleases(int page) {
        return guarded(() -> JsonBodies.optional(UPSTREAM, client.releases(ACTIVE_STATES, 100, page))
                .map(found -> found.orElseThrow(() -> UpstreamException.of(UpstreamException.Kind.CLIENT_ERROR,
                        UPSTREAM, "/releases/ answered 404", null))));
    }

    /**
     * The newest updates of a package (one page, newest first). Empty when Bodhi does not know the
     * package: it answers {@code 400} with {@code errors: [{"name": "packages", "description":
     * "Invalid packages specified: <name>"}]} for a name that never had an update (its
     * {@code validate_packages}), and 404 would mean the same. A known package without updates is
     * a {@code 200} with {@code total: 0}, which is returned as it is.
     */
    public Uni<Optional<JsonNode>> updates(String packageName, int rows) {
        return guarded(() -> client.updates(packageName, rows, 1)
                .map(body -> Optional.of(JsonBodies.parse(UPSTREAM, body)))
                .onFailure(t -> UpstreamErrors.isNotFound(t) || isUnknownPackage(t)).recoverWithItem(Optional.empty())
                .onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t)));
    }

    /** Bodhi's validation error for a {@code packages} value it has no package for. */
    static boolean isUnknownPackage(Throwable t) {
        if (!(t instanceof WebApplicationException w) || w.getResponse() == null || w.getResponse().getStatus() != 400) {
            return false;
        }
        try {
            JsonNode errors = JsonBodies.parse(UPSTREAM, w.getResponse().readEntity(String.class)).path("errors");
            for (JsonNode error : errors) {
                if ("packages".equals(error.path("name").asText())
                        && error.path("description").asText().startsWith("Invalid packages specified")) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException unreadable) {
            return false; // another 400 (or no body to read): a client error, not "unknown package"
        }
    }

    /** What the protections throw themselves (timeout, open circuit, full bulkhead) is named here. */
    private <T> Uni<T> guarded(Supplier<Uni<T>> call) {
        return guard.call(call).onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t));
    }
}
