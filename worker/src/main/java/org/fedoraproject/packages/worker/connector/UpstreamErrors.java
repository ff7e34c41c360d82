package org.fedoraproject.packages.worker.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/** Turns what HTTP clients and fault tolerance throw into {@link UpstreamException}s. */
public final class UpstreamErrors {
    private UpstreamErrors() {
    }

    public static boolean isNotFound(Throwable t) {
        return t instanceof WebApplicationException w && w.getResponse() != null
                && w.getResponse().getStatus() == 404;
    }

    /**
     * @param upstream named in the error. An {@link UpstreamException} already names its own and is
     *                 returned as it is: each upstream class classifies what its calls and their
     *                 protections throw, so a connector that calls two upstreams records the right one.
     */
    public static UpstreamException classify(String upstream, Throwable t) {
        if (t instanceof UpstreamException u) {
            return u;
        }
        if (t instanceof WebApplicationException w && w.getResponse() != null) {
            int status = w.getResponse().getStatus();
            UpstreamException.Kind kind = status >= 500 || status == 429
                    ? UpstreamException.Kind.SERVER_ERROR : UpstreamException.Kind.CLIENT_ERROR;
            return UpstreamException.of(kind, upstream, "HTTP " + status, t);
        }
        if (t instanceof TimeoutException || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                || hasCause(t, java.net.SocketTimeoutException.class)
                || hasCause(t, io.netty.handler.timeout.TimeoutException.class)
                || String.valueOf(t.getMessage()).contains("timeout")) {
            return UpstreamException.of(UpstreamException.Kind.TIMEOUT, upstream, "timed out", t);
        }
        if (t instanceof CircuitBreakerOpenException || t instanceof BulkheadException) {
            return UpstreamException.of(UpstreamException.Kind.UNAVAILABLE, upstream,
                    t.getClass().getSimpleName() + ": not calling for now", t);
        }
        if (t instanceof JsonProcessingException || hasCause(t, JsonProcessingException.class)) {
            return UpstreamException.of(UpstreamException.Kind.MALFORMED, upstream, "malformed body: " + t.getMessage(), t);
        }
        if (t instanceof ProcessingException || hasCause(t, ConnectException.class)
                || t instanceof java.io.IOException || t instanceof io.vertx.core.VertxException) {
            return UpstreamException.of(UpstreamException.Kind.UNAVAILABLE, upstream, String.valueOf(t.getMessage()), t);
        }
        return UpstreamException.of(UpstreamException.Kind.SERVER_ERROR, upstream, String.valueOf(t), t);
    }

    /**
     * The upstream's circuit breaker is open or its bulkhead full: nothing was asked, so the request
     * is worth keeping for later rather than counting as done.
     */
    public static boolean isNotCalledNow(Throwable t) {
        return hasCause(t, CircuitBreakerOpenException.class) || hasCause(t, BulkheadException.class);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
