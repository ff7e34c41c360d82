package org.fedoraproject.packages.api.rest;

import jakarta.ws.rs.core.Response;

/** Thrown by resources to answer with a problem document. */
public class ProblemException extends RuntimeException {
    private final Response.Status status;
    private final String retryAfter;
    private final String challenge;

    public ProblemException(Response.Status status, String detail) {
        this(status, detail, null);
    }

    /** With {@code retryAfter} seconds, answered in a Retry-After header. */
    public ProblemException(Response.Status status, String detail, String retryAfter) {
        this(status, detail, retryAfter, null);
    }

    /** With a {@code WWW-Authenticate} challenge (401s). */
    public ProblemException(Response.Status status, String detail, String retryAfter, String challenge) {
        super(detail);
        this.status = status;
        this.retryAfter = retryAfter;
        this.challenge = challenge;
    }

    public String challenge() {
        return challenge;
    }

    public String retryAfter() {
        return retryAfter;
    }

    public Response.Status status() {
        return status;
    }

    public static ProblemException badName(String name) {
        return new ProblemException(Response.Status.BAD_REQUEST, "'" + abbreviate(name)
                + "' is not a valid package name: letters, digits and . _ + - only, starting with a letter or digit, at most 200 characters");
    }

    public static ProblemException unknownPackage(String name) {
        return new ProblemException(Response.Status.NOT_FOUND, "No package named '" + name + "' is known");
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
