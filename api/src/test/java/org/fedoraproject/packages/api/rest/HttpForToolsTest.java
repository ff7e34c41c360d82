package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.fedoraproject.packages.api.support.StoredData;
import org.fedoraproject.packages.contract.ConnectorName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP a tool author expects: 405 with Allow, HEAD, compression, caching headers, CORS, metrics. */
@QuarkusTest
class HttpForToolsTest {
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void data() {
        StoredData stored = new StoredData(redis);
        stored.clear();
        stored.document("curl", ConnectorName.OVERVIEW, 7, "2026-12-01T10:00:00Z", "ok",
                "{\"name\":\"curl\",\"summary\":\"" + "A utility for getting files from remote servers. ".repeat(40) + "\"}");
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        given().when().post("/api/v1/packages").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", containsString("GET"));
        given().when().delete("/api/v1/packages/curl/overview").then().statusCode(405).header("Allow", containsString("GET"));
    }

    @Test
    void headHasTheLengthOfGet() {
        int length = given().when().get("/api/v1/packages/curl/overview").then().statusCode(200).extract().asByteArray().length;
        Response head = given().when().head("/api/v1/packages/curl/overview");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(length));
        assertThat(head.asByteArray()).isEmpty();
    }

    @Test
    void answersAreCompressedForClientsThatAsk() {
        RestAssuredConfig raw = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        for (String encoding : new String[] {"gzip", "br"}) {
            Response r = given().config(raw).header("Accept-Encoding", encoding).when().get("/api/v1/packages/curl/overview");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.header("Content-Encoding")).as(encoding).isEqualTo(encoding);
            assertThat(r.asByteArray().length).as("%s shrinks the document", encoding).isLessThan(1000);
        }
        assertThat(given().config(raw).when().get("/api/v1/packages/curl/overview").header("Content-Encoding")).isNull();
    }

    @Test
    void dataThatChangesOnEventsIsRevalidatedBeforeUse() {
        given().when().get("/api/v1/packages/curl/overview").then().statusCode(200).header("Cache-Control", "no-cache");
        given().when().get("/api/v1/packages").then().statusCode(200).header("Cache-Control", "no-cache");
        given().when().get("/api/v1/packages/nothing-like-it/overview").then().statusCode(404).header("Cache-Control", "no-store");
    }

    @Test
    void everyGetHasAnEtagAndIfNoneMatchIsAnsweredAsRfc9110Says() {
        for (String path : new String[] {"/api/v1/packages", "/api/v1/packages/curl", "/api/v1/packages/curl/overview",
            "/api/v1/status", "/api/v1/search?q=curl", "/api/v1/search/suggest?q=cu"}) {
            String etag = given().when().get(path).then().statusCode(200).extract().header("ETag");
            assertThat(etag).as(path).matches("\"[^\"]+\"");
            given().header("If-None-Match", etag).when().get(path).then().statusCode(304).header("ETag", etag);
            given().header("If-None-Match", "W/" + etag).when().get(path).then().statusCode(304);
            given().header("If-None-Match", "\"other\", " + etag).when().get(path).then().statusCode(304);
            given().header("If-None-Match", "*").when().get(path).then().statusCode(304);
            given().header("If-None-Match", "\"other\"").when().get(path).then().statusCode(200);
        }
        given().header("If-None-Match", "*").when().get("/api/v1/packages/nothing-like-it/overview").then().statusCode(404);
    }

    @Test
    void otherOriginsAreNotAllowedByDefault() {
        Response r = given().header("Origin", "https://elsewhere.example").when().get("/api/v1/packages/curl/overview");
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void metricsHaveLatencyHistogramsPerRoute() {
        given().when().get("/api/v1/packages/curl/overview").then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("http_server_requests_seconds_bucket").contains("uri=\"/api/v1/packages/{name}/{connector}\"");
    }
}
