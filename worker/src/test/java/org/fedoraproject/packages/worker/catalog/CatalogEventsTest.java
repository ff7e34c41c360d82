package org.fedoraproject.packages.worker.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.worker.support.Bus;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.RepoStubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Once the distribution is discovered, bus events create entries for known packages only. */
@QuarkusTest
class CatalogEventsTest extends ConnectorTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Discovery discovery;

    private Bus bus;

    @BeforeEach
    void discovered() {
        RepoStubs.smallDistribution(wm());
        discovery.run().await().indefinitely();
        bus = new Bus();
    }

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void anEventAboutANameThatIsNoPackageLeavesNoKeys() throws Exception {
        bus.publish("org.fedoraproject.prod.koschei.package.state.change", "{\"name\": \"notapackage\", \"collection\": \"f44\"}");
        bus.publish("org.fedoraproject.prod.koschei.package.state.change", "{\"name\": \"curl\", \"collection\": \"f44\"}");

        // curl is known: its ci entry is refreshed (Koschei is not stubbed here, so a failure is recorded)
        awaitKey(RedisLayout.meta("curl"));
        assertThat(redis.execute("KEYS", "pkg:{notapackage}*").size()).isZero();
        assertThat(redis.sortedSet(String.class).zscore(RedisLayout.KNOWN_PACKAGES, "notapackage")).isEmpty();
    }

    @Test
    void aNewDistGitRepositoryMakesItsPackageKnownAtOnce() throws Exception {
        bus.publish("org.fedoraproject.prod.pagure.project.new", """
                {"project": {"name": "brand-new", "namespace": "rpms", "fullname": "rpms/brand-new",
                 "description": "The brand-new rpms", "user": {"name": "packager"}}, "agent": "packager"}""");

        awaitKey(RedisLayout.meta("brand-new"));
        assertThat(redis.sortedSet(String.class).zscore(RedisLayout.KNOWN_PACKAGES, "brand-new")).isPresent();
        var state = JSON.readTree(redis.hash(String.class).hget(RedisLayout.PACKAGE_STATES, "brand-new"));
        assertThat(state.get("via").asText()).isEqualTo("dist-git");
        assertThat(state.get("retired").asBoolean()).isFalse();
        assertThat(redis.hash(String.class).hkeys(RedisLayout.meta("brand-new"))).anyMatch(f -> f.startsWith("maintainers:"));
    }

    private void awaitKey(String key) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(end)) {
            if (redis.key(String.class).exists(key)) {
                Thread.sleep(300);
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(key + " not written within 15 s");
    }
}
