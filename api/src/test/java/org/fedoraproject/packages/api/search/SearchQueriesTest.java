package org.fedoraproject.packages.api.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.stream.Stream;
import org.fedoraproject.packages.api.support.CorpusIndex;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Search and suggest over the 34k corpus as a tool calls them: filters, paging, typeahead, parameter
 * checks, and hostile text that must never give a 5xx nor match everything.
 */
@QuarkusTest
@TestProfile(SearchRelevanceTest.Corpus.class)
@QuarkusTestResource(value = CorpusIndex.class, restrictToAnnotatedClass = true)
class SearchQueriesTest {
    /** The corpus has 34,172 packages; a query that matched everything would report about that many. */
    private static final long EVERYTHING = 30_000;

    @BeforeAll
    static void corpus() {
        Assumptions.assumeTrue(CorpusIndex.present(), "corpus absent (" + CorpusIndex.corpus() + "): search not checked");
    }

    @Test
    void aMisspeltWordStillFindsItsPackages() {
        List<String> names = given().queryParam("q", "pyhton").queryParam("limit", 10).get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getList("items.name");
        assertThat(names.stream().filter(n -> n.contains("python")).count()).as("python packages among %s", names)
                .isGreaterThanOrEqualTo(7);
    }

    @Test
    void aBranchFilterKeepsOnlyThatBranchsPackages() {
        List<String> names = given().queryParam("q", "python").queryParam("branch", "epel10").queryParam("limit", 50)
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath().getList("items.name");
        assertThat(names).hasSize(50).allSatisfy(n -> assertThat(CorpusIndex.branches(n)).contains("epel10"));
        long all = given().queryParam("q", "python").get("/api/v1/search").jsonPath().getLong("total");
        long epel = given().queryParam("q", "python").queryParam("branch", "epel10").get("/api/v1/search").jsonPath().getLong("total");
        assertThat(epel).isPositive().isLessThan(all);
        assertThat(given().queryParam("q", "python").queryParam("branch", "f99").get("/api/v1/search")
                .jsonPath().getLong("total")).isZero();
    }

    @Test
    void aMaintainerFilterKeepsOnlyTheirPackages() {
        Response r = given().queryParam("q", "http").queryParam("maintainer", "debian-python-team").queryParam("limit", 20)
                .get("/api/v1/search");
        List<String> names = r.then().statusCode(200).extract().jsonPath().getList("items.name");
        assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(CorpusIndex.maintainerOf(n)).isEqualTo("debian-python-team"));
        assertThat(r.jsonPath().getLong("total")).isLessThan(
                given().queryParam("q", "http").get("/api/v1/search").jsonPath().getLong("total"));
        assertThat(names).contains("requests");
    }

    @Test
    void pagesFollowEachOtherWithoutOverlap() {
        List<String> first = given().queryParam("q", "python").queryParam("limit", 10).get("/api/v1/search")
                .jsonPath().getList("items.name");
        Response second = given().queryParam("q", "python").queryParam("offset", 10).queryParam("limit", 10).get("/api/v1/search");
        second.then().statusCode(200);
        assertThat(second.jsonPath().getInt("offset")).isEqualTo(10);
        assertThat(second.jsonPath().getInt("limit")).isEqualTo(10);
        assertThat(second.jsonPath().getList("items.name", String.class)).hasSize(10).doesNotContainAnyElementsOf(first);
    }

    @Test
    void highlightsMarkTheMatchedWordsAndEscapeTheRest() {
        Response r = given().queryParam("q", "warfare").get("/api/v1/search");
        r.then().statusCode(200);
        assertThat(r.jsonPath().getString("items[0].highlight.summary")).contains("<mark>warfare</mark>");
        assertThat(r.asString()).as("retired is only said when retired packages were asked for").doesNotContain("\"retired\"");
        assertThat(given().queryParam("q", "warfare").queryParam("retired", "include").get("/api/v1/search").asString())
                .contains("\"retired\":false");
    }

    @Test
    void suggestGivesSourceAndSubPackageNamesShortestFirst() {
        List<String> vim = given().queryParam("q", "vim").get("/api/v1/search/suggest").then().statusCode(200)
                .extract().jsonPath().getList("items.name");
        assertThat(vim).hasSizeBetween(2, 10).first().isEqualTo("vim");
        assertThat(vim).allSatisfy(n -> assertThat(n).startsWith("vim"));
        for (int i = 2; i < vim.size(); i++) {
            assertThat(vim.get(i).length()).as("shortest first: %s", vim).isGreaterThanOrEqualTo(vim.get(i - 1).length());
        }
        Response ssl = given().queryParam("q", "libssl").get("/api/v1/search/suggest");
        assertThat(ssl.jsonPath().getList("items.name", String.class)).contains("libssl3");
        assertThat(ssl.jsonPath().getString("items.find { it.name == 'libssl3' }.packageName")).isEqualTo("openssl");
        assertThat(given().queryParam("q", "zzzzqqqq").get("/api/v1/search/suggest").jsonPath().getList("items")).isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesBothEndpoints() {
        String doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(doc).contains("\"operationId\" : \"search\"").contains("\"operationId\" : \"suggest\"")
                .contains("SearchPage").contains("Retry-After");
    }

    static Stream<String> badParameters() {
        return Stream.of("", "q=", "q=%20%20", "q=a&limit=0", "q=a&limit=101", "q=a&limit=abc", "q=a&offset=-1",
                "q=a&offset=99999999999999999999", "q=a&offset=9995&limit=10", "q=a&branch=F43!", "q=a&maintainer=a%20b",
                "q=a&retired=maybe", "q=" + "x".repeat(201), "q=a%00b");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    void badParametersAre400Problems(String query) {
        Response r = given().urlEncodingEnabled(false).get(query.isEmpty() ? "/api/v1/search" : "/api/v1/search?" + query);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.asString()).doesNotContain("Exception").doesNotContain("at org.");
    }

    /** Engine syntax, quotes, wildcards, scripts, very long and odd text: answered, never 5xx, never everything. */
    static Stream<String> hostile() {
        return Stream.of("*:*", "*", "?", "name:foo OR", "name:*", "\"", "\"\"", "\"unterminated", "a AND b OR", "(", ")",
                "{\"query\":{\"match_all\":{}}}", "[", "]", "\\", "/", "//", "+-", "~", "vim~2", "vim^100", "NOT vim",
                "_id:vim", "summary:*", "<script>alert(1)</script>", "' OR '1'='1", "%", "%%", "${jndi:ldap://x}",
                "𝔽𝕖𝕕𝕠𝕣𝕒", "пакет", "日本語", "🙂", "é", "a".repeat(200), "vim ".repeat(50).strip(),
                "*a*", "a*", "-vim", "|", "&&", "||", "!", "match_all", ".*", "\t");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileTextIsJustText(String q) {
        for (String path : new String[] {"/api/v1/search", "/api/v1/search/suggest"}) {
            Response r = given().queryParam("q", q).get(path);
            assertThat(r.statusCode()).as("%s %s: %s", path, q, r.asString()).isIn(200, 400);
            if (r.statusCode() == 200 && path.endsWith("search")) {
                assertThat(r.jsonPath().getLong("total")).as("hits for %s", q).isLessThan(EVERYTHING);
            }
            if (r.statusCode() == 200 && path.endsWith("suggest")) {
                assertThat(r.jsonPath().getList("items")).hasSizeLessThanOrEqualTo(10);
            }
        }
    }
}
