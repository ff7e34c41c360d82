package org.fedoraproject.packages.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * HEAD answers carry the Content-Length the GET would have (RFC 9110 §9.3.2), so a tool can size a
 * download or compare without fetching it; the body is dropped as usual.
 */
public class HeadLength {
    private final ObjectMapper mapper;

    public HeadLength(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerResponseFilter
    public void contentLength(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        if (!"HEAD".equals(request.getMethod()) || !response.hasEntity() || response.getHeaders().containsKey("Content-Length")) {
            return;
        }
        Object entity = response.getEntity();
        long length = entity instanceof byte[] bytes ? bytes.length
                : entity instanceof String text ? text.getBytes(StandardCharsets.UTF_8).length
                : mapper.writeValueAsBytes(entity).length;
        response.getHeaders().putSingle("Content-Length", Long.toString(length));
    }
}
