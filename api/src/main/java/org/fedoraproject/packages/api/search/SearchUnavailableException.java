package org.fedoraproject.packages.api.search;

/** The search engine did not answer: 503 with Retry-After; page data is unaffected. */
public class SearchUnavailableException extends RuntimeException {
    public static final String RETRY_AFTER_SECONDS = "10";

    public SearchUnavailableException(Throwable cause) {
        super("Search is unavailable for a moment (the search engine does not answer); package pages still work", cause);
    }
}
