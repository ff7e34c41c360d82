package org.fedoraproject.packages.api.rest;

import jakarta.ws.rs.core.Response;

/**
 * Query parameters taken as text and checked here, so that {@code limit=abc} or an overflowing number is
 * a 400 problem naming the parameter (JAX-RS would answer a failed conversion with 404).
 */
final class QueryParams {
    private QueryParams() {
    }

    /** A whole number in [min, max]. */
    static long number(String name, String value, long min, long max) {
        try {
            long n = Long.parseLong(value.strip());
            if (n < min || n > max) {
                throw bad(name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(name + " must be a whole number between " + min + " and " + max);
        }
    }

    static ProblemException bad(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, detail);
    }
}
