package org.fedoraproject.packages.worker.connector.koji;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Koji's hub (https://koji.fedoraproject.org/kojihub): XML-RPC, one POST of a {@code <methodCall>} to
 * the hub URL per call. Bodies are built and parsed by {@link XmlRpc}; {@link Koji} owns retries,
 * timeouts, the circuit breaker and the cap on concurrent calls.
 */
@RegisterRestClient(configKey = "koji")
public interface KojiClient {
    @POST
    @Consumes(MediaType.TEXT_XML)
    @Produces(MediaType.TEXT_XML)
    Uni<String> call(String methodCall);
}
