package org.fedoraproject.packages.api.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The packaged API (the fast jar after {@code mvn package}, the native executable after
 * {@code -Dnative}) as the Deployment runs it: the production profile, configured from outside. What a
 * native build loses first shows here: health for the probes, JSON shapes and problem+json written by
 * Jackson, the OpenAPI document, and the SPA's resources.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedServices.class, restrictToAnnotatedClass = true) // else every @QuarkusTest of the module would run as the packaged instance
class ApiPackagedIT {
    @Test
    void theProbesAnswer() {
        given().get("/q/health/started").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void anUnknownPackageIsAProblemJson404() {
        given().get("/api/v1/packages/no-such-package-packaged-it").then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("status", equalTo(404));
    }

    @Test
    void theStatusAndTheOpenApiDocumentAreServed() {
        given().get("/api/v1/status").then().statusCode(200).contentType(containsString("json"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/packages"));
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void theSpaIsServedFromTheApplication() {
        // frontend/dist is copied into the jar when it was built (deploy/local/test.sh builds it first)
        int status = given().get("/").statusCode();
        if (status == 200) {
            given().get("/").then().contentType(containsString("text/html")).body(containsString("<script"));
        } else {
            System.out.println("ApiPackagedIT: no SPA in this build (frontend/dist was not built): / answered " + status);
        }
    }
}
