package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redis unreachable: pages answer 503 problem+json with Retry-After (no stack trace), and the API is not ready. */
@QuarkusTest
@TestProfile(StoreDownTest.NoRedis.class)
class StoreDownTest {
    public static class NoRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.redis.hosts", "redis://127.0.0.1:9/1");
        }
    }

    @Test
    void pagesAre503WithRetryAfterAndReadinessIsDown() {
        for (String path : new String[] {"/api/v1/packages", "/api/v1/packages/curl", "/api/v1/packages/curl/overview"}) {
            given().when().get(path).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", StoreOutage.RETRY_AFTER_SECONDS)
                    .body("detail", containsString("unavailable")).body(not(containsString("Exception")));
        }
        given().when().get("/q/health/ready").then().statusCode(503);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
