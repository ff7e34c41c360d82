package org.fedoraproject.packages.worker.connector;

import java.util.Locale;

/**
 * A typed failure of an upstream call. {@link Kind#retryable()} tells the fault-tolerance layer
 * whether asking again can help (a timeout can; a body we cannot parse will not change).
 */
public class UpstreamException extends RuntimeException {
    public enum Kind {
        TIMEOUT(true), SERVER_ERROR(true), UNAVAILABLE(true), CLIENT_ERROR(false), MALFORMED(false), FAULT(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }

        /** The name used in stored metadata and the API: {@code server-error}, {@code timeout}, … */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;
    private final String upstream;

    public UpstreamException(Kind kind, String upstream, String message, Throwable cause) {
        super(upstream + ": " + message, cause);
        this.kind = kind;
        this.upstream = upstream;
    }

    public UpstreamException(Kind kind, String upstream, String message) {
        this(kind, upstream, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public String upstream() {
        return upstream;
    }

    /** Subclass the fault-tolerance annotations retry on ({@code retryOn}): only transient failures. */
    public static class Retryable extends UpstreamException {
        public Retryable(Kind kind, String upstream, String message, Throwable cause) {
            super(kind, upstream, message, cause);
        }
    }

    public static UpstreamException of(Kind kind, String upstream, String message, Throwable cause) {
        return kind.retryable() ? new Retryable(kind, upstream, message, cause)
                : new UpstreamException(kind, upstream, message, cause);
    }
}
