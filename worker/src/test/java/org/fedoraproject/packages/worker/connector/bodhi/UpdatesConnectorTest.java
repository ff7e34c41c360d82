package org.fedoraproject.packages.worker.connector.bodhi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.contract.document.UpdatesDocument;
import org.fedoraproject.packages.contract.document.UpdatesDocument.Update;
import org.fedoraproject.packages.contract.testing.SharedFixtures;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.refresh.Outcome;
import org.fedoraproject.packages.worker.refresh.Refresher;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.FailureChecks;
import org.fedoraproject.packages.worker.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;

/** The updates connector on Bodhi's real {@code /updates/?packages=python-requre} page (2021). */
@QuarkusTest
class UpdatesConnectorTest extends ConnectorTestBase {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REQURE = "bodhi/updates_packages_python-requre_page1.json";

    @Inject
    UpdatesConnector connector;


    /** Stubs exactly the call docs/connectors.md names: packages, rows_per_page=50, page=1. */
    private static void stubUpdates(String pkg, ResponseDefinitionBuilder response) {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/bodhi/updates/"))
                .withQueryParam("packages", equalTo(pkg))
                .withQueryParam("rows_per_page", equalTo("50"))
                .withQueryParam("page", equalTo("1"))
                .willReturn(response));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void pythonRequreFromBodhisRealAnswer() throws Exception {
        stubUpdates("python-requre", json(200, SharedFixtures.realText(REQURE)));

        FetchResult result = connector.fetch("python-requre").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(result.source()).endsWith("/bodhi/updates/?packages=python-requre&rows_per_page=50&page=1");
        UpdatesDocument doc = (UpdatesDocument) result.data();
        assertThat(doc.total()).isEqualTo(29); // page 1 of 2: the total is Bodhi's, not the list's size
        assertThat(doc.updates()).hasSize(20);
        // Bodhi's order (newest submitted first) is kept
        JsonNode recorded = MAPPER.readTree(SharedFixtures.realText(REQURE)).get("updates");
        for (int i = 0; i < recorded.size(); i++) {
            assertThat(doc.updates().get(i).alias()).isEqualTo(recorded.get(i).get("alias").asText());
        }

        Update first = doc.updates().get(0);
        assertThat(first.alias()).isEqualTo("FEDORA-2021-63331f9029");
        assertThat(first.title()).isEqualTo("python-requre-0.8.1-2.fc33");
        assertThat(first.release()).isEqualTo("F33");
        assertThat(first.status()).isEqualTo("stable");
        assertThat(first.type()).isEqualTo("enhancement");
        assertThat(first.severity()).isEqualTo("unspecified");
        assertThat(first.karma()).isEqualTo(2);
        assertThat(first.submitter()).isEqualTo("lachmanfrantisek");
        assertThat(first.dateSubmitted()).isEqualTo("2021-06-20T13:23:28Z");
        assertThat(first.dateTesting()).isEqualTo("2021-06-21T01:11:25Z");
        assertThat(first.dateStable()).isEqualTo("2021-06-22T01:57:46Z");
        assertThat(first.dateModified()).isNull();
        assertThat(first.builds()).containsExactly("python-requre-0.8.1-2.fc33");
        assertThat(first.url()).isEqualTo("https://bodhi.fedoraproject.org/updates/FEDORA-2021-63331f9029");

        Update eln = doc.updates().get(4);
        assertThat(eln.alias()).isEqualTo("FEDORA-2021-dab9950882");
        assertThat(eln.release()).isEqualTo("ELN");
        assertThat(eln.type()).isEqualTo("unspecified");
        assertThat(eln.karma()).isZero();
        assertThat(eln.submitter()).isEqualTo("sgallagh");
        assertThat(eln.dateSubmitted()).isEqualTo("2021-06-11T21:00:40Z");
        assertThat(eln.dateTesting()).isEqualTo("2021-06-11T21:19:41Z");
        assertThat(eln.dateStable()).isEqualTo("2021-06-11T21:22:41Z");
        assertThat(eln.builds()).containsExactly("python-requre-0.8.0-2.eln112");
    }

    @Test
    void storedDocumentKeepsMissingValuesAsNulls() throws Exception {
        stubUpdates("python-requre", json(200, SharedFixtures.realText(REQURE)));

        assertThat(refresher.refresh("python-requre", ConnectorName.UPDATES).await().indefinitely())
                .isEqualTo(Outcome.WRITTEN);

        JsonNode envelope = MAPPER.readTree(redis.hash(String.class)
                .hget(RedisLayout.document("python-requre", ConnectorName.UPDATES), RedisLayout.DOC_BODY));
        assertThat(envelope.get("status").asText()).isEqualTo("ok");
        JsonNode first = envelope.get("data").get("updates").get(0);
        assertThat(first.has("dateModified")).isTrue();
        assertThat(first.get("dateModified").isNull()).isTrue();
        assertThat(first.get("dateStable").asText()).isEqualTo("2021-06-22T01:57:46Z");
        assertThat(envelope.get("data").get("total").asInt()).isEqualTo(29);
    }

