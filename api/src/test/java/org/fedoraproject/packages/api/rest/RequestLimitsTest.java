package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Requests refused below the REST layer are problem+json too: 414, 431, and 400 for bad bytes. */
@QuarkusTest
class RequestLimitsTest {
    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    private String raw(String request) {
        try (java.net.Socket s = new java.net.Socket(root.getHost(), root.getPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTooLongUriIs414Problem() {
        given().urlEncodingEnabled(false).when().get("/api/v1/packages/" + "a".repeat(9000)).then().statusCode(414)
                .contentType("application/problem+json").body("status", equalTo(414));
    }

    @Test
    void tooLargeHeadersAre431Problem() {
        given().header("X-Filler", "b".repeat(20_000)).when().get("/api/v1/packages").then().statusCode(431)
                .contentType("application/problem+json").body("status", equalTo(431));
    }

    @Test
    void badBytesInTheUriAre400Problem() {
        // sent as raw bytes: HTTP clients refuse to build such URIs. (A malformed escape, %zz, is refused by
        // the HTTP server itself before any route, with a bare 400: see RequestLimits.)
        for (String path : new String[] {"/api/v1/packages/%C3%28", "/api/v1/packages/a%00b",
            "/api/v1/search?q=%E0%80%80", "/api/v1/packages/a%0Ab", "/api/v1/packages/%FF"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            org.assertj.core.api.Assertions.assertThat(answer).as(path).startsWith("HTTP/1.1 400")
                    .containsIgnoringCase("content-type: application/problem+json").contains("\"status\":400");
        }
        // valid escapes pass: UTF-8 text in a query
        given().urlEncodingEnabled(false).when().get("/api/v1/packages?offset=%30").then().statusCode(200);
    }
}
