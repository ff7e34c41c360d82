package org.fedoraproject.packages.worker.connector.mdapi;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * mdapi, the repository-metadata API (https://mdapi.fedoraproject.org). Bodies are read as text and
 * parsed by {@link Mdapi}, which also owns retries, timeouts and the circuit breaker.
 */
@RegisterRestClient(configKey = "mdapi")
public interface MdapiClient {
    @GET
    @Path("/branches")
    Uni<String> branches();

    @GET
    @Path("/{branch}/srcpkg/{name}")
    Uni<String> srcpkg(@PathParam("branch") String branch, @PathParam("name") String name);

    @GET
    @Path("/{branch}/pkg/{name}")
    Uni<String> pkg(@PathParam("branch") String branch, @PathParam("name") String name);

    @GET
    @Path("/{branch}/files/{name}")
    Uni<String> files(@PathParam("branch") String branch, @PathParam("name") String name);

    @GET
    @Path("/{branch}/changelog/{name}")
    Uni<String> changelog(@PathParam("branch") String branch, @PathParam("name") String name);

    /** Reverse lookups: {@code relation} is {@code whatrequires}, {@code whatrecommends}, … */
    @GET
    @Path("/{branch}/{relation}/{name}")
    Uni<String> reverse(@PathParam("branch") String branch, @PathParam("relation") String relation,
            @PathParam("name") String name);
}
