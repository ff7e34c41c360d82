package org.fedoraproject.packages.worker.connector.anitya;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.contract.document.UpstreamDocument;
import org.fedoraproject.packages.contract.testing.SharedFixtures;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.refresh.Outcome;
import org.fedoraproject.packages.worker.refresh.Refresher;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.FailureChecks;
import org.fedoraproject.packages.worker.support.MdapiStubs;
import org.fedoraproject.packages.worker.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;

/**
 * The upstream connector. No positive Anitya v2 answer was ever recorded, so the answers are ours in
 * the shape Anitya's API documentation gives; the project objects in them are real ones, taken from
 * real {@code anitya.project.version.update.v2} messages (a v2 project item is the same
 * {@code Project.__json__}). Rawhide versions come from mdapi (the real curl recording, or ours).
 */
@QuarkusTest
class UpstreamConnectorTest extends ConnectorTestBase {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    UpstreamConnector connector;


    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static void stubPackages(String name, ResponseDefinitionBuilder response) {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/anitya/api/v2/packages/"))
                .withQueryParam("name", equalTo(name))
                .withQueryParam("distribution", equalTo("Fedora"))
                .willReturn(response));
    }

    private static void stubProjects(String name, String ecosystem, ResponseDefinitionBuilder response) {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/anitya/api/v2/projects/"))
                .withQueryParam("name", equalTo(name))
                .withQueryParam("ecosystem", equalTo(ecosystem))
                .willReturn(response));
    }

    /** {"items": [item], "items_per_page": 25, "page": 1, "total_items": 1}, Anitya v2's page shape. */
    private static String page(JsonNode... items) {
        ObjectNode page = MAPPER.createObjectNode();
        var list = page.putArray("items");
        for (JsonNode item : items) {
            list.add(item);
        }
        return page.put("items_per_page", 25).put("page", 1).put("total_items", items.length).toString();
    }

    /** The real redis project (id 4181) from the v2 message that made the-new-hotness file bug 2106196. */
    private static ObjectNode realRedisProject() throws Exception {
        return (ObjectNode) MAPPER.readTree(SharedFixtures.realText("messages/anitya/hotness.update.bug.file__redis.json"))
                .get("trigger").get("msg").get("message").get("project");
    }

    /** The real mypy-boto3 project (id 40221, PyPI) from a v2 version-update message. */
    private static ObjectNode realMypyBoto3Project() throws Exception {
        return (ObjectNode) MAPPER.readTree(SharedFixtures.realText(
                "messages/anitya/anitya.project.version.update.v2__mypy-boto3.json")).get("message").get("project");
    }

    private void stubRedis(String rawhideVersion) throws Exception {
        ObjectNode project = realRedisProject();
        ObjectNode item = MAPPER.createObjectNode().put("distribution", "Fedora").put("name", "redis")
                .put("project", project.get("name").asText()).put("ecosystem", project.get("ecosystem").asText())
                .put("version", project.get("version").asText())
                .put("stable_version", project.get("stable_versions").get(0).asText());
        stubPackages("redis", json(page(item)));
        stubProjects("redis", "http://redis.io", json(page(project)));
        ObjectNode srcpkg = (ObjectNode) MAPPER.readTree(MdapiStubs.likeCurl("redis", "A persistent key-value database"));
        srcpkg.put("version", rawhideVersion);
        MdapiStubs.serve(WireMockUpstreams.server(), "/rawhide/srcpkg/redis", srcpkg.toString());
    }

    @Test
    void redisIsBehindUpstream() throws Exception {
        stubRedis("7.0.2");

        FetchResult result = connector.fetch("redis").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(result.source()).endsWith("/anitya/api/v2/packages/?name=redis&distribution=Fedora");
        UpstreamDocument u = (UpstreamDocument) result.data();
        assertThat(u.project()).isEqualTo("redis");
        assertThat(u.projectUrl()).isEqualTo("https://release-monitoring.org/project/4181");
        assertThat(u.ecosystem()).isEqualTo("http://redis.io");
        assertThat(u.latestVersion()).isEqualTo("7.0.3");
        assertThat(u.stableVersion()).isEqualTo("7.0.3");
        assertThat(u.rawhideVersion()).isEqualTo("7.0.2");
        assertThat(u.outdated()).isTrue();
    }

    /**
     * An item without version fields (Anitya before 1.7 sent only distribution, name, project,
     * ecosystem): the versions come from the project; the package is not in Rawhide.
     */
    @Test
    void mypyBoto3VersionsFromTheProjectAndNotInRawhide() throws Exception {
        ObjectNode project = realMypyBoto3Project();
        stubPackages("python-mypy-boto3", json(page(MAPPER.createObjectNode().put("distribution", "Fedora")
                .put("name", "python-mypy-boto3").put("project", "mypy-boto3").put("ecosystem", "pypi"))));
        stubProjects("mypy-boto3", "pypi", json(page(project)));
        // mdapi has no /rawhide/srcpkg/python-mypy-boto3: WireMock answers 404

        UpstreamDocument u = (UpstreamDocument) connector.fetch("python-mypy-boto3").await().indefinitely().data();

        assertThat(u.project()).isEqualTo("mypy-boto3");
        assertThat(u.projectUrl()).isEqualTo("https://release-monitoring.org/project/40221");
        assertThat(u.ecosystem()).isEqualTo("pypi");
        assertThat(u.latestVersion()).isEqualTo("1.33.1");
        assertThat(u.stableVersion()).isEqualTo("1.33.1");
        assertThat(u.rawhideVersion()).isNull();
        assertThat(u.outdated()).isNull();
    }

    /**
     * Rawhide's real curl (8.22.0~rc2) is ahead of upstream's 8.18.0: a tilde pre-release of a newer
     * version is still newer. Anitya's projects call answers 404 here (as the demo WireMock does):
     * the link falls back to Anitya's exact-name search.
     */
    @Test
    void curlPrereleaseInRawhideIsNotOutdatedAndLinksBySearchWithoutProjectId() {
        stubPackages("curl", json("{\"items\":[{\"distribution\":\"Fedora\",\"ecosystem\":\"https://curl.se/\","
                + "\"name\":\"curl\",\"project\":\"curl\",\"stable_version\":\"8.18.0\",\"version\":\"8.19.0-rc1\"}],"
                + "\"items_per_page\":25,\"page\":1,\"total_items\":1}"));
        MdapiStubs.real(WireMockUpstreams.server(), "/rawhide/srcpkg/curl", "mdapi/rawhide_pkg_curl.json");

        UpstreamDocument u = (UpstreamDocument) connector.fetch("curl").await().indefinitely().data();

        assertThat(u.projectUrl()).isEqualTo("https://release-monitoring.org/projects/search/?pattern=curl&exact=1");
        assertThat(u.ecosystem()).isEqualTo("https://curl.se/");
        assertThat(u.latestVersion()).isEqualTo("8.19.0-rc1");
        assertThat(u.stableVersion()).isEqualTo("8.18.0");
        assertThat(u.rawhideVersion()).isEqualTo("8.22.0~rc2");
        assertThat(u.outdated()).isFalse();
        WireMockUpstreams.server().verify(1, getRequestedFor(
                urlPathEqualTo("/anitya/api/v2/projects/")).withQueryParam("ecosystem", equalTo("https://curl.se/")));
    }

    @Test
    void packageWithoutAFedoraMappingIsAbsent() {
        stubPackages("python-requre", json("{\"items\":[],\"items_per_page\":25,\"page\":1,\"total_items\":0}"));

        FetchResult result = connector.fetch("python-requre").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.ABSENT);
        assertThat(result.data()).isNull();
        assertThat(result.source()).endsWith("/anitya/api/v2/packages/?name=python-requre&distribution=Fedora");
        // nothing else is asked
        assertThat(WireMockUpstreams.server().findAll(anyRequestedFor(urlPathMatching("/(mdapi|anitya/api/v2/projects)/.*"))))
                .isEmpty();
    }

    @Test
    void storedDocumentHasEveryFieldWithNulls() throws Exception {
        ObjectNode project = realMypyBoto3Project();
        stubPackages("python-mypy-boto3", json(page(MAPPER.createObjectNode().put("distribution", "Fedora")
                .put("name", "python-mypy-boto3").put("project", "mypy-boto3").put("ecosystem", "pypi"))));
        stubProjects("mypy-boto3", "pypi", json(page(project)));

        assertThat(refresher.refresh("python-mypy-boto3", ConnectorName.UPSTREAM).await().indefinitely())
                .isEqualTo(Outcome.WRITTEN);
        JsonNode data = MAPPER.readTree(redis.hash(String.class).hget(
                RedisLayout.document("python-mypy-boto3", ConnectorName.UPSTREAM),
                RedisLayout.DOC_BODY)).get("data");
        assertThat(data.fieldNames()).toIterable().containsExactly("project", "projectUrl", "ecosystem",
                "latestVersion", "stableVersion", "rawhideVersion", "outdated");
        assertThat(data.get("rawhideVersion").isNull()).isTrue();
        assertThat(data.get("outdated").isNull()).isTrue();
    }

    @Test
    void anityaFailuresKeepTheLastGoodDocument() throws Exception {
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "redis", ConnectorName.UPSTREAM,
                this::stubRedisUnchecked, response -> stubPackages("redis", response), FailureChecks.commonFailures());
    }

    @Test
    void anityaProjectFailuresKeepTheLastGoodDocument() throws Exception {
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "redis", ConnectorName.UPSTREAM,
                this::stubRedisUnchecked, response -> stubProjects("redis", "http://redis.io", response),
                FailureChecks.commonFailures());
    }

    /** mdapi failing (other than 404) fails the document too: rawhideVersion is not silently dropped. */
    @Test
    void mdapiFailuresKeepTheLastGoodDocument() throws Exception {
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "redis", ConnectorName.UPSTREAM,
                this::stubRedisUnchecked,
                response -> WireMockUpstreams.server().stubFor(get(urlEqualTo("/mdapi/rawhide/srcpkg/redis")).willReturn(response)),
                FailureChecks.commonFailures());
    }

    private void stubRedisUnchecked() {
        try {
            stubRedis("7.0.2");
        } catch (RuntimeException e) {
            throw e; // incl. JUnit's TestAbortedException when ../shared is absent: the test is skipped
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
