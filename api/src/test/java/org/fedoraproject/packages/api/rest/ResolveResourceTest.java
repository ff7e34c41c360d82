package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fedoraproject.packages.api.support.StoredData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/resolve against Redis holding the worker's binary index, known set and provides indexes. */
@QuarkusTest
class ResolveResourceTest {
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void seed() {
        StoredData stored = new StoredData(redis);
        stored.clear();
        stored.known("vim");
        stored.known("glibc");
        stored.known("bash");
        stored.known("oldpkg");
        stored.binary("glibc", "glibc");
        stored.binary("bash", "bash");
        stored.binary("vim-common", "vim");
        stored.binary("vim-enhanced", "vim");
        stored.resolveOrder("rawhide", "f43");
        stored.provides("rawhide", "libc.so.6()(64bit)", "glibc", "glibc");
        stored.provides("rawhide", "/usr/bin/sh", "bash", "bash");
        stored.provides("rawhide", "config(vim-common)", "vim-common", "vim");
        stored.provides("rawhide", "perl(Foo::Bar)", "perl-Foo-Bar", "perl-Foo-Bar");
        // only on F43 (retired from Rawhide), and a name both branches provide: Rawhide's answer wins
        stored.provides("f43", "libold.so.1()(64bit)", "oldpkg-libs", "oldpkg");
        stored.provides("f43", "/usr/bin/sh", "dash", "dash");
    }

    @Test
    void eachNameLeadsToTheBinaryThatProvidesItAndItsSourceInRequestOrder() {
        given().when().get("/api/v1/resolve?names=libc.so.6()(64bit),/usr/bin/sh,vim-common,vim,config(vim-common),"
                        + "perl(Foo::Bar),libold.so.1()(64bit),nosuch")
                .then().statusCode(200).contentType("application/json")
                .header("ETag", notNullValue()).header("Cache-Control", equalTo("no-cache"))
                .body("items.name", contains("libc.so.6()(64bit)", "/usr/bin/sh", "vim-common", "vim", "config(vim-common)",
                        "perl(Foo::Bar)", "libold.so.1()(64bit)", "nosuch"))
                .body("items.binary", contains("glibc", "bash", "vim-common", null, "vim-common", "perl-Foo-Bar", "oldpkg-libs", null))
                .body("items.package", contains("glibc", "bash", "vim", "vim", "vim", "perl-Foo-Bar", "oldpkg", null))
                .body("items[7].binary", nullValue()).body("items[7].package", nullValue());
    }

    @Test
    void anUnchangedAnswerIsRevalidatedWith304() {
        String etag = given().when().get("/api/v1/resolve?names=glibc").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/resolve?names=glibc").then().statusCode(304);
    }

    @Test
    void aRichDependencyIsAValidNameThatNothingProvides() {
        given().queryParam("names", "(python3-foo if python3),/usr/bin/[").when().get("/api/v1/resolve")
                .then().statusCode(200).body("items.package", contains(null, null));
    }

    @Test
    void moreThan100NamesIs400ProblemJson() {
        String hundred = IntStream.range(0, 100).mapToObj(i -> "p" + i).collect(Collectors.joining(","));
        given().when().get("/api/v1/resolve?names=" + hundred).then().statusCode(200);
        given().when().get("/api/v1/resolve?names=" + hundred + ",p100").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400)).body("detail", containsString("100"));
    }

    @Test
    void badCharactersATooLongNameOrNoNamesAre400ProblemJson() {
        given().queryParam("names", "glibc,café").when().get("/api/v1/resolve").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("not a dependency name"));
        // a control character: refused already by the HTTP layer's URI check, as problem+json too
        given().queryParam("names", "glibc,bad\nname").when().get("/api/v1/resolve").then().statusCode(400)
                .contentType("application/problem+json");
        given().when().get("/api/v1/resolve?names=" + "a".repeat(257)).then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/resolve?names=,").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/resolve").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownQueryParameterIs400ProblemJson() {
        given().when().get("/api/v1/resolve?names=glibc&branch=f43").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("branch"));
    }

    @Test
    void theEndpointIsInTheOpenApiDocument() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/resolve'.get.operationId", equalTo("resolve"))
                .body("paths.'/api/v1/resolve'.get.responses.'400'", notNullValue());
    }
}
