package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fedoraproject.packages.api.support.StoredData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The active releases, from the list the worker stores with its versions documents. */
@QuarkusTest
class ReleasesResourceTest {
    @Inject
    RedisDataSource redis;

    private StoredData stored;

    @BeforeEach
    void seed() {
        stored = new StoredData(redis);
        stored.clear();
    }

    @Test
    void rawhideThenFedoraNewestFirstThenEpelNewestFirst() {
        // stored out of order (the worker's is already right): the API's order does not depend on it
        stored.releases("""
                [{"release":"EPEL-9","longName":"Fedora EPEL 9","branch":"epel9","state":"current"},
                 {"release":"F42","longName":"Fedora 42","branch":"f42","state":"frozen"},
                 {"release":"EPEL-10.0","longName":"Fedora EPEL 10.0","branch":"epel10","state":"current"},
                 {"release":"F43","longName":"Fedora 43","branch":"rawhide","state":"pending"},
                 {"release":"EPEL-10.1","longName":"Fedora EPEL 10.1","branch":"epel10.1","state":"pending"},
                 {"release":"F41","longName":"Fedora 41","branch":"f41","state":"current"}]""");

        given().when().get("/api/v1/releases").then().statusCode(200).contentType("application/json")
                .body("items.name", contains("rawhide", "f42", "f41", "epel10.1", "epel10", "epel9"))
                .body("items.kind", contains("rawhide", "fedora", "fedora", "epel", "epel", "epel"))
                .body("items.number", contains(43, 42, 41, 10, 10, 9))
                .body("items[3].version", equalTo("10.1"))
                .body("items[0].release", equalTo("F43"))
                .body("items[0].longName", equalTo("Fedora 43"))
                .body("items[1].state", equalTo("frozen"));
    }

    @Test
    void anEtagAnd304LikeEveryOtherAnswer() {
        stored.releases("[{\"release\":\"F43\",\"longName\":\"Fedora 43\",\"branch\":\"rawhide\",\"state\":\"pending\"}]");
        String etag = given().when().get("/api/v1/releases").then().statusCode(200).header("Cache-Control", "no-cache")
                .extract().header("ETag");
        assertThat(etag).matches("\"[^\"]+\"");
        given().header("If-None-Match", etag).when().get("/api/v1/releases").then().statusCode(304);
        stored.releases("[{\"release\":\"F44\",\"longName\":\"Fedora 44\",\"branch\":\"rawhide\",\"state\":\"pending\"}]");
        given().header("If-None-Match", etag).when().get("/api/v1/releases").then().statusCode(200)
                .body("items[0].number", equalTo(44));
    }

    @Test
    void emptyUntilTheWorkerStoredAVersionsDocumentAndUnknownNamesStayReadable() {
        given().when().get("/api/v1/releases").then().statusCode(200).body("items", empty());
        stored.releases("[{\"release\":\"ELN\",\"longName\":\"Fedora ELN\",\"branch\":\"eln\",\"state\":\"pending\"}]");
        given().when().get("/api/v1/releases").then().statusCode(200)
                .body("items[0].name", equalTo("eln")).body("items[0].kind", equalTo("other"))
                .body("items[0].number", nullValue());
        given().when().get("/api/v1/releases?kind=fedora").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentDescribesReleasesFeedAndBadges() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/releases'.get.operationId", equalTo("releases"))
                .body("paths.'/api/v1/releases'.get.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/ReleaseList"))
                .body("paths.'/api/v1/packages/{name}/feed.atom'.get.operationId", equalTo("packageFeed"))
                .body("paths.'/api/v1/packages/{name}/feed.atom'.get.responses.'200'.content.keySet()", contains("application/atom+xml"))
                .body("paths.'/api/v1/packages/{name}/feed.atom'.get.responses.'200'.headers.keySet()", org.hamcrest.Matchers.hasItem("ETag"))
                .body("paths.'/api/v1/packages/{name}/feed.atom'.get.responses.'404'.content.keySet()", contains("application/problem+json"))
                .body("paths.'/api/v1/packages/{name}/badge/{release}.svg'.get.operationId", equalTo("releaseBadge"))
                .body("paths.'/api/v1/packages/{name}/badge/{release}.svg'.get.responses.'200'.content.keySet()", contains("image/svg+xml"))
                .body("paths.'/api/v1/packages/{name}/badge/upstream.svg'.get.operationId", equalTo("upstreamBadge"))
                .body("paths.'/api/v1/packages/{name}/badge/upstream.svg'.get.responses.'404'.content.keySet()",
                        contains("application/problem+json"))
                .body("components.schemas.ReleaseItem.properties.kind.enum",
                        org.hamcrest.Matchers.hasItems("rawhide", "fedora", "epel"));
    }
}
