package org.fedoraproject.packages.worker.connector.bodhi;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Bodhi, Fedora's update system (https://bodhi.fedoraproject.org). Bodies are parsed by {@link Bodhi}. */
@RegisterRestClient(configKey = "bodhi")
public interface BodhiClient {
    /** {@code /releases/?state=current&state=pending&state=frozen&rows_per_page=100&page=N} */
    @GET
    @Path("/releases/")
    Uni<String> releases(@QueryParam("state") List<String> states, @QueryParam("rows_per_page") int rowsPerPage,
            @QueryParam("page") int page);

    /** {@code /updates/?packages=<name>&rows_per_page=N&page=1}: newest first. */
    @GET
    @Path("/updates/")
    Uni<String> updates(@QueryParam("packages") String packageName, @QueryParam("rows_per_page") int rowsPerPage,
            @QueryParam("page") int page);
}
