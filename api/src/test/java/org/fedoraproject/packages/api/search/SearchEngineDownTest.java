package org.fedoraproject.packages.api.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.fedoraproject.packages.api.support.StoredData;
import org.fedoraproject.packages.contract.ConnectorName;
import org.junit.jupiter.api.Test;

/**
 * The search engine is down (nothing listens where the API looks for it): the API still starts, serves
 * every page from Redis and is ready; only search answers 503 problem+json with Retry-After.
 */
@QuarkusTest
@TestProfile(SearchEngineDownTest.EngineDown.class)
class SearchEngineDownTest {
    public static class EngineDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.hibernate-search-standalone.elasticsearch.hosts", "127.0.0.1:9");
        }
    }

    @Inject
    RedisDataSource redis;

    @Test
    void searchSaysUnavailableAndPagesAreServed() {
        StoredData stored = new StoredData(redis);
        stored.clear();
        stored.document("curl", ConnectorName.OVERVIEW, 3, "2026-12-01T10:00:00Z", "ok",
                "{\"name\":\"curl\",\"summary\":\"A utility for getting files from remote servers\"}");

        for (String path : new String[] {"/api/v1/search?q=curl", "/api/v1/search/suggest?q=cu"}) {
            given().when().get(path).then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", SearchUnavailableException.RETRY_AFTER_SECONDS)
                    .body("status", equalTo(503))
                    .body("detail", containsString("package pages still work"))
                    .body(org.hamcrest.Matchers.not(containsString("Exception")));
        }
        given().when().get("/api/v1/packages/curl/overview").then().statusCode(200)
                .body("data.summary", equalTo("A utility for getting files from remote servers"));
        given().when().get("/api/v1/packages").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        // bad parameters are still told apart from an outage
        given().when().get("/api/v1/search").then().statusCode(400).contentType("application/problem+json");
    }
}
