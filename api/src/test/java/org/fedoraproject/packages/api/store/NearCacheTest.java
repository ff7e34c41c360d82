package org.fedoraproject.packages.api.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fedoraproject.packages.api.support.StoredData;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.junit.jupiter.api.Test;

/**
 * The near cache: a hot document is served from the process (a change in Redis without a notice is not
 * seen), the worker's notice makes the next read fresh, and a lost subscription (notices missed) never
 * leaves a stale entry behind.
 */
@QuarkusTest
@TestProfile(NearCacheTest.WithNearCache.class)
class NearCacheTest {
    public static class WithNearCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.fp.near-cache.max-bytes", "1048576", "quarkus.redis.client-name", "fp-near-cache-test",
                    "quarkus.redis.configure-client-name", "true");
        }
    }

    @Inject
    RedisDataSource redis;
    @Inject
    NearCache near;
    @ConfigProperty(name = "fp.instance")
    String instance;

    @Test
    void aNoticeMakesTheNextReadFreshAndALostSubscriptionDropsTheCache() throws Exception {
        StoredData stored = new StoredData(redis);
        stored.clear();
        awaitLive();
        write(1);
        assertThat(etag()).isEqualTo("\"1\"");

        write(2); // changed in Redis, no notice: the process still has version 1, without asking Redis
        assertThat(etag()).isEqualTo("\"1\"");
        assertThat(near.size()).isEqualTo(1);

        redis.pubsub(String.class).publish(RedisLayout.refreshedChannel(instance),
                "{\"package\":\"curl\",\"connector\":\"overview\",\"version\":2}");
        awaitEtag("\"2\"", Duration.ofSeconds(2));

        write(3); // again without a notice, then the subscription is cut: notices could be lost now
        assertThat(etag()).isEqualTo("\"2\"");
        killOwnSubscription();
        awaitEtag("\"3\"", Duration.ofSeconds(5));
    }

    private void write(long version) {
        String doc = "{\"package\":\"curl\",\"connector\":\"overview\",\"version\":" + version + ",\"data\":{}}";
        redis.hash(String.class).hset(RedisLayout.document("curl", ConnectorName.OVERVIEW),
                Map.of(RedisLayout.DOC_VERSION, Long.toString(version), RedisLayout.DOC_BODY, doc));
        redis.sortedSet(String.class).zadd(RedisLayout.KNOWN_PACKAGES, 0, "curl");
    }

    private String etag() {
        return given().when().get("/api/v1/packages/curl/overview").then().statusCode(200).extract().header("ETag");
    }

    private void awaitEtag(String expected, Duration within) throws InterruptedException {
        Instant end = Instant.now().plus(within);
        while (!expected.equals(etag())) {
            assertThat(Instant.now()).as("ETag %s within %s", expected, within).isBefore(end);
            Thread.sleep(20);
        }
    }

    /** Waits until the API's subscription is up (documents are cached only then). */
    private void awaitLive() throws InterruptedException {
        Instant end = Instant.now().plusSeconds(10);
        while (subscriptionIds().isEmpty()) {
            assertThat(Instant.now()).isBefore(end);
            Thread.sleep(50);
        }
    }

    private java.util.List<String> subscriptionIds() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (String line : redis.execute("CLIENT", "LIST", "TYPE", "pubsub").toString().split("\n")) {
            if (line.contains("name=fp-near-cache-test")) {
                for (String field : line.split(" ")) {
                    if (field.startsWith("id=")) {
                        ids.add(field.substring(3));
                    }
                }
            }
        }
        return ids;
    }

    /** Only this API's subscription connection: other local processes keep theirs. */
    private void killOwnSubscription() {
        java.util.List<String> ids = subscriptionIds();
        assertThat(ids).isNotEmpty();
        for (String id : ids) {
            redis.execute("CLIENT", "KILL", "ID", id);
        }
    }
}
