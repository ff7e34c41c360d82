package org.fedoraproject.packages.worker.connector.koschei;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.contract.document.CiDocument;
import org.fedoraproject.packages.contract.document.CiDocument.Collection;
import org.fedoraproject.packages.contract.testing.SharedFixtures;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.refresh.Outcome;
import org.fedoraproject.packages.worker.refresh.Refresher;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.FailureChecks;
import org.fedoraproject.packages.worker.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;

/**
 * The CI connector. No Koschei API answer was ever recorded, so the answers are ours in the shape
 * Koschei's {@code /api/v1/packages} documents (a JSON array, PostgreSQL-rendered times without a
 * zone); the rnv one follows the real Koschei message (rnv failing in f22) and the real Koji build
 * task of rnv (25162638, 2018-02-19).
 */
@QuarkusTest
class CiConnectorTest extends ConnectorTestBase {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CURL = """
            [{"name": "curl", "collection": "f43", "state": "ok",
              "last_complete_build": {"task_id": 139989601, "time_started": "2026-11-18T22:20:15.475959",
                "time_finished": "2026-11-18T22:29:31.483032", "epoch": null, "version": "8.15.0", "release": "1.fc43"}},
             {"name": "curl", "collection": "f44", "state": "ok",
              "last_complete_build": {"task_id": 139923425, "time_started": "2026-11-19T00:55:55.801540",
                "time_finished": "2026-11-19T01:06:01.358439", "epoch": null, "version": "8.17.0", "release": "2.fc44"}},
             {"name": "curl", "collection": "epel10", "state": "unresolved", "last_complete_build": null}]
            """;

    @Inject
    CiConnector connector;


    private static void stubPackages(String name, ResponseDefinitionBuilder response) {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/koschei/api/v1/packages"))
                .withQueryParam("name", equalTo(name)).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void curlInThreeCollectionsNewestFirst() {
        stubPackages("curl", json(CURL));

        FetchResult result = connector.fetch("curl").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(result.source()).endsWith("/koschei/api/v1/packages?name=curl");
        CiDocument ci = (CiDocument) result.data();
        assertThat(ci.url()).isEqualTo("https://koschei.fedoraproject.org/package/curl");
        assertThat(ci.collections()).extracting(Collection::collection).containsExactly("f44", "f43", "epel10");
        Collection f44 = ci.collections().get(0);
        assertThat(f44.state()).isEqualTo("ok");
        assertThat(f44.lastBuildTaskId()).isEqualTo(139923425L);
        assertThat(f44.lastBuildAt()).isEqualTo("2026-11-19T01:06:01Z");
        assertThat(f44.taskUrl()).isEqualTo("https://koji.fedoraproject.org/koji/taskinfo?taskID=139923425");
        Collection f43 = ci.collections().get(1);
        assertThat(f43.lastBuildTaskId()).isEqualTo(139989601L);
        assertThat(f43.lastBuildAt()).isEqualTo("2026-11-18T22:29:31Z");
        Collection epel = ci.collections().get(2);
        assertThat(epel.state()).isEqualTo("unresolved");
        assertThat(epel.lastBuildTaskId()).isNull();
        assertThat(epel.lastBuildAt()).isNull();
        assertThat(epel.taskUrl()).isNull();
    }

    @Test
    void rnvFailingAsKoscheiAnnouncedIt() throws Exception {
        JsonNode message = MAPPER.readTree(SharedFixtures.realText(
                "messages/koschei/fedmsg__koschei.package.state.change.json")).get("msg");
        String body = MAPPER.createArrayNode().add(MAPPER.createObjectNode()
                .put("name", message.get("name").asText())
                .put("collection", message.get("collection").asText())
                .put("state", message.get("new").asText())
                .set("last_complete_build", MAPPER.createObjectNode().put("task_id", 25162638)
                        .put("time_started", "2018-02-19T14:48:48.357059").putNull("time_finished")
                        .putNull("epoch").put("version", "1.7.11").put("release", "15.fc28"))).toString();
        stubPackages("rnv", json(body));

        CiDocument ci = (CiDocument) connector.fetch("rnv").await().indefinitely().data();

        assertThat(ci.url()).isEqualTo("https://koschei.fedoraproject.org/package/rnv");
        assertThat(ci.collections()).hasSize(1);
        Collection f22 = ci.collections().get(0);
        assertThat(f22.collection()).isEqualTo("f22");
        assertThat(f22.state()).isEqualTo("failing");
        assertThat(f22.lastBuildTaskId()).isEqualTo(25162638L);
        assertThat(f22.lastBuildAt()).isEqualTo("2018-02-19T14:48:48Z"); // not finished: when it started
        assertThat(f22.taskUrl()).isEqualTo("https://koji.fedoraproject.org/koji/taskinfo?taskID=25162638");
    }

    @Test
    void packageKoscheiDoesNotTrackIsAbsent() {
        stubPackages("python-requre", json("[]"));

        FetchResult result = connector.fetch("python-requre").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.ABSENT);
        assertThat(result.data()).isNull();
    }

    @Test
    void storedDocumentHasEveryField() throws Exception {
        stubPackages("curl", json(CURL));
        assertThat(refresher.refresh("curl", ConnectorName.CI).await().indefinitely()).isEqualTo(Outcome.WRITTEN);
        JsonNode data = MAPPER.readTree(redis.hash(String.class)
                .hget(RedisLayout.document("curl", ConnectorName.CI), RedisLayout.DOC_BODY)).get("data");
        assertThat(data.fieldNames()).toIterable().containsExactly("url", "collections");
        JsonNode epel = data.get("collections").get(2);
        assertThat(epel.fieldNames()).toIterable().containsExactly("collection", "state", "lastBuildTaskId",
                "lastBuildAt", "taskUrl");
        assertThat(epel.get("taskUrl").isNull()).isTrue();
    }

    @Test
    void failuresKeepTheLastGoodCi() throws Exception {
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "curl", ConnectorName.CI,
                () -> stubPackages("curl", json(CURL)), response -> stubPackages("curl", response),
                FailureChecks.commonFailures());
    }
}
