package org.fedoraproject.packages.api.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The data changes when an event arrives, not on a schedule: a client or proxy may keep an answer but
 * must revalidate it (ETag → 304) before each use, so nobody is served a stale page after an event.
 */
public class CachingHeaders {
    static final String REVALIDATE = "no-cache";

    @ServerResponseFilter
    public void cacheControl(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/api/") && !response.getHeaders().containsKey("Cache-Control")) {
            int status = response.getStatus();
            response.getHeaders().putSingle("Cache-Control", status == 200 || status == 304 ? REVALIDATE : "no-store");
        }
    }
}
