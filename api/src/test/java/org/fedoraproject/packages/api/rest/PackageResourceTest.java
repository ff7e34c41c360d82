package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fedoraproject.packages.api.support.StoredData;
import org.fedoraproject.packages.contract.ConnectorName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read API as a tool would use it, on a real Redis holding documents in the worker's layout. */
@QuarkusTest
class PackageResourceTest {
    @Inject
    RedisDataSource redis;

    private StoredData stored;

    @BeforeEach
    void seed() {
        stored = new StoredData(redis);
        stored.clear();
        stored.document("curl", ConnectorName.OVERVIEW, 7, "2026-11-25T10:00:00Z", "ok",
                "{\"name\":\"curl\",\"summary\":\"A utility for getting files from remote servers\"}");
        stored.summary("curl", "A utility for getting files from remote servers", "8.11.1-1.fc44");
        stored.document("bash", ConnectorName.OVERVIEW, 3, "2026-11-25T10:00:00Z", "ok", "{\"name\":\"bash\"}");
        stored.error("curl", ConnectorName.OVERVIEW,
                "{\"kind\":\"timeout\",\"upstream\":\"mdapi\",\"message\":\"mdapi: timed out\",\"at\":\"2026-11-25T11:00:00Z\"}");
        stored.known("zsh"); // known (e.g. from the package list) but nothing fetched yet
    }

    @Test
    void listsKnownPackagesSortedWithSummaries() {
        given().when().get("/api/v1/packages?limit=2").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items[0].name", equalTo("bash"))
                .body("items[0].summary", nullValue())
                .body("items[1].name", equalTo("curl"))
                .body("items[1].summary", equalTo("A utility for getting files from remote servers"))
                .body("items[1].version", equalTo("8.11.1-1.fc44"));
        given().when().get("/api/v1/packages?offset=2&limit=2").then().statusCode(200)
                .body("items.name", equalTo(java.util.List.of("zsh")));
    }

    @Test
    void servesTheStoredDocumentUnchangedWithItsVersionAsETag() {
        String body = given().when().get("/api/v1/packages/curl/overview").then().statusCode(200)
                .contentType("application/json")
                .header("ETag", "\"7\"")
                .body("package", equalTo("curl"))
                .body("version", equalTo(7))
                .body("data.summary", startsWith("A utility"))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(body).startsWith("{\"package\":\"curl\",\"connector\":\"overview\"");
        given().header("If-None-Match", "\"7\"").when().get("/api/v1/packages/curl/overview").then().statusCode(304);
    }

    @Test
    void packageMetadataShowsEveryConnectorAndTheLastError() {
        given().when().get("/api/v1/packages/curl").then().statusCode(200)
                .body("name", equalTo("curl"))
                .body("connectors.overview.status", equalTo("ok"))
                .body("connectors.overview.version", equalTo(7))
                .body("connectors.overview.error.kind", equalTo("timeout"))
                .body("connectors.builds.status", equalTo("missing"))
                .body("connectors.ci.refreshedAt", nullValue());
    }

    @Test
    void badNameIs400ProblemJson() {
        given().when().get("/api/v1/packages/bad%20name!/overview").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("detail", containsString("not a valid package name"));
        given().when().get("/api/v1/packages/-rf").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownPackageIs404ProblemJson() {
        given().when().get("/api/v1/packages/no-such-package/overview").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no-such-package"));
        given().when().get("/api/v1/packages/no-such-package").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void unknownConnectorIs404ProblemJson() {
        given().when().get("/api/v1/packages/curl/weather").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("overview"));
    }

    @Test
    void knownPackageWithoutTheDocumentYetIs202Pending() {
        given().when().get("/api/v1/packages/zsh/builds").then().statusCode(202)
                .header("Retry-After", "2")
                .body("status", equalTo("pending"));
    }

    @Test
    void badPagingIs400() {
        for (String query : new String[] {"limit=0", "limit=1001", "limit=abc", "offset=-1", "offset=1.5",
            "offset=99999999999999999999", "limit=%20"}) {
            given().urlEncodingEnabled(false).when().get("/api/v1/packages?" + query).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.anyOf(containsString("limit"), containsString("offset")));
        }
        given().when().get("/api/v1/packages?offset=0&limit=5").then().statusCode(200);
    }

    @Test
    void anUnknownQueryParameterIs400NamingIt() {
        given().when().get("/api/v1/packages?limt=5").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("limt")).body("detail", containsString("limit, names, offset"));
        given().when().get("/api/v1/packages/curl/overview?brnch=f43").then().statusCode(400)
                .body("detail", containsString("brnch")).body("detail", containsString("takes branch"));
        given().when().get("/api/v1/packages/curl/overview?branch=f43").then().statusCode(400)
                .body("detail", containsString("dependencies, files and changelog"));
        given().when().get("/api/v1/search?q=vim&brnch=f43").then().statusCode(400).body("detail", containsString("brnch"));
        given().when().get("/api/v1/packages/curl/overview").then().statusCode(200);
    }

    @Test
    void unknownPathsAreProblemJsonNotStackTraces() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void openApiDocumentDescribesTheEndpoints() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/packages/{name}/{connector}'.get.summary", containsString("One document"))
                .body("components.schemas.Envelope.properties.status.enum", org.hamcrest.Matchers.hasItems("ok", "absent"))
                .body("components.schemas.keySet()", org.hamcrest.Matchers.hasItems("OverviewDocument", "VersionsDocument",
                        "BuildsDocument", "UpdatesDocument", "BugsDocument", "DependenciesDocument", "FilesDocument",
                        "ChangelogDocument", "SourcesDocument", "MaintainersDocument", "UpstreamDocument", "CiDocument"))
                .body("components.schemas.BuildsDocument.example.builds[0].nvr", equalTo("python-requre-0.5.0-1.fc33"))
                .body("paths.'/api/v1/packages/{name}/{connector}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Envelope"))
                .body("paths.'/api/v1/packages'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/PackageList"));
    }
}
