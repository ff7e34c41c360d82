package org.fedoraproject.packages.worker.connector;

/**
 * What a connector found: a document ({@code data}, serialised with Jackson) or the fact that the
 * upstream has no such package. {@code source} is the URL of the main upstream call, shown to users.
 */
public record FetchResult(String source, Status status, Object data) {
    public enum Status {
        OK, ABSENT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static FetchResult ok(String source, Object data) {
        return new FetchResult(source, Status.OK, data);
    }

    public static FetchResult absent(String source) {
        return new FetchResult(source, Status.ABSENT, null);
    }
}
