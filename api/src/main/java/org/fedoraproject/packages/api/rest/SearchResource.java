package org.fedoraproject.packages.api.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fedoraproject.packages.api.search.PackageSearch;
import org.fedoraproject.packages.api.search.SearchShapes;

/**
 * Search over every package of the distribution: ranked hits with highlights, and names for typeahead.
 * Cached answers are served on the event loop; the engine is asked on worker threads (its client blocks). Parameters are checked here; the text is never
 * engine syntax (see {@link PackageSearch}).
 */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
public class SearchResource {
    static final int MAX_QUERY = 200;
    static final int MAX_LIMIT = 100;
    /** The engine's result window: offset + limit beyond it cannot be served. */
    static final int MAX_WINDOW = 10_000;
    static final int MAX_SUGGEST_QUERY = 100;
    static final int SUGGESTIONS = 10;
    private static final Pattern BRANCH = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
    private static final Pattern MAINTAINER = Pattern.compile("@?[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final PackageSearch search;

    public SearchResource(PackageSearch search) {
        this.search = search;
    }

    @GET
    @Operation(operationId = "search", summary = "Search packages by name, sub-package, provides or words",
            description = "Ranking: exact source name, then an exact sub-package name (matched.value says which), then an "
                    + "exact provide, then name prefix, then words of the name, summary and description; words within a typo "
                    + "or two come last. Retired packages are left out unless retired=include or retired=only.")
    @APIResponse(responseCode = "200", description = "Ranked hits",
            content = @Content(schema = @Schema(implementation = SearchShapes.Page.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The search engine does not answer; package pages still work",
            headers = @Header(name = "Retry-After", description = "Seconds", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public io.smallrye.mutiny.Uni<RestResponse<byte[]>> search(
            @Parameter(description = "What to look for: a name, a sub-package, a provide or words (1–200 characters)", required = true)
            @QueryParam("q") String q,
            @Parameter(description = "Only packages on this branch (rawhide, f43, epel10…)") @QueryParam("branch") String branch,
            @Parameter(description = "Only packages this user (or @group) maintains") @QueryParam("maintainer") String maintainer,
            @Parameter(description = "exclude (default), include or only", schema = @Schema(enumeration = {"exclude", "include", "only"}))
            @QueryParam("retired") @DefaultValue("exclude") String retired,
            @Parameter(schema = @Schema(minimum = "0", maximum = "9999")) @QueryParam("offset") @DefaultValue("0") String offset,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100")) @QueryParam("limit") @DefaultValue("20") String limit) {
        String text = query(q, MAX_QUERY);
        int from = number("offset", offset, 0, MAX_WINDOW - 1);
        int size = number("limit", limit, 1, MAX_LIMIT);
        if (from + size > MAX_WINDOW) {
            throw bad("offset + limit may not exceed " + MAX_WINDOW + "; narrow the search instead");
        }
        PackageSearch.Filters filters = new PackageSearch.Filters(
                optional("branch", branch, BRANCH, "a branch name such as rawhide, f43 or epel10"),
                optional("maintainer", maintainer, MAINTAINER, "a user or @group name"),
                retired(retired));
        return search.search(text, filters, from, size).map(SearchResource::json);
    }

    @GET
    @Path("/suggest")
    @Operation(operationId = "suggest", summary = "Up to 10 source and sub-package names starting with the text, for typeahead",
            description = "Shortest names first; the exact name, when it exists, comes first. Retired packages are left out.")
    @APIResponse(responseCode = "200", description = "Names and the package page each leads to",
            content = @Content(schema = @Schema(implementation = SearchShapes.Suggestions.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The search engine does not answer",
            headers = @Header(name = "Retry-After", description = "Seconds", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public io.smallrye.mutiny.Uni<RestResponse<byte[]>> suggest(
            @Parameter(description = "The beginning of a name (1–100 characters)", required = true) @QueryParam("q") String q) {
        return search.suggest(query(q, MAX_SUGGEST_QUERY), SUGGESTIONS).map(SearchResource::json);
    }

    private static RestResponse<byte[]> json(PackageSearch.Answer answer) {
        return RestResponse.ResponseBuilder.ok(answer.json(), MediaType.APPLICATION_JSON_TYPE).header("ETag", answer.etag()).build();
    }

    private static String query(String q, int max) {
        if (q == null || q.isBlank()) {
            throw bad("q is required: the text to search for");
        }
        String text = q.strip();
        if (text.codePointCount(0, text.length()) > max) {
            throw bad("q is longer than " + max + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw bad("q contains control characters");
        }
        return text;
    }

    private static int number(String name, String value, int min, int max) {
        return (int) QueryParams.number(name, value, min, max);
    }

    private static String optional(String name, String value, Pattern pattern, String what) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            throw bad(name + " must be " + what);
        }
        return value;
    }

    private static PackageSearch.Retired retired(String value) {
        try {
            return PackageSearch.Retired.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("retired must be exclude, include or only");
        }
    }

    private static ProblemException bad(String detail) {
        return QueryParams.bad(detail);
    }
}
