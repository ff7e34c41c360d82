package org.fedoraproject.packages.api.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Redis (the page data) unreachable: every read answers 503 problem+json with Retry-After, and the log
 * gets one line per outage (a minute without failures ends it), not one stack trace per request. The
 * Redis client reconnects by itself, so the API recovers without a restart.
 */
@ApplicationScoped
public class StoreOutage {
    private static final Logger LOG = Logger.getLogger(StoreOutage.class);
    static final String RETRY_AFTER_SECONDS = "5";
    private static final long QUIET_MILLIS = 60_000;

    private final AtomicLong lastFailure = new AtomicLong();

    /** Whether {@code t} (or a cause) says the connection to Redis failed, rather than a bug. */
    static boolean isConnectionFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (c instanceof ConnectException || c instanceof ClosedChannelException
                    || c.getClass().getName().startsWith("io.vertx.redis") && m.contains("onnect")
                    || m.contains("Connection refused") || m.contains("Connection pool reached max wait queue size")
                    || m.contains("Redis connection") || m.contains("Cannot connect")) {
                return true;
            }
        }
        return false;
    }

    RestResponse<Problem> problem(Throwable t) {
        long now = System.currentTimeMillis();
        long previous = lastFailure.getAndSet(now);
        if (now - previous > QUIET_MILLIS) {
            LOG.errorf("Redis unreachable (%s): pages answer 503 until it is back", t.getMessage());
        }
        return Problem.retryAfter(Response.Status.SERVICE_UNAVAILABLE,
                "Package data is unavailable for a moment (its store does not answer); try again shortly", RETRY_AFTER_SECONDS);
    }
}
