package org.fedoraproject.packages.worker.connector.bugzilla;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Red Hat Bugzilla's native REST API (https://bugzilla.redhat.com/rest). Bodies are parsed by
 * {@link Bugzilla}, which owns retries, the (long) timeout and the circuit breaker.
 */
@RegisterRestClient(configKey = "bugzilla")
public interface BugzillaClient {
    /**
     * Bug search ({@code GET /rest/bug}): repeated {@code product} and {@code bug_status} are OR-ed,
     * {@code include_fields} trims each bug to the listed fields, {@code limit} caps the list.
     */
    @GET
    @Path("/rest/bug")
    Uni<String> search(@QueryParam("product") List<String> products, @QueryParam("component") String component,
            @QueryParam("bug_status") List<String> statuses, @QueryParam("include_fields") String includeFields,
            @QueryParam("limit") int limit);
}
