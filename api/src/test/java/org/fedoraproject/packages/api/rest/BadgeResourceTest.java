package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.fedoraproject.packages.api.support.StoredData;
import org.fedoraproject.packages.api.support.XmlDocuments;
import org.fedoraproject.packages.contract.ConnectorName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** SVG badges, parsed as XML: their texts, colour and width, and their HTTP (ETag, 304, caching, errors). */
@QuarkusTest
class BadgeResourceTest {
    private static final String SVG = "http://www.w3.org/2000/svg";

    @Inject
    RedisDataSource redis;

    private StoredData stored;

    /** A versions document's release row; {@code version} null: no build there. */
    private static String row(String release, String longName, String branch, String version) {
        String build = version == null ? "null" : "{\"nvr\":\"curl-" + version + "-1\",\"version\":\"" + version
                + "\",\"release\":\"1\",\"epoch\":null,\"buildId\":1,\"buildUrl\":\"https://koji.fedoraproject.org/koji/buildinfo?buildID=1\","
                + "\"updateUrl\":null}";
        return "{\"release\":\"" + release + "\",\"longName\":\"" + longName + "\",\"branch\":\"" + branch
                + "\",\"state\":\"current\",\"stable\":" + build + ",\"testing\":null}";
    }

    private static String upstream(String stable, String rawhide, String outdated) {
        return "{\"project\":\"x\",\"projectUrl\":\"https://release-monitoring.org/project/1\",\"ecosystem\":null,\"latestVersion\":\""
                + stable + "\",\"stableVersion\":\"" + stable + "\",\"rawhideVersion\":" + (rawhide == null ? "null" : "\"" + rawhide + "\"")
                + ",\"outdated\":" + outdated + "}";
    }

    @BeforeEach
    void seed() {
        stored = new StoredData(redis);
        stored.clear();
        stored.document("curl", ConnectorName.VERSIONS, 11, "2026-11-25T10:00:00Z", "ok", "{\"releases\":["
                + row("F44", "Fedora 44", "rawhide", "8.12.0") + "," + row("F43", "Fedora 43", "f43", "8.11.1") + ","
                + row("EPEL-10.0", "Fedora EPEL 10.0", "epel10", null) + "]}");
        stored.document("curl", ConnectorName.UPSTREAM, 4, "2026-11-25T10:00:00Z", "ok", upstream("8.12.0", "8.12.0", "false"));
        // upstream ahead of Rawhide, with a version no upstream should have: it must stay text
        stored.document("odd", ConnectorName.VERSIONS, 2, "2026-11-25T10:00:00Z", "ok", "{\"releases\":["
                + row("F44", "Fedora 44", "rawhide", "0.9") + "," + row("EPEL-9", "Fedora EPEL 9", "epel9", "0.8") + "]}");
        stored.document("odd", ConnectorName.UPSTREAM, 3, "2026-11-25T10:00:00Z", "ok", upstream("1.0<b>&\\\"x", "0.9", "true"));
        stored.document("redis", ConnectorName.VERSIONS, 5, "2026-11-25T10:00:00Z", "ok", "{\"releases\":["
                + row("F44", "Fedora 44", "rawhide", null) + "," + row("EPEL-9", "Fedora EPEL 9", "epel9", "7.2.4") + "]}");
        stored.document("redis", ConnectorName.UPSTREAM, 6, "2026-11-25T10:00:00Z", "absent", "null");
        stored.binary("libcurl", "curl");
    }

    private record Badge(String title, List<String> texts, String colour, int width, Response response) {
    }

