package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a tool author reads in the OpenAPI document about every operation, checked on the served document. */
@QuarkusTest
class OpenApiConventionsTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "head", "patch");
    private JsonNode doc;

    /** In @BeforeEach, not a static @BeforeAll: that one can run before REST Assured has this application's port. */
    @BeforeEach
    void read() throws Exception {
        doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString());
    }

    /** Every operation of the API as "METHOD path" with its node. */
    private List<Object[]> operations() {
        List<Object[]> out = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (METHODS.contains(m.getKey())) {
                out.add(new Object[] {m.getKey().toUpperCase() + " " + p.getKey(), m.getValue()});
            }
        }));
        assertThat(out).hasSizeGreaterThan(10);
        return out;
    }

    @Test
    void everyOperationHasItsOwnOperationId() {
        Set<String> ids = new HashSet<>();
        for (Object[] op : operations()) {
            String id = ((JsonNode) op[1]).path("operationId").asText("");
            assertThat(id).as("operationId of %s", op[0]).isNotBlank();
            assertThat(ids.add(id)).as("operationId %s of %s is used twice", id, op[0]).isTrue();
        }
    }

    @Test
    void everyGetButTheStreamsSaysETagAndHasIts304() {
        for (Object[] op : operations()) {
            String what = (String) op[0];
            JsonNode responses = ((JsonNode) op[1]).path("responses");
            if (!what.startsWith("GET /api/") || what.endsWith("/events")) {
                continue;
            }
            assertThat(responses.path("200").path("headers").has("ETag")).as("ETag on 200 of %s", what).isTrue();
            assertThat(responses.path("200").path("headers").has("Cache-Control")).as("Cache-Control on 200 of %s", what).isTrue();
            assertThat(responses.has("304")).as("304 of %s", what).isTrue();
            List<String> params = new ArrayList<>();
            ((JsonNode) op[1]).path("parameters").forEach(p -> params.add(p.path("name").asText()));
            assertThat(params).as("parameters of %s", what).contains("If-None-Match");
        }
    }

    @Test
    void everyRetryableAnswerSaysWhenToRetry() {
        for (Object[] op : operations()) {
            String what = (String) op[0];
            JsonNode responses = ((JsonNode) op[1]).path("responses");
            if (what.startsWith("GET /api/") || what.startsWith("POST /api/")) {
                assertThat(responses.path("503").path("headers").has("Retry-After")).as("Retry-After on 503 of %s", what).isTrue();
            }
            if (what.startsWith("GET ") && responses.has("202")) {
                assertThat(responses.path("202").path("headers").has("Retry-After")).as("Retry-After on 202 of %s", what).isTrue();
                assertThat(responses.path("202").path("content").path("application/json").path("schema").path("required").toString())
                        .as("the 202 body of %s", what).contains("status");
            }
        }
    }

    @Test
    void namesHaveTheirPatternAndConnectorsTheirEnum() {
        JsonNode params = doc.path("paths").path("/api/v1/packages/{name}/{connector}").path("get").path("parameters");
        boolean sawName = false;
        boolean sawConnector = false;
        for (JsonNode p : params) {
            if (p.path("name").asText().equals("name")) {
                sawName = true;
                assertThat(p.path("schema").path("pattern").asText()).startsWith("^[A-Za-z0-9]");
            }
            if (p.path("name").asText().equals("connector")) {
                sawConnector = true;
                List<String> ids = new ArrayList<>();
                p.path("schema").path("enum").forEach(e -> ids.add(e.asText()));
                assertThat(ids).contains("overview", "versions", "files", "ci").hasSize(12);
            }
        }
        assertThat(sawName && sawConnector).isTrue();
        // and the served headers are the described ones
        given().get("/api/v1/releases").then().header("ETag", org.hamcrest.Matchers.notNullValue())
                .header("Cache-Control", "no-cache");
    }
}
