package org.fedoraproject.packages.api.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Requests refused before any routing still get a problem+json answer: a URI longer than {@link #MAX_URI}
 * (414), headers larger than {@link #MAX_HEADERS} (431) or bytes that are not valid in a URI (a bad
 * percent-escape, a control character: 400). The HTTP server's own limits are set higher in
 * application.properties so that such requests reach this filter; only beyond those does the server
 * answer by itself (a bare status line), and so does it for a malformed percent-escape ({@code %zz}),
 * which it refuses before any route runs.
 */
@Singleton
public class RequestLimits {
    static final int MAX_URI = 8192;
    static final int MAX_HEADERS = 16384;

    void install(@Observes Filters filters) {
        filters.register(this::check, 1000); // before the SPA and REST routes
    }

    void check(RoutingContext rc) {
        String uri = rc.request().uri();
        if (uri.length() > MAX_URI) {
            problem(rc, 414, "URI Too Long", "The request URI is longer than " + MAX_URI + " characters");
        } else if (headerBytes(rc.request().headers()) > MAX_HEADERS) {
            problem(rc, 431, "Request Header Fields Too Large", "The request headers exceed " + MAX_HEADERS + " bytes");
        } else if (!validUri(uri)) {
            problem(rc, 400, "Bad Request", "The request URI has an invalid percent-escape or character");
        } else {
            rc.next();
        }
    }

    private static long headerBytes(MultiMap headers) {
        long n = 0;
        for (Map.Entry<String, String> h : headers) {
            n += h.getKey().length() + h.getValue().length() + 4;
        }
        return n;
    }

    /** Percent-escapes are two hex digits and decode to valid UTF-8; no control characters or spaces. */
    static boolean validUri(String uri) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%') {
                if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0 || Character.digit(uri.charAt(i + 2), 16) < 0) {
                    return false;
                }
                int b = Character.digit(uri.charAt(i + 1), 16) * 16 + Character.digit(uri.charAt(i + 2), 16);
                if (b < 0x20 || b == 0x7f) {
                    return false; // an escaped control character (%00, %0A) is no part of a name or a query
                }
                bytes.write(b);
                i += 2;
            } else if (c <= 0x20 || c == 0x7f) {
                return false;
            } else {
                bytes.write(c); // non-ASCII characters cannot arrive raw in an HTTP/1.1 request line
            }
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static void problem(RoutingContext rc, int status, String title, String detail) {
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .putHeader("Connection", "close").end(body);
    }
}