    private static Badge badge(String path) throws Exception {
        Response r = given().when().get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.contentType()).startsWith("image/svg+xml");
        Element svg = XmlDocuments.parse(r.asByteArray()).getDocumentElement();
        assertThat(svg.getNamespaceURI()).isEqualTo(SVG);
        assertThat(svg.getLocalName()).isEqualTo("svg");
        List<String> texts = new ArrayList<>();
        NodeList t = svg.getElementsByTagNameNS(SVG, "text");
        for (int i = 1; i < t.getLength(); i += 2) { // each text is drawn twice: its shadow, then itself
            texts.add(t.item(i).getTextContent());
        }
        NodeList rects = svg.getElementsByTagNameNS(SVG, "rect");
        String colour = ((Element) rects.item(2)).getAttribute("fill"); // clip, label, message, gloss
        int width = Integer.parseInt(svg.getAttribute("width"));
        int parts = Integer.parseInt(((Element) rects.item(1)).getAttribute("width"))
                + Integer.parseInt(((Element) rects.item(2)).getAttribute("width"));
        assertThat(parts).as("the two parts fill the badge").isEqualTo(width);
        return new Badge(XmlDocuments.text(svg, SVG, "title"), texts, colour, width, r);
    }

    @Test
    void versionInAReleaseColouredByHowItCompares() throws Exception {
        Badge rawhide = badge("/api/v1/packages/curl/badge/rawhide.svg");
        assertThat(rawhide.texts()).containsExactly("rawhide", "8.12.0");
        assertThat(rawhide.title()).isEqualTo("rawhide: 8.12.0");
        assertThat(rawhide.colour()).as("matches upstream").isEqualTo("#4c1");

        Badge f43 = badge("/api/v1/packages/curl/badge/f43.svg");
        assertThat(f43.texts()).containsExactly("fedora 43", "8.11.1");
        assertThat(f43.colour()).as("behind upstream and Rawhide").isEqualTo("#e05d44");

        Badge odd = badge("/api/v1/packages/odd/badge/rawhide.svg");
        assertThat(odd.texts()).containsExactly("rawhide", "0.9");
        assertThat(odd.colour()).as("matches Rawhide, behind upstream").isEqualTo("#007ec6");

        Badge byBodhiName = badge("/api/v1/packages/odd/badge/EPEL-9.svg");
        assertThat(byBodhiName.texts()).containsExactly("epel 9", "0.8");
        assertThat(byBodhiName.colour()).isEqualTo("#e05d44");
    }

    @Test
    void aReleaseThePackageIsNotInIsAGreyNotPackagedBadge() throws Exception {
        Badge epel = badge("/api/v1/packages/curl/badge/epel10.svg");
        assertThat(epel.texts()).containsExactly("epel 10", "not packaged");
        assertThat(epel.colour()).isEqualTo("#9f9f9f");
        Badge ended = badge("/api/v1/packages/curl/badge/f12.svg");
        assertThat(ended.texts()).containsExactly("fedora 12", "not packaged");
        assertThat(ended.colour()).isEqualTo("#9f9f9f");
    }

    @Test
    void upstreamBadgeSaysBehindOrUpToDateWithTheVersions() throws Exception {
        Badge curl = badge("/api/v1/packages/curl/badge/upstream.svg");
        assertThat(curl.texts()).containsExactly("upstream", "up to date: 8.12.0");
        assertThat(curl.colour()).isEqualTo("#4c1");

        Badge odd = badge("/api/v1/packages/odd/badge/upstream.svg");
        assertThat(odd.texts()).as("escaped text comes back as the same text").containsExactly("upstream", "behind upstream: 0.9 < 1.0<b>&\"x");
        assertThat(odd.colour()).isEqualTo("#e05d44");
        assertThat(odd.response().asString()).doesNotContain("<b>");
        assertThat(odd.width()).as("width follows the text").isGreaterThan(curl.width());

        Badge redis = badge("/api/v1/packages/redis/badge/upstream.svg");
        assertThat(redis.texts()).containsExactly("upstream", "not monitored");
        assertThat(redis.colour()).isEqualTo("#9f9f9f");
    }

    @Test
    void widthGrowsWithTheText() {
        assertThat(SvgBadge.width("8.12.0")).isLessThan(SvgBadge.width("8.12.0.20261125"));
        assertThat(SvgBadge.width("iiii")).isLessThan(SvgBadge.width("mmmm"));
    }

    @Test
    void etagFromTheDocumentsVersionsAndAShortCacheLifetime() {
        String etag = given().when().get("/api/v1/packages/curl/badge/rawhide.svg").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300").extract().header("ETag");
        assertThat(etag).isEqualTo("\"badge.11.4\"");
        given().header("If-None-Match", etag).when().get("/api/v1/packages/curl/badge/rawhide.svg").then().statusCode(304)
                .header("ETag", etag).header("Cache-Control", "public, max-age=300");
        given().header("If-None-Match", etag).when().get("/api/v1/packages/curl/badge/upstream.svg").then().statusCode(304);
        stored.document("curl", ConnectorName.UPSTREAM, 5, "2026-11-26T10:00:00Z", "ok", upstream("8.13.0", "8.12.0", "true"));
        given().header("If-None-Match", etag).when().get("/api/v1/packages/curl/badge/rawhide.svg").then().statusCode(200)
                .header("ETag", "\"badge.11.5\"");
    }

    @Test
    void unknownPackageIs404ProblemJsonAndASubPackageLeadsToItsSource() {
        for (String path : new String[] {"/api/v1/packages/no-such-package/badge/rawhide.svg",
            "/api/v1/packages/no-such-package/badge/upstream.svg"}) {
            given().when().get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("status", equalTo(404)).body("detail", containsString("no-such-package"));
        }
        given().redirects().follow(false).when().get("/api/v1/packages/libcurl/badge/f43.svg").then().statusCode(308)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/packages/curl/badge/f43.svg"));
        given().redirects().follow(false).when().get("/api/v1/packages/libcurl/badge/upstream.svg").then().statusCode(308)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/packages/curl/badge/upstream.svg"));
        given().when().get("/api/v1/packages/curl/badge/%3Cb%3E.svg").then().statusCode(400).contentType("application/problem+json");
    }
}
