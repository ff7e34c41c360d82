package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.fedoraproject.packages.api.support.StoredData;
import org.fedoraproject.packages.api.support.XmlDocuments;
import org.fedoraproject.packages.contract.ConnectorName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The Atom feed of a package's builds and updates, read back with the JDK's strict XML parser. */
@QuarkusTest
class FeedResourceTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** What an update title could hold if Bodhi let anything through: markup, an entity, a control character, a CDATA end. */
    private static final String HOSTILE = "curl-8.11.1-1.fc43 </summary><script>alert(1)</script> &amp; \\u0001 ]]> \\\"q\\\"";

    @Inject
    RedisDataSource redis;

    private StoredData stored;

    @BeforeEach
    void seed() {
        stored = new StoredData(redis);
        stored.clear();
        stored.document("curl", ConnectorName.BUILDS, 7, "2026-11-25T10:00:00Z", "ok", """
                {"builds":[
                 {"buildId":1001,"nvr":"curl-8.11.1-1.fc44","version":"8.11.1","release":"1.fc44","epoch":null,"state":"COMPLETE",
                  "owner":"paul","startedAt":"2026-11-20T10:00:00Z","completedAt":"2026-11-20T10:05:00Z","durationSeconds":300,
                  "taskId":5,"taskUrl":"https://koji.fedoraproject.org/koji/taskinfo?taskID=5",
                  "buildUrl":"https://koji.fedoraproject.org/koji/buildinfo?buildID=1001"},
                 {"buildId":1002,"nvr":"curl-8.12.0-1.fc44","version":"8.12.0","release":"1.fc44","epoch":null,"state":"BUILDING",
                  "owner":"<img src=x onerror=alert(1)>","startedAt":"2026-11-24T09:00:00Z","completedAt":null,"durationSeconds":null,
                  "taskId":6,"taskUrl":null,"buildUrl":"javascript:alert(1)"}]}""");
        stored.document("curl", ConnectorName.UPDATES, 9, "2026-11-25T10:01:00Z", "ok", """
                {"total":2,"updates":[
                 {"alias":"FEDORA-2026-aaaa","title":"%s","release":"F43","status":"testing","type":"security",
                  "severity":"high","karma":1,"submitter":"paul","dateSubmitted":"2026-11-21T08:00:00Z",
                  "dateTesting":"2026-11-22T08:00:00Z","dateStable":null,"dateModified":null,"builds":["curl-8.11.1-1.fc43"],
                  "url":"https://bodhi.fedoraproject.org/updates/FEDORA-2026-aaaa"},
                 {"alias":"FEDORA-2026-bbbb","title":"curl-8.10.0-1.fc43","release":"F43","status":"stable","type":"bugfix",
                  "severity":"unspecified","karma":3,"submitter":"anna","dateSubmitted":"2026-11-01T08:00:00Z",
                  "dateTesting":"2026-11-02T08:00:00Z","dateStable":"2026-11-08T08:00:00Z","dateModified":null,
                  "builds":["curl-8.10.0-1.fc43"],"url":"https://bodhi.fedoraproject.org/updates/FEDORA-2026-bbbb"}]}"""
                .formatted(HOSTILE));
        stored.binary("libcurl", "curl");
    }

    @Test
    void buildsAndUpdatesNewestFirstWithStableIdsLinksAndEscapedText() throws Exception {
        Response r = given().when().get("/api/v1/packages/curl/feed.atom");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/atom+xml");
        Element feed = XmlDocuments.parse(r.asByteArray()).getDocumentElement();

        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(XmlDocuments.text(feed, ATOM, "id")).isEqualTo("tag:packages.fedoraproject.org,2026:package:curl");
        assertThat(XmlDocuments.text(feed, ATOM, "updated")).as("the newest entry's").isEqualTo("2026-11-24T09:00:00Z");
        List<Element> entries = XmlDocuments.children(feed, ATOM, "entry");
        assertThat(entries).extracting(e -> XmlDocuments.text(e, ATOM, "id")).containsExactly(
                "tag:packages.fedoraproject.org,2026:koji-build:1002",
                "tag:packages.fedoraproject.org,2026:bodhi-update:FEDORA-2026-aaaa",
                "tag:packages.fedoraproject.org,2026:koji-build:1001",
                "tag:packages.fedoraproject.org,2026:bodhi-update:FEDORA-2026-bbbb");
        assertThat(entries).extracting(e -> XmlDocuments.text(e, ATOM, "updated")).containsExactly(
                "2026-11-24T09:00:00Z", "2026-11-22T08:00:00Z", "2026-11-20T10:05:00Z", "2026-11-08T08:00:00Z");
        assertThat(XmlDocuments.children(entries.get(0), ATOM, "link").get(0).getAttribute("href"))
                .as("a javascript: link from a document is replaced by the package's own page").endsWith("/packages/curl/builds");
        assertThat(XmlDocuments.children(entries.get(1), ATOM, "link").get(0).getAttribute("href"))
                .isEqualTo("https://bodhi.fedoraproject.org/updates/FEDORA-2026-aaaa");
        assertThat(XmlDocuments.children(entries.get(2), ATOM, "link").get(0).getAttribute("href"))
                .isEqualTo("https://koji.fedoraproject.org/koji/buildinfo?buildID=1001");
        assertThat(XmlDocuments.text(entries.get(2), ATOM, "title")).isEqualTo("curl-8.11.1-1.fc44 build complete");
        assertThat(XmlDocuments.text(entries.get(3), ATOM, "title")).isEqualTo("FEDORA-2026-bbbb: bugfix update for F43, stable");

        // the hostile texts come back as the same text (less the control character XML cannot hold), not as markup
        assertThat(XmlDocuments.text(entries.get(1), ATOM, "summary")).startsWith(
                "curl-8.11.1-1.fc43 </summary><script>alert(1)</script> &amp;  ]]> \"q\"; submitted by paul");
        assertThat(XmlDocuments.text(entries.get(0), ATOM, "summary")).contains("by <img src=x onerror=alert(1)>");
        assertThat(XmlDocuments.children(entries.get(1), ATOM, "script")).isEmpty();
        assertThat(r.asString()).doesNotContain("<script>").doesNotContain("\u0001");
    }

    @Test
    void atMostTheConfiguredNumberOfEntries() throws Exception {
        StringBuilder builds = new StringBuilder("{\"builds\":[");
        for (int i = 0; i < 60; i++) {
            builds.append(i == 0 ? "" : ",").append("{\"buildId\":").append(i).append(",\"nvr\":\"vim-9.1.").append(i)
                    .append("-1.fc44\",\"state\":\"COMPLETE\",\"completedAt\":\"2026-10-01T00:").append(String.format("%02d", i)).append(":00Z\"}");
        }
        stored.document("vim", ConnectorName.BUILDS, 2, "2026-11-25T10:00:00Z", "ok", builds.append("]}").toString());
        stored.document("vim", ConnectorName.UPDATES, 3, "2026-11-25T10:00:00Z", "absent", "null");

        Element feed = XmlDocuments.parse(given().when().get("/api/v1/packages/vim/feed.atom").then().statusCode(200)
                .extract().asByteArray()).getDocumentElement();

        List<Element> entries = XmlDocuments.children(feed, ATOM, "entry");
        assertThat(entries).hasSize(50);
        assertThat(XmlDocuments.text(entries.get(0), ATOM, "title")).isEqualTo("vim-9.1.59-1.fc44 build complete");
        assertThat(XmlDocuments.text(entries.get(49), ATOM, "title")).isEqualTo("vim-9.1.10-1.fc44 build complete");
    }

    @Test
    void aPackageWithNothingToShowHasAnEmptyFeedDatedByItsDocuments() throws Exception {
        stored.document("zsh", ConnectorName.BUILDS, 4, "2026-11-25T10:00:00Z", "absent", "null");
        stored.document("zsh", ConnectorName.UPDATES, 5, "2026-11-25T11:00:00Z", "ok", "{\"total\":0,\"updates\":[]}");

        Element feed = XmlDocuments.parse(given().when().get("/api/v1/packages/zsh/feed.atom").then().statusCode(200)
                .extract().asByteArray()).getDocumentElement();

        assertThat(XmlDocuments.children(feed, ATOM, "entry")).isEmpty();
        assertThat(XmlDocuments.text(feed, ATOM, "updated")).isEqualTo("2026-11-25T11:00:00Z");
    }

    @Test
    void theEtagIsTheDocumentsVersionsAndIfNoneMatchIs304() {
        String etag = given().when().get("/api/v1/packages/curl/feed.atom").then().statusCode(200)
                .header("Cache-Control", "no-cache").extract().header("ETag");
        assertThat(etag).isEqualTo("\"feed.7.9\"");
        given().header("If-None-Match", etag).when().get("/api/v1/packages/curl/feed.atom").then().statusCode(304)
                .header("ETag", etag);
        given().header("If-None-Match", "W/" + etag).when().get("/api/v1/packages/curl/feed.atom").then().statusCode(304);
        // a new updates document is a new feed
        stored.document("curl", ConnectorName.UPDATES, 10, "2026-11-25T12:00:00Z", "ok", "{\"total\":0,\"updates\":[]}");
        given().header("If-None-Match", etag).when().get("/api/v1/packages/curl/feed.atom").then().statusCode(200)
                .header("ETag", "\"feed.7.10\"");
    }

    @Test
    void unknownPackageIs404ProblemJsonAndASubPackageLeadsToItsSource() {
        given().when().get("/api/v1/packages/no-such-package/feed.atom").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("no-such-package"));
        given().when().get("/api/v1/packages/bad%20name!/feed.atom").then().statusCode(400).contentType("application/problem+json");
        given().redirects().follow(false).when().get("/api/v1/packages/libcurl/feed.atom").then().statusCode(308)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/packages/curl/feed.atom"))
                .header("X-Binary-Package-Of", "curl");
    }

    @Test
    void theFeedPathIsNotTakenForAConnectorNorTheConnectorsForIt() {
        given().when().get("/api/v1/packages/curl/builds").then().statusCode(200).contentType("application/json")
                .body("connector", equalTo("builds"));
        given().when().get("/api/v1/packages/curl/feed.xml").then().statusCode(404).contentType("application/problem+json")
                .body("detail", startsWith("No connector named 'feed.xml'"));
        given().when().get("/api/v1/packages/curl/feed.atom?limit=5").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aKnownPackageWithNeitherDocumentYetIsPending() {
        stored.known("bash");
        given().when().get("/api/v1/packages/bash/feed.atom").then().statusCode(202)
                .header("Retry-After", "2")
                .body("status", equalTo("pending"));
    }
}