    /** Our own page in Bodhi's shape: the real one cut to two updates and changed where it matters. */
    @Test
    void curlWithAModifiedMultiBuildUpdate() throws Exception {
        ObjectNode page = (ObjectNode) MAPPER.readTree(SharedFixtures.realText(REQURE));
        ArrayNode updates = (ArrayNode) page.get("updates");
        while (updates.size() > 2) {
            updates.remove(updates.size() - 1);
        }
        ObjectNode u = (ObjectNode) updates.get(0);
        u.put("alias", "FEDORA-2026-953dba260b");
        u.put("title", "curl-8.17.0-2.fc44 and libssh2-1.11.1-3.fc44");
        u.put("status", "testing");
        u.put("type", "security");
        u.put("severity", "high");
        u.put("karma", -1);
        u.put("date_modified", "2026-11-18 18:40:07");
        u.putNull("date_stable");
        ((ObjectNode) u.get("release")).put("name", "F44");
        ((ObjectNode) u.get("user")).put("name", "vnovak");
        ArrayNode builds = u.putArray("builds");
        builds.addObject().put("nvr", "curl-8.17.0-2.fc44").put("epoch", 0).put("type", "rpm");
        builds.addObject().put("nvr", "libssh2-1.11.1-3.fc44").put("epoch", 0).put("type", "rpm");
        ObjectNode old = (ObjectNode) updates.get(1);
        old.putNull("alias"); // updates from before 2016 had none: Bodhi's own url is kept
        old.put("url", "https://bodhi.fedoraproject.org/updates/curl-7.29.0-1.fc19");
        page.put("total", 2);
        page.put("package", "curl");
        stubUpdates("curl", json(200, page.toString()));

        UpdatesDocument doc = (UpdatesDocument) connector.fetch("curl").await().indefinitely().data();

        assertThat(doc.total()).isEqualTo(2);
        Update first = doc.updates().get(0);
        assertThat(first.alias()).isEqualTo("FEDORA-2026-953dba260b");
        assertThat(first.title()).isEqualTo("curl-8.17.0-2.fc44 and libssh2-1.11.1-3.fc44");
        assertThat(first.release()).isEqualTo("F44");
        assertThat(first.status()).isEqualTo("testing");
        assertThat(first.type()).isEqualTo("security");
        assertThat(first.severity()).isEqualTo("high");
        assertThat(first.karma()).isEqualTo(-1);
        assertThat(first.submitter()).isEqualTo("vnovak");
        assertThat(first.dateModified()).isEqualTo("2026-11-18T18:40:07Z");
        assertThat(first.dateStable()).isNull();
        assertThat(first.dateSubmitted()).isEqualTo("2021-06-20T13:23:28Z");
        assertThat(first.builds()).containsExactly("curl-8.17.0-2.fc44", "libssh2-1.11.1-3.fc44");
        assertThat(first.url()).isEqualTo("https://bodhi.fedoraproject.org/updates/FEDORA-2026-953dba260b");
        assertThat(doc.updates().get(1).alias()).isNull();
        assertThat(doc.updates().get(1).url()).isEqualTo("https://bodhi.fedoraproject.org/updates/curl-7.29.0-1.fc19");
    }

    @Test
    void knownPackageWithoutUpdatesIsOkAndEmpty() {
        stubUpdates("python-requre", json(200,
                "{\"updates\": [], \"page\": 1, \"pages\": 0, \"rows_per_page\": 50, \"total\": 0}"));

        FetchResult result = connector.fetch("python-requre").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        UpdatesDocument doc = (UpdatesDocument) result.data();
        assertThat(doc.total()).isZero();
        assertThat(doc.updates()).isEmpty();
    }

    /** Bodhi's answer to a name it has no package for (its validate_packages error, 400). */
    @Test
    void packageBodhiNeverHadIsAbsent() {
        stubUpdates("no-such-package", json(400, "{\"status\": \"error\", \"errors\": [{\"location\": \"querystring\","
                + " \"name\": \"packages\", \"description\": \"Invalid packages specified: no-such-package\"}]}"));

        FetchResult result = connector.fetch("no-such-package").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.ABSENT);
        assertThat(result.data()).isNull();
        assertThat(result.source()).endsWith("/bodhi/updates/?packages=no-such-package&rows_per_page=50&page=1");
    }

    @Test
    void anyOtherBadRequestIsAClientError() {
        stubUpdates("curl", json(400, "{\"status\": \"error\", \"errors\": [{\"location\": \"querystring\","
                + " \"name\": \"rows_per_page\", \"description\": \"100 is greater than maximum value 100\"}]}"));

        assertThatThrownBy(() -> connector.fetch("curl").await().indefinitely())
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.CLIENT_ERROR));
    }

    @Test
    void failuresKeepTheLastGoodUpdates() throws Exception {
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "python-requre", ConnectorName.UPDATES,
                () -> stubUpdates("python-requre", json(200, SharedFixtures.realText(REQURE))),
                response -> stubUpdates("python-requre", response),
                FailureChecks.commonFailures());
    }
}
