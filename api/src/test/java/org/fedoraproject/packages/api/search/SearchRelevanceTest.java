package org.fedoraproject.packages.api.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fedoraproject.packages.api.support.CorpusIndex;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ranking over the real 34k-package corpus, as a tool calls it (GET /api/v1/search): the relevance table
 * in src/test/resources/search/relevance.tsv, one query a row with its expected top hit.
 */
@QuarkusTest
@TestProfile(SearchRelevanceTest.Corpus.class)
@QuarkusTestResource(value = CorpusIndex.class, restrictToAnnotatedClass = true)
class SearchRelevanceTest {
    /** The corpus's own Redis database, so the API's page reads for corpus packages see the corpus too. */
    public static class Corpus implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.fp.redis-db", Integer.toString(CorpusIndex.REDIS_DB));
        }
    }

    /** One row: the query, extra parameters (a=b&c=d or -), the expected top hit and (optional) how it matched. */
    record Row(String query, String params, String top, String matched) {
        @Override
        public String toString() {
            return query + (params.isEmpty() ? "" : " [" + params + "]") + " → " + top;
        }
    }

    static Stream<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = SearchRelevanceTest.class.getResourceAsStream("/search/relevance.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                rows.add(new Row(c[0], c[1].equals("-") ? "" : c[1], c[2], c.length > 3 ? c[3] : null));
            }
        }
        return rows.stream();
    }

    @BeforeAll
    static void corpus() {
        Assumptions.assumeTrue(CorpusIndex.present(), "corpus absent (" + CorpusIndex.corpus() + "): relevance not checked");
    }

    @Test
    void theTableIsLargeEnough() throws IOException {
        assertThat(table().count()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void topHit(Row row) {
        var request = given().queryParam("q", row.query()).queryParam("limit", 5);
        if (!row.params().isEmpty()) {
            for (String kv : row.params().split("&")) {
                String[] p = kv.split("=", 2);
                request = request.queryParam(p[0], p[1]);
            }
        }
        Response r = request.get("/api/v1/search");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        List<String> names = r.jsonPath().getList("items.name");
        if (row.top().startsWith("!")) {
            assertThat(names).as("hits for %s", row).doesNotContain(row.top().substring(1));
            return;
        }
        assertThat(names).as("hits for %s: %s", row, names).isNotEmpty();
        if (row.top().startsWith("~")) {
            assertThat(names.get(0)).as("top hit for %s among %s", row, names).matches(row.top().substring(1));
        } else {
            assertThat(names.get(0)).as("top hit for %s among %s", row, names).isEqualTo(row.top());
        }
        if (row.matched() != null) {
            String[] m = row.matched().split(":", 2);
            assertThat(r.jsonPath().getString("items[0].matched.field")).as("matched for %s", row).isEqualTo(m[0]);
            if (m.length > 1) {
                assertThat(r.jsonPath().getString("items[0].matched.value")).as("matched value for %s", row).isEqualTo(m[1]);
            }
        }
    }
}
