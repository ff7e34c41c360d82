package org.fedoraproject.packages.api.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

/** An RFC 9457 problem document, the body of every error the API returns. */
public record Problem(String type, String title, int status, String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static RestResponse<Problem> response(int status, String title, String detail) {
        return RestResponse.ResponseBuilder.<Problem>create(status)
                .entity(new Problem("about:blank", title, status, detail))
                .type(MEDIA_TYPE)
                .build();
    }

    public static RestResponse<Problem> of(Response.Status status, String detail) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    /** A problem that says when to try again (503s). */
    public static RestResponse<Problem> retryAfter(Response.Status status, String detail, String seconds) {
        return RestResponse.ResponseBuilder.fromResponse(of(status, detail)).header("Retry-After", seconds).build();
    }
}
