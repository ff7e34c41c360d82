package org.fedoraproject.packages.worker.connector.bugzilla;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.contract.document.BugsDocument;
import org.fedoraproject.packages.contract.document.BugsDocument.Bug;
import org.fedoraproject.packages.contract.testing.SharedFixtures;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.refresh.Outcome;
import org.fedoraproject.packages.worker.refresh.Refresher;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.FailureChecks;
import org.fedoraproject.packages.worker.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;

/**
 * The bugs connector. No Red Hat Bugzilla search for Fedora was ever recorded, so the search answers
 * are ours in the documented shape ({"bugs": [...]}), made of the real Fedora bug 1839234 as Red Hat
 * Bugzilla's REST API returned it; the upstream-Bugzilla shape (scalar component, fewer fields) comes
 * from a real bugs.gentoo.org search.
 */
@QuarkusTest
class BugsConnectorTest extends ConnectorTestBase {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FIELDS = "id,summary,status,severity,priority,assigned_to,product,version,component,"
            + "last_change_time,creation_time,keywords";

    @Inject
    BugsConnector connector;


    /** Stubs exactly the search docs/connectors.md names. */
    private static void stubSearch(String component, ResponseDefinitionBuilder response) {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/bugzilla/rest/bug"))
                .withQueryParam("product", havingExactly("Fedora", "Fedora EPEL"))
                .withQueryParam("component", equalTo(component))
                .withQueryParam("bug_status", havingExactly("NEW", "ASSIGNED", "POST", "MODIFIED", "ON_DEV", "ON_QA",
                        "VERIFIED", "RELEASE_PENDING"))
                .withQueryParam("include_fields", equalTo(FIELDS))
                .withQueryParam("limit", equalTo("500"))
                .willReturn(response));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }

    /** The real bug 1839234 (sqlite, Fedora, MODIFIED), from Red Hat Bugzilla's {@code /rest/bug/1839234}. */
    private static ObjectNode realBug() throws Exception {
        return (ObjectNode) MAPPER.readTree(SharedFixtures.realText("bugzilla/rest_bug_1839234.json")).get("bugs").get(0);
    }

    private static String searchAnswer(List<ObjectNode> bugs, Integer totalMatches) {
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode list = answer.putArray("bugs");
        bugs.forEach(list::add);
        answer.putArray("faults");
        if (totalMatches != null) {
            answer.put("limit", 500).put("offset", 0).put("total_matches", totalMatches);
        }
        return answer.toString();
    }

    @Test
    void sqliteWithTheRealFedoraBug() throws Exception {
        stubSearch("sqlite", json(searchAnswer(List.of(realBug()), null)));

        FetchResult result = connector.fetch("sqlite").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(result.source()).endsWith("/bugzilla/rest/bug?product=Fedora&product=Fedora%20EPEL&component=sqlite"
                + "&bug_status=NEW&bug_status=ASSIGNED&bug_status=POST&bug_status=MODIFIED&bug_status=ON_DEV"
                + "&bug_status=ON_QA&bug_status=VERIFIED&bug_status=RELEASE_PENDING&include_fields=" + FIELDS
                + "&limit=500");
        BugsDocument doc = (BugsDocument) result.data();
        assertThat(doc.total()).isEqualTo(1); // no total_matches: the number listed
        assertThat(doc.byStatus()).containsExactly(entry("MODIFIED", 1));
        Bug bug = doc.bugs().get(0);
        assertThat(bug.id()).isEqualTo(1839234L);
        assertThat(bug.summary()).isEqualTo("sqlite-3.32.0 is available");
        assertThat(bug.status()).isEqualTo("MODIFIED");
        assertThat(bug.severity()).isEqualTo("unspecified");
        assertThat(bug.priority()).isEqualTo("unspecified");
        assertThat(bug.assignee()).isEqualTo("Ondrej Dubaj"); // anonymous REST: the real name
        assertThat(bug.product()).isEqualTo("Fedora");
        assertThat(bug.version()).isEqualTo("rawhide"); // ["rawhide"] in Red Hat's REST
        assertThat(bug.component()).isEqualTo("sqlite"); // ["sqlite"]
        assertThat(bug.lastChange()).isEqualTo("2020-05-29T13:54:01Z");
        assertThat(bug.created()).isEqualTo("2020-05-22T19:47:16Z");
        assertThat(bug.keywords()).containsExactly("FutureFeature", "Triaged");
        assertThat(bug.url()).isEqualTo("https://bugzilla.redhat.com/show_bug.cgi?id=1839234");
    }

    /** Many bugs, as for the kernel: the workflow order, then newest change first; more exist than listed. */
    @Test
    void kernelBugsAreSortedLikeTheOldAppAndCounted() throws Exception {
        List<ObjectNode> bugs = List.of(
                variant(2000001, "VERIFIED", "2026-11-20T10:00:00Z", "43"),
                variant(2000002, "NEW", "2026-01-02T03:04:05Z", "rawhide"),
                variant(2000003, "POST", "2026-11-24T09:00:00Z", "42"),
                variant(2000004, "NEW", "2026-11-25T08:00:00Z", "43", "42"),
                variant(2000005, "ASSIGNED", "2025-06-01T00:00:00Z", "41"),
                variant(2000006, "ON_QA", "2026-11-01T00:00:00Z", "43"),
                variant(2000007, "RELEASE_PENDING", "2026-10-01T00:00:00Z", "epel9"),
                variant(2000008, "MODIFIED", "2026-09-01T00:00:00Z", "43"),
                variant(2000009, "ON_DEV", "2026-08-01T00:00:00Z", "43"),
                variant(2000010, "NEW", "2026-11-25T08:00:00Z", "43")); // same time as 2000004: higher id first
        stubSearch("kernel", json(searchAnswer(bugs, 734)));

        BugsDocument doc = (BugsDocument) connector.fetch("kernel").await().indefinitely().data();

        assertThat(doc.total()).isEqualTo(734);
        assertThat(doc.bugs()).extracting(Bug::id).containsExactly(2000010L, 2000004L, 2000002L, 2000005L, 2000003L,
                2000008L, 2000009L, 2000006L, 2000001L, 2000007L);
        assertThat(doc.byStatus()).containsExactly(
                entry("NEW", 3), entry("ASSIGNED", 1),
                entry("POST", 1), entry("MODIFIED", 1),
                entry("ON_DEV", 1), entry("ON_QA", 1),
                entry("VERIFIED", 1),
                entry("RELEASE_PENDING", 1));
        Bug twoVersions = doc.bugs().get(1);
        assertThat(twoVersions.version()).isEqualTo("43, 42");
        assertThat(twoVersions.component()).isEqualTo("kernel");
        assertThat(twoVersions.lastChange()).isEqualTo("2026-11-25T08:00:00Z");
        assertThat(twoVersions.url()).isEqualTo("https://bugzilla.redhat.com/show_bug.cgi?id=2000004");
    }

    private static ObjectNode variant(long id, String status, String lastChange, String... versions) throws Exception {
        ObjectNode bug = realBug();
        bug.put("id", id);
        bug.put("status", status);
        bug.put("last_change_time", lastChange);
        bug.putArray("component").add("kernel");
        ArrayNode v = bug.putArray("version");
        for (String version : versions) {
            v.add(version);
        }
        return bug;
    }

    /** A real upstream Bugzilla 5 search (bugs.gentoo.org): scalar component, no version, no last change. */
    @Test
    void upstreamBugzillaShapeWithScalarsAndMissingFields() {
        stubSearch("python-bugzilla",
                json(SharedFixtures.realText("bugzilla/gentoo_rest_bug_search_by_id_users_2026-08.json")));

        BugsDocument doc = (BugsDocument) connector.fetch("python-bugzilla").await().indefinitely().data();

        assertThat(doc.total()).isEqualTo(2);
        // neither status is one of Fedora's open ones: both after them, then by id (no change times)
        assertThat(doc.bugs()).extracting(Bug::id).containsExactly(981378L, 981377L);
        Bug bug = doc.bugs().get(1);
        assertThat(bug.summary()).startsWith("dev-libs/rocm-opencl-runtime-7.2.0 fails to compile");
        assertThat(bug.status()).isEqualTo("UNCONFIRMED");
        assertThat(bug.severity()).isEqualTo("normal");
        assertThat(bug.priority()).isEqualTo("Normal");
        assertThat(bug.assignee()).isEqualTo("bug-wranglers");
        assertThat(bug.product()).isEqualTo("Gentoo Linux");
        assertThat(bug.component()).isEqualTo("Current packages");
        assertThat(bug.version()).isNull();
        assertThat(bug.lastChange()).isNull();
        assertThat(bug.created()).isEqualTo("2026-08-25T01:49:06Z");
        assertThat(bug.keywords()).isEmpty();
        assertThat(doc.bugs().get(0).keywords()).containsExactly("PATCH");
        assertThat(doc.byStatus()).containsExactly(entry("RESOLVED", 1),
                entry("UNCONFIRMED", 1));
    }

    @Test
    void componentWithoutOpenBugsIsOkAndEmpty() {
        stubSearch("python-requre", json("{\"bugs\":[],\"faults\":[],\"limit\":500,\"offset\":0,\"total_matches\":0}"));

        FetchResult result = connector.fetch("python-requre").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        BugsDocument doc = (BugsDocument) result.data();
        assertThat(doc.total()).isZero();
        assertThat(doc.byStatus()).isEmpty();
        assertThat(doc.bugs()).isEmpty();
    }

    @Test
    void failuresKeepTheLastGoodBugs() throws Exception {
        String good = searchAnswer(List.of(realBug()), 1);
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "sqlite", ConnectorName.BUGS,
                () -> stubSearch("sqlite", json(good)),
                response -> stubSearch("sqlite", response),
                FailureChecks.commonFailures());
    }

    @Test
    void storedBugsHaveEveryField() throws Exception {
        stubSearch("sqlite", json(searchAnswer(List.of(realBug()), 1)));
        assertThat(refresher.refresh("sqlite", ConnectorName.BUGS).await().indefinitely())
                .isEqualTo(Outcome.WRITTEN);
        JsonNode data = MAPPER.readTree(redis.hash(String.class).hget(
                RedisLayout.document("sqlite", ConnectorName.BUGS),
                RedisLayout.DOC_BODY)).get("data");
        assertThat(data.get("total").asInt()).isEqualTo(1);
        assertThat(data.get("byStatus").get("MODIFIED").asInt()).isEqualTo(1);
        assertThat(data.get("bugs").get(0).fieldNames()).toIterable().containsExactly("id", "summary", "status",
                "severity", "priority", "assignee", "product", "version", "component", "lastChange", "created",
                "keywords", "url");
    }
}
