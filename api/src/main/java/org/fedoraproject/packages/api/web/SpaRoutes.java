package org.fedoraproject.packages.api.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The SPA routes on the client (History API): a browser that loads /packages/curl/builds directly must
 * get index.html, which the SPA then renders. API, health and OpenAPI paths are left alone.
 */
@Singleton
public class SpaRoutes {
    void install(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.normalizedPath();
            if (("GET".equals(rc.request().method().name()) || "HEAD".equals(rc.request().method().name()))
                    && (path.equals("/packages") || path.startsWith("/packages/"))) {
                rc.reroute("/index.html");
                return;
            }
            rc.next();
        }, 100);
    }
}
