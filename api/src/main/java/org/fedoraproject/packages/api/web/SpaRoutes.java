package org.fedoraproject.packages.api.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.fedoraproject.packages.api.store.PackageReader;
import org.fedoraproject.packages.contract.PackageNames;

/**
 * Serves the SPA (built into the jar under META-INF/resources). It routes on the client with the
 * History API, so a browser that loads /packages/curl/builds directly must get index.html. API,
 * health and OpenAPI paths are left alone. Vite names assets by content hash, so they may be cached
 * for ever; index.html must be revalidated so that a new release is picked up.
 *
 * <p>A package page of a name that is neither a known source package nor a binary (sub-)package of
 * one is the same shell with status 404, so that crawlers and link checkers see what a person sees
 * ("no package named …"). When the store cannot answer, the shell is served with 200: the SPA then
 * asks the API itself.
 */
@Singleton
public class SpaRoutes {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    /** Set on the request (its data survives the reroute, its end handlers do not) when the package is unknown. */
    static final String UNKNOWN_PACKAGE = "fp.unknownPackage";

    private final PackageReader reader;

    public SpaRoutes(PackageReader reader) {
        this.reader = reader;
    }

    void install(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.normalizedPath();
            String method = rc.request().method().name();
            boolean read = "GET".equals(method) || "HEAD".equals(method);
            if (read && path.startsWith("/assets/")) {
                rc.addHeadersEndHandler(v -> rc.response().headers().set("Cache-Control", IMMUTABLE));
            } else if (read && (path.equals("/") || path.equals("/index.html"))) {
                boolean unknown = Boolean.TRUE.equals(rc.get(UNKNOWN_PACKAGE));
                rc.addHeadersEndHandler(v -> {
                    rc.response().headers().set("Cache-Control", REVALIDATE);
                    if (unknown && rc.response().getStatusCode() == 200) {
                        rc.response().setStatusCode(404);
                    }
                });
            } else if (read && (path.equals("/search") || path.equals("/packages"))) {
                rc.reroute("/index.html");
                return;
            } else if (read && path.startsWith("/packages/")) {
                servePackagePage(rc, packageName(path));
                return;
            }
            rc.next();
        }, 100);
    }

    /** The name in /packages/{name}[/{tab}], or empty when the path has another shape. */
    static Optional<String> packageName(String path) {
        String[] parts = path.substring("/packages/".length()).split("/", -1);
        if (parts.length > 2 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URLDecoder.decode(parts[0].replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void servePackagePage(RoutingContext rc, Optional<String> name) {
        if (name.isEmpty() || !PackageNames.isValid(name.get())) {
            // Not a package page the SPA knows (or not a name at all): its "page not found" view.
            rc.reroute("/index.html");
            return;
        }
        String pkg = name.get();
        reader.isKnown(pkg)
                .flatMap(known -> known
                        ? Uni.createFrom().item(true)
                        : reader.sourceOfBinary(pkg).map(Optional::isPresent))
                .subscribe().with(known -> {
                    if (!known) {
                        answerNotFound(rc);
                    }
                    rc.reroute("/index.html");
                }, failure -> rc.reroute("/index.html"));
    }

    /**
     * Marks the request so that the shell is answered with 404 once rerouted to /index.html; no
     * conditional answer then (a 304 would turn into an empty 404).
     */
    private static void answerNotFound(RoutingContext rc) {
        rc.request().headers().remove(HttpHeaders.IF_NONE_MATCH).remove(HttpHeaders.IF_MODIFIED_SINCE);
        rc.put(UNKNOWN_PACKAGE, true);
    }
}
