package org.fedoraproject.packages.api.search;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the search endpoints answer. */
public final class SearchShapes {
    private SearchShapes() {
    }

    @Schema(name = "SearchPage", description = "One page of ranked hits")
    public record Page(
            @Schema(required = true, description = "Hits in all: exact up to 1,000, a lower bound beyond (totalExact false)") long total,
            @Schema(required = true) boolean totalExact,
            @Schema(required = true) int offset,
            @Schema(required = true) int limit,
            @Schema(required = true) List<Hit> items) {
    }

    @Schema(name = "SearchHit")
    public record Hit(
            @Schema(required = true, description = "The source package") String name,
            String summary,
            @Schema(description = "version-release on its newest branch") String version,
            @Schema(required = true) Match matched,
            @Schema(description = "Matched words in summary and description, marked with <mark>…</mark>; the rest HTML-escaped")
            Map<String, String> highlight,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            @Schema(description = "Only when retired packages were asked for") Boolean retired) {
    }

    @Schema(name = "SearchMatch", description = "Why the package is a hit, in ranking order: name (exact), subpackage "
            + "(an exact sub-package name: value says which), provides (value), prefix (of the name), subpackage-prefix (value), "
            + "words (in name, summary or description), similar (words within a typo or two)")
    public record Match(
            @Schema(required = true, enumeration = {"name", "subpackage", "provides", "prefix", "subpackage-prefix", "words",
                "similar"}) String field,
            String value) {
    }

    @Schema(name = "Suggestions")
    public record Suggestions(@Schema(required = true) String query, @Schema(required = true) List<Suggestion> items) {
    }

    @Schema(name = "Suggestion")
    public record Suggestion(
            @Schema(required = true, description = "A source or sub-package name starting with the query") String name,
            @Schema(required = true, description = "The source package whose page it leads to") String packageName) {
    }
}
