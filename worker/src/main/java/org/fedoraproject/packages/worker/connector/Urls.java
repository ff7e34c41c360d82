package org.fedoraproject.packages.worker.connector;

/** Base URLs from configuration, with or without a trailing slash, joined with paths that start with one. */
public final class Urls {
    private Urls() {
    }

    public static String trimmed(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
