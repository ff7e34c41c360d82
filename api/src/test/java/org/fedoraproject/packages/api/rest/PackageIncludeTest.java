package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import org.fedoraproject.packages.api.support.StoredData;
import org.fedoraproject.packages.contract.ConnectorName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ?include=: a whole package (metadata and its stored documents) in one request. */
@QuarkusTest
class PackageIncludeTest {
    @Inject
    RedisDataSource redis;

    private StoredData stored;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void seed() {
        stored = new StoredData(redis);
        stored.clear();
        stored.document("curl", ConnectorName.OVERVIEW, 7, "2026-11-25T10:00:00Z", "ok", "{\"name\":\"curl\",\"summary\":\"A utility\"}");
        stored.document("curl", ConnectorName.BUILDS, 9, "2026-11-25T10:01:00Z", "ok", "{\"builds\":[{\"nvr\":\"curl-8.11.1-1.fc44\"}]}");
        stored.document("curl", ConnectorName.BUGS, 4, "2026-11-25T10:02:00Z", "absent", "null");
        LinkedHashMap<String, String> files = new LinkedHashMap<>();
        files.put("rawhide", "{\"subpackages\":[{\"name\":\"curl\",\"files\":[\"/usr/bin/curl\"]}]}");
        files.put("f43", "{\"subpackages\":[]}");
        stored.perBranch("curl", ConnectorName.FILES, 12, files);
        stored.binary("libcurl-devel", "curl");
    }

    @Test
    void includeAllEmbedsEveryStoredDocumentAsItsOwnEndpointServesIt() throws Exception {
        JsonNode page = json.readTree(given().when().get("/api/v1/packages/curl?include=all").then().statusCode(200)
                .contentType("application/json")
                .body("name", equalTo("curl"))
                .body("connectors.versions.status", equalTo("missing"))
                .extract().asString());
        assertThat(iterable(page.get("documents").fieldNames())).containsExactly("overview", "builds", "bugs", "files");
        for (String c : List.of("overview", "builds", "bugs", "files")) {
            String own = given().when().get("/api/v1/packages/curl/" + c).then().statusCode(200).extract().asString();
            assertThat(page.get("documents").get(c)).as(c).isEqualTo(json.readTree(own));
        }
        assertThat(page.get("documents").get("files").get("data").get("branch").asText()).isEqualTo("rawhide");
    }

    @Test
    void aListIncludesOnlyThoseAndAMissingOneIsAbsentWithoutAFetch() throws Exception {
        JsonNode page = json.readTree(given().when().get("/api/v1/packages/curl?include=builds,bugs,versions").then().statusCode(200)
                .extract().asString());
        assertThat(iterable(page.get("documents").fieldNames())).containsExactly("builds", "bugs");
        assertThat(page.get("connectors").get("versions").get("status").asText()).isEqualTo("missing");
    }

    @Test
    void withoutIncludeTheAnswerHasNoDocuments() {
        given().when().get("/api/v1/packages/curl").then().statusCode(200).body("documents", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void unknownIncludeValuesAre400NamingTheAllowedOnes() {
        // (an empty ?include= reaches the resource as no parameter at all: the metadata alone)
        for (String bad : List.of("nonsense", "builds,nonsense", ",", "builds,", "ALL", "builds bugs")) {
            given().urlEncodingEnabled(false).when().get("/api/v1/packages/curl?include=" + bad.replace(" ", "%20")).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("all or a comma-separated list of overview, versions, builds"));
        }
    }

    @Test
    void theETagAnswers304AndChangesWithADocument() {
        String etag = given().when().get("/api/v1/packages/curl?include=all").then().statusCode(200).extract().header("ETag");
        assertThat(etag).startsWith("\"");
        given().header("If-None-Match", etag).when().get("/api/v1/packages/curl?include=all").then().statusCode(304)
                .header("ETag", etag);
        given().header("If-None-Match", "W/" + etag).when().get("/api/v1/packages/curl?include=all").then().statusCode(304);
        // another selection is another representation
        String builds = given().when().get("/api/v1/packages/curl?include=builds").then().statusCode(200).extract().header("ETag");
        assertThat(builds).isNotEqualTo(etag);

        stored.document("curl", ConnectorName.BUILDS, 10, "2026-11-25T11:00:00Z", "ok", "{\"builds\":[]}");
        String changed = given().header("If-None-Match", etag).when().get("/api/v1/packages/curl?include=all").then().statusCode(200)
                .body("documents.builds.version", equalTo(10)).extract().header("ETag");
        assertThat(changed).isNotEqualTo(etag);
        given().header("If-None-Match", builds).when().get("/api/v1/packages/curl?include=builds").then().statusCode(200);
    }

    @Test
    void aSubPackageRedirectsKeepingInclude() {
        given().redirects().follow(false).when().get("/api/v1/packages/libcurl-devel?include=builds,bugs").then().statusCode(308)
                .header("Location", containsString("/api/v1/packages/curl?include=builds,bugs"))
                .header("X-Binary-Package-Of", "curl");
        given().redirects().follow(false).when().get("/api/v1/packages/libcurl-devel?include=all").then().statusCode(308)
                .header("Location", containsString("/api/v1/packages/curl?include=all"));
    }

    @Test
    void anUnknownNameOrAnEndpointWithoutIncludeAnswersAProblem() {
        java.util.Map<String, Integer> problems = java.util.Map.of(
                "/api/v1/packages/no-such-package?include=all", 404,
                "/api/v1/packages/curl/builds?include=all", 400, // only the package and ?names= take it
                "/api/v1/packages/curl/feed.atom?include=all", 400);
        problems.forEach((path, status) -> assertThat(given().when().get(path).then().extract().response())
                .as(path).satisfies(r -> {
                    assertThat(r.statusCode()).isEqualTo(status);
                    assertThat(r.contentType()).startsWith("application/problem+json");
                }));
    }

    @Test
    void aListOfNamesIncludesEachPackagesDocuments() throws Exception {
        stored.document("bash", ConnectorName.BUILDS, 3, "2026-11-25T10:00:00Z", "ok", "{\"builds\":[]}");
        JsonNode page = json.readTree(given().when().get("/api/v1/packages?names=curl,bash,nope&include=builds,overview")
                .then().statusCode(200).body("unknown", equalTo(List.of("nope"))).extract().asString());
        assertThat(page.get("items").get(0).get("name").asText()).isEqualTo("curl");
        assertThat(iterable(page.get("items").get(0).get("documents").fieldNames())).containsExactly("overview", "builds");
        String own = given().when().get("/api/v1/packages/curl/builds").then().extract().asString();
        assertThat(page.get("items").get(0).get("documents").get("builds")).isEqualTo(json.readTree(own));
        assertThat(iterable(page.get("items").get(1).get("documents").fieldNames())).containsExactly("builds");
    }

    @Test
    void includeOnTheListNeedsNamesAndABoundedNumberOfDocuments() {
        given().when().get("/api/v1/packages?include=all").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("names"));
        String many = String.join(",", java.util.stream.IntStream.range(0, 17).mapToObj(i -> "p" + i).toList());
        given().when().get("/api/v1/packages?include=all&names=" + many).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("at most 200"));
        given().when().get("/api/v1/packages?include=nonsense&names=curl").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void thePatternInTheOpenApiDocumentNamesEveryConnector() {
        for (ConnectorName c : ConnectorName.values()) {
            assertThat(c.id()).matches(Includes.PATTERN);
        }
        assertThat("builds,bugs").matches(Includes.PATTERN);
        assertThat("builds,nonsense").doesNotMatch(Includes.PATTERN);
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
