package org.fedoraproject.packages.api.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin endpoints' bearer token ({@code fp.admin.token}, from the environment as FP_ADMIN_TOKEN in
 * production). Without a configured token every admin call is refused, so an instance deployed without
 * one is never open.
 */
@ApplicationScoped
public class AdminToken {
    private static final String BEARER = "Bearer ";

    private final Optional<String> token;

    public AdminToken(@ConfigProperty(name = "fp.admin.token") Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank());
    }

    /** 401 without credentials (with a Bearer challenge), 403 with wrong ones or when no token is configured. */
    public void check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ProblemException(Response.Status.UNAUTHORIZED,
                    "Admin endpoints need 'Authorization: Bearer <token>'", null, "Bearer realm=\"fedora-packages-admin\"");
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        if (token.isEmpty()) {
            throw new ProblemException(Response.Status.FORBIDDEN, "Admin endpoints are disabled: no fp.admin.token is configured");
        }
        // constant time: the comparison must not tell how many leading characters were right
        if (!MessageDigest.isEqual(given, token.get().getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(Response.Status.FORBIDDEN, "The admin token is wrong");
        }
    }
}
