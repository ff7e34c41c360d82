package org.fedoraproject.packages.api.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Serves the SPA (built into the jar under META-INF/resources). It routes on the client with the
 * History API, so a browser that loads /packages/curl/builds directly must get index.html. API,
 * health and OpenAPI paths are left alone. Vite names assets by content hash, so they may be cached
 * for ever; index.html must be revalidated so that a new release is picked up.
 */
@Singleton
public class SpaRoutes {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    void install(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.normalizedPath();
            String method = rc.request().method().name();
            boolean read = "GET".equals(method) || "HEAD".equals(method);
            if (read && path.startsWith("/assets/")) {
                rc.addHeadersEndHandler(v -> rc.response().headers().set("Cache-Control", IMMUTABLE));
            } else if (read && (path.equals("/") || path.equals("/index.html"))) {
                rc.addHeadersEndHandler(v -> rc.response().headers().set("Cache-Control", REVALIDATE));
            } else if (read && (path.equals("/packages") || path.startsWith("/packages/"))) {
                rc.reroute("/index.html");
                return;
            }
            rc.next();
        }, 100);
    }
}
