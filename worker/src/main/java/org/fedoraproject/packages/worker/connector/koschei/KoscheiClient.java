package org.fedoraproject.packages.worker.connector.koschei;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Koschei, Fedora's continuous rebuild service (https://koschei.fedoraproject.org). Bodies are
 * parsed by {@link Koschei}.
 */
@RegisterRestClient(configKey = "koschei")
public interface KoscheiClient {
    /** {@code /api/v1/packages?name=<name>}: the package in every collection that tracks it. */
    @GET
    @Path("/api/v1/packages")
    Uni<String> packages(@QueryParam("name") String name);
}
