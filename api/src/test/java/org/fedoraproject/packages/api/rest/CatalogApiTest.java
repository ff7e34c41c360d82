package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.fedoraproject.packages.api.support.StoredData;
import org.fedoraproject.packages.contract.ConnectorName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the catalog adds to the read API: binary names lead to their source, states, the bootstrap's progress. */
@QuarkusTest
class CatalogApiTest {
    @Inject
    RedisDataSource redis;

    private StoredData stored;

    @BeforeEach
    void seed() {
        stored = new StoredData(redis);
        stored.clear();
        stored.document("vim", ConnectorName.OVERVIEW, 3, "2026-12-01T10:00:00Z", "ok", "{\"summary\":\"The VIM editor\"}");
        stored.binary("vim-X11", "vim");
        stored.binary("vim-enhanced", "vim");
        stored.state("vim", "{\"branches\":[\"rawhide\",\"f43\"],\"retired\":false,\"via\":\"repodata\"}");
        stored.known("hexchat");
        stored.state("hexchat", "{\"branches\":[\"f43\"],\"retired\":true,\"via\":\"repodata\"}");
    }

    @Test
    void manyPackagesInOneRequestByName() {
        stored.summary("vim", "The VIM editor", "9.1-1.fc44");
        io.restassured.RestAssured.given().when().get("/api/v1/packages?names=vim,hexchat,no-such,vim").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(2))
                .body("items.name", org.hamcrest.Matchers.contains("vim", "hexchat"))
                .body("items[0].summary", org.hamcrest.Matchers.equalTo("The VIM editor"))
                .body("unknown", org.hamcrest.Matchers.contains("no-such"));
        io.restassured.RestAssured.given().when().get("/api/v1/packages?names=vim,bad%20name").then().statusCode(400)
                .contentType("application/problem+json");
        io.restassured.RestAssured.given().when().get("/api/v1/packages?names=" + java.util.stream.IntStream.range(0, 101).mapToObj(i -> "p" + i)
                .collect(java.util.stream.Collectors.joining(","))).then().statusCode(400);
        io.restassured.RestAssured.given().when().get("/api/v1/packages?names=,").then().statusCode(400);
    }

    @Test
    void aBinaryNameRedirectsToItsSourcePackage() {
        given().redirects().follow(false).when().get("/api/v1/packages/vim-X11").then().statusCode(308)
                .header("Location", endsWith("/api/v1/packages/vim"))
                .header("X-Binary-Package-Of", equalTo("vim"));
        given().redirects().follow(false).when().get("/api/v1/packages/vim-X11/overview").then().statusCode(308)
                .header("Location", endsWith("/api/v1/packages/vim/overview"));
        // a client that follows redirects (curl -L, fetch) lands on the source's document
        given().when().get("/api/v1/packages/vim-enhanced/overview").then().statusCode(200)
                .body("package", equalTo("vim")).body("data.summary", equalTo("The VIM editor"));
    }

    @Test
    void aNameThatIsNeitherSourceNorBinaryIs404ProblemJson() {
        given().when().get("/api/v1/packages/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void thePackageSaysWhereItShipsAndWhetherItWasRetired() {
        given().when().get("/api/v1/packages/vim").then().statusCode(200)
                .body("branches", contains("rawhide", "f43")).body("retired", equalTo(false));
        given().when().get("/api/v1/packages/hexchat").then().statusCode(200)
                .body("branches", contains("f43")).body("retired", equalTo(true));
    }

    @Test
    void statusShowsTheBootstrapsProgress() {
        stored.bootstrap(Map.of("state", "running", "startedAt", "2026-12-02T01:00:00Z"));
        given().when().get("/api/v1/status").then().statusCode(200)
                .body("packages", equalTo(2))
                .body("bootstrap.state", equalTo("running"))
                .body("bootstrap.done", equalTo(0))
                .body("bootstrap.total", equalTo(2));
    }
}
