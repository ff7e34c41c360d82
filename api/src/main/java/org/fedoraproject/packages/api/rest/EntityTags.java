package org.fedoraproject.packages.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * An ETag on every successful GET of the API, and If-None-Match answered with 304 as RFC 9110 §13.1.2
 * says: a list of tags, {@code *}, and weak comparison ({@code W/"x"} matches {@code "x"}). Documents carry
 * their version as ETag (set by their resource); other answers get a digest of their body.
 */
public class EntityTags {
    private final ObjectMapper mapper;

    public EntityTags(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The entity tag of a body: a digest of its bytes. */
    public static String of(String body) {
        return of(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The entity tag of a body already in bytes. */
    public static String of(byte[] body) {
        return "\"" + digest(body) + "\"";
    }

    /** Whether an If-None-Match header value matches {@code etag} (weak comparison). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String wanted = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || !c.isEmpty() && opaque(c).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The answer of a resource that knows its tag before building its body: 304 when If-None-Match matches
     * {@code etag} (the body is then never built), else 200 with the body; both carry the ETag.
     */
    static <T> RestResponse<T> respond(String etag, String ifNoneMatch, java.util.function.Supplier<T> body) {
        if (matches(ifNoneMatch, etag)) {
            return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED).header("ETag", etag).build();
        }
        return RestResponse.ResponseBuilder.ok(body.get(), jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE).header("ETag", etag).build();
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || !request.getUriInfo().getPath().startsWith("/api/")
                || response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        Object etag = response.getHeaders().getFirst("ETag");
        if (etag == null) {
            etag = "\"" + digest(body(response.getEntity())) + "\"";
            response.getHeaders().putSingle("ETag", etag);
        }
        if (matches(request.getHeaderString("If-None-Match"), etag.toString())) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    private byte[] body(Object entity) throws JsonProcessingException {
        return entity instanceof byte[] bytes ? bytes
                : entity instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : mapper.writeValueAsBytes(entity);
    }

    private static String digest(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
