package org.fedoraproject.packages.api.rest;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Rejects API requests with a query parameter the endpoint does not take ({@code ?limt=5}, {@code ?q=vim&brnch=f43}):
 * a 400 problem naming it and the ones allowed, rather than an answer that silently ignored it.
 */
public class UnknownParameters {
    private final Map<Method, Set<String>> allowed = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Optional<RestResponse<Problem>> check(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (!request.getUriInfo().getPath().startsWith("/api/") || resource == null) {
            return Optional.empty();
        }
        Set<String> names = allowed.computeIfAbsent(method(resource), UnknownParameters::declared);
        Set<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(names);
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Problem.of(jakarta.ws.rs.core.Response.Status.BAD_REQUEST, "unknown query parameter "
                + String.join(", ", unknown) + "; this endpoint takes " + (names.isEmpty() ? "none" : String.join(", ", new TreeSet<>(names)))));
    }

    private static Method method(SimpleResourceInfo r) {
        try {
            return r.getResourceClass().getMethod(r.getMethodName(), r.parameterTypes());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> declared(Method m) {
        Set<String> names = new HashSet<>();
        for (var annotations : m.getParameterAnnotations()) {
            for (var a : annotations) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                }
            }
        }
        return names;
    }
}
