package org.fedoraproject.packages.worker.connector.mdapi;

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
 * The mdapi upstream: every call goes through {@link MdapiGuard}'s protections, and every failure comes
 * out as an {@link UpstreamException} naming mdapi. 404 answers become {@link Optional#empty()}.
 */
@ApplicationScoped
public class Mdapi {
    public static final String UPSTREAM = "mdapi";

    private final MdapiClient client;
    private final MdapiGuard guard;
    private final String baseUrl;

    public Mdapi(@RestClient MdapiClient client, MdapiGuard guard,
            @ConfigProperty(name = "quarkus.rest-client.mdapi.url") String baseUrl) {
        this.client = client;
        this.guard = guard;
        this.baseUrl = Urls.trimmed(baseUrl);
    }

    /** The public URL of a call, recorded as a document's source. */
    public String url(String path) {
        return baseUrl + path;
    }

    public Uni<Optional<JsonNode>> branches() {
        return guarded(() -> JsonBodies.optional(UPSTREAM, client.branches()));
    }

    public Uni<Optional<JsonNode>> srcpkg(String branch, String name) {
        return guarded(() -> JsonBodies.optional(UPSTREAM, client.srcpkg(branch, name)));
    }

    public Uni<Optional<JsonNode>> pkg(String branch, String name) {
        return guarded(() -> JsonBodies.optional(UPSTREAM, client.pkg(branch, name)));
    }

    public Uni<Optional<JsonNode>> files(String branch, String name) {
        return guarded(() -> JsonBodies.optional(UPSTREAM, client.files(branch, name)));
    }

    public Uni<Optional<JsonNode>> changelog(String branch, String name) {
        return guarded(() -> JsonBodies.optional(UPSTREAM, client.changelog(branch, name)));
    }

    public Uni<Optional<JsonNode>> reverse(String branch, String relation, String name) {
        return guarded(() -> JsonBodies.optional(UPSTREAM, client.reverse(branch, relation, name)));
    }

    /** What the protections throw themselves (timeout, open circuit, full bulkhead) is named here. */
    private <T> Uni<T> guarded(Supplier<Uni<T>> call) {
        return guard.call(call).onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t));
    }
}
