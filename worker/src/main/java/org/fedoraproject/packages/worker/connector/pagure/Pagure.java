package org.fedoraproject.packages.worker.connector.pagure;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.fedoraproject.packages.worker.connector.JsonBodies;
import org.fedoraproject.packages.worker.connector.UpstreamErrors;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.Urls;

/**
 * The dist-git (Pagure) upstream, used by the sources and maintainers connectors: every call goes
 * through {@link PagureGuard}'s protections, and every failure comes out as an
 * {@link UpstreamException} naming pagure. 404 answers become {@link Optional#empty()}.
 */
@ApplicationScoped
public class Pagure {
    public static final String UPSTREAM = "pagure";

    private final PagureClient client;
    private final PagureGuard guard;
    private final String baseUrl;

    public Pagure(@RestClient PagureClient client, PagureGuard guard,
            @ConfigProperty(name = "quarkus.rest-client.pagure.url") String baseUrl) {
        this.client = client;
        this.guard = guard;
        this.baseUrl = Urls.trimmed(baseUrl);
    }

    /** The URL of an API call, recorded as a document's source. */
    public String url(String path) {
        return baseUrl + path;
    }

    public Uni<Optional<JsonNode>> project(String name) {
        return guarded(() -> JsonBodies.optional(UPSTREAM, client.project(name)));
    }

    public Uni<Optional<JsonNode>> branchesWithCommits(String name) {
        return guarded(() -> JsonBodies.optional(UPSTREAM, client.branches(name, true)));
    }

    public Uni<Optional<JsonNode>> commit(String name, String commit) {
        return guarded(() -> JsonBodies.optional(UPSTREAM, client.commit(name, commit)));
    }

    /** A file as text; empty when the branch or file does not exist. */
    public Uni<Optional<String>> rawFile(String name, String branch, String file) {
        return guarded(() -> JsonBodies.optionalText(UPSTREAM, client.raw(name, branch, file)));
    }

    /** What the protections throw themselves (timeout, open circuit, full bulkhead) is named here. */
    private <T> Uni<T> guarded(Supplier<Uni<T>> call) {
        return guard.call(call).onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t));
    }
}
