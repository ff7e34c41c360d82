package org.fedoraproject.packages.worker.connector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a connector found: a document ({@code data}, serialised with Jackson) or the fact that the
 * upstream has no such package. {@code source} is the URL of the main upstream call, shown to users.
 *
 * <p>A document kept per branch (dependencies, files, changelog) also carries {@code branches}: branch →
 * that branch's result, in display order; the result itself is the first (default) branch's.
 */
public record FetchResult(String source, Status status, Object data, Map<String, FetchResult> branches) {
    public enum Status {
        OK, ABSENT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public FetchResult {
        branches = branches == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(branches));
    }

    public FetchResult(String source, Status status, Object data) {
        this(source, status, data, Map.of());
    }

    public static FetchResult ok(String source, Object data) {
        return new FetchResult(source, Status.OK, data);
    }

    public static FetchResult absent(String source) {
        return new FetchResult(source, Status.ABSENT, null);
    }

    /** One result per branch (display order, not empty): the first is also the default document. */
    public static FetchResult perBranch(LinkedHashMap<String, FetchResult> byBranch) {
        FetchResult first = byBranch.values().iterator().next();
        return new FetchResult(first.source(), first.status(), first.data(), byBranch);
    }
}
