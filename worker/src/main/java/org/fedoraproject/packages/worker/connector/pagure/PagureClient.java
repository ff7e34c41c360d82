package org.fedoraproject.packages.worker.connector.pagure;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Fedora's dist-git, a Pagure instance (https://src.fedoraproject.org), namespace {@code rpms}.
 * Bodies are read as text and parsed (or kept as text) by {@link Pagure}.
 */
@RegisterRestClient(configKey = "pagure")
public interface PagureClient {
    /** The project: access lists, description, dates. */
    @GET
    @Path("/api/0/rpms/{name}")
    Uni<String> project(@PathParam("name") String name);

    /** {@code ?with_commits=true}: branch names with the commit hash at each head. */
    @GET
    @Path("/api/0/rpms/{name}/git/branches")
    Uni<String> branches(@PathParam("name") String name, @QueryParam("with_commits") boolean withCommits);

    /** Metadata of one commit. */
    @GET
    @Path("/api/0/rpms/{name}/c/{commit}/info")
    Uni<String> commit(@PathParam("name") String name, @PathParam("commit") String commit);

    /** A file of the repository as it is on a branch (the web UI's raw view: text, not JSON). */
    @GET
    @Path("/rpms/{name}/raw/{branch}/f/{file}")
    @Produces(MediaType.TEXT_PLAIN)
    Uni<String> raw(@PathParam("name") String name, @PathParam("branch") String branch, @PathParam("file") String file);
}
