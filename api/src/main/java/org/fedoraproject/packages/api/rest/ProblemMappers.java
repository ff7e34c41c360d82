package org.fedoraproject.packages.api.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json; none carries a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final StoreOutage outage;

    public ProblemMappers(StoreOutage outage) {
        this.outage = outage;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e) {
        RestResponse<Problem> problem = e.retryAfter() == null ? Problem.of(e.status(), e.getMessage())
                : Problem.retryAfter(e.status(), e.getMessage(), e.retryAfter());
        return e.challenge() == null ? problem
                : RestResponse.ResponseBuilder.fromResponse(problem).header("WWW-Authenticate", e.challenge()).build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> searchUnavailable(org.fedoraproject.packages.api.search.SearchUnavailableException e) {
        return Problem.retryAfter(Response.Status.SERVICE_UNAVAILABLE, e.getMessage(),
                org.fedoraproject.packages.api.search.SearchUnavailableException.RETRY_AFTER_SECONDS);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notFound(NotFoundException e) {
        return Problem.of(Response.Status.NOT_FOUND, "No such resource");
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, jakarta.ws.rs.core.UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        RestResponse<Problem> problem = Problem.response(status, type == null ? "Error" : type.getReasonPhrase(),
                status >= 500 ? "The server could not answer" : String.valueOf(e.getMessage()));
        // a 405 says which methods the resource takes (RFC 9110 §15.5.6): the API reads, but for the admin actions
        return status == 405 ? RestResponse.ResponseBuilder.fromResponse(problem).header("Allow", allowed(uri.getPath())).build() : problem;
    }

    private static String allowed(String path) {
        return path.startsWith("/api/v1/admin/") && !path.endsWith("/status") ? "POST" : "GET, HEAD";
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable t) {
        if (StoreOutage.isConnectionFailure(t)) {
            return outage.problem(t);
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(t, "unexpected error %s", id);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "Unexpected error; reference " + id);
    }
}
