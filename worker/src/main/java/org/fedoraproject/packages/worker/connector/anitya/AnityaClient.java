package org.fedoraproject.packages.worker.connector.anitya;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Anitya, the upstream release monitor (https://release-monitoring.org), HTTP API v2. Bodies are
 * parsed by {@link Anitya}.
 */
@RegisterRestClient(configKey = "anitya")
public interface AnityaClient {
    /** {@code /api/v2/packages/?name=<package>&distribution=<distribution>}: the package's mapping to a project. */
    @GET
    @Path("/api/v2/packages/")
    Uni<String> packages(@QueryParam("name") String name, @QueryParam("distribution") String distribution);

    /** {@code /api/v2/projects/?name=<project>&ecosystem=<ecosystem>}: the project (name and ecosystem are unique together). */
    @GET
    @Path("/api/v2/projects/")
    Uni<String> projects(@QueryParam("name") String name, @QueryParam("ecosystem") String ecosystem);
}
