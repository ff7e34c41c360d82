package org.fedoraproject.packages.worker.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.RepoStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bootstrap fills every known package's overview from nothing, and resumes from its cursor. */
@QuarkusTest
class BootstrapTest extends ConnectorTestBase {
    private static final List<String> ALL = List.of("curl", "epelonly", "newpkg", "oldpkg", "vim");

    @Inject
    Bootstrap bootstrap;
    @Inject
    BootstrapProgress progress;

    @BeforeEach
    void distribution() {
        RepoStubs.smallDistribution(wm());
    }

    @Test
    void fillsTheKnownSetAndEveryOverviewFromAnEmptyRedis() throws Exception {
        assertThat(bootstrap.start()).isTrue();

        awaitState("done");
        for (String name : ALL) {
            assertThat(redis.hash(String.class).hget(RedisLayout.document(name, ConnectorName.OVERVIEW), "v"))
                    .as(name).isNotNull();
        }
        BootstrapProgress.Snapshot s = progress.snapshot().await().indefinitely();
        assertThat(s.done()).isEqualTo(5);
        assertThat(s.total()).isEqualTo(5);
        assertThat(s.finishedAt()).isNotNull();
        // the other tabs fill on first view and through the sweep: the bootstrap asked for overviews only
        assertThat(redis.execute("KEYS", "pkg:{*}:doc:builds").size()).isZero();
    }

    @Test
    void anInterruptedBootstrapContinuesAfterItsCursorRatherThanStartingOver() throws Exception {
        // a worker died after handing over the names up to "newpkg"; their overviews were written
        redis.hash(String.class).hset(RedisLayout.BOOTSTRAP, Map.of("state", "running", "cursor", "newpkg",
                "startedAt", Instant.now().toString()));

        bootstrap.resumeIfUnfinished();

        awaitState("done");
        for (String name : List.of("oldpkg", "vim")) {
            assertThat(redis.hash(String.class).hget(RedisLayout.document(name, ConnectorName.OVERVIEW), "v")).as(name).isNotNull();
        }
        for (String name : List.of("curl", "epelonly", "newpkg")) {
            assertThat(redis.hash(String.class).hget(RedisLayout.document(name, ConnectorName.OVERVIEW), "v"))
                    .as(name + " was before the cursor").isNull();
        }
        assertThat(redis.sortedSet(String.class).zcard(RedisLayout.KNOWN_PACKAGES)).isEqualTo(5);
    }

    @Test
    void aRedisThatLostItsDataIsRefilledWithoutAnOperator() throws Exception {
        bootstrap.start();
        awaitState("done");
        redis.execute("FLUSHDB"); // a failover to an empty replica

        bootstrap.resumeIfUnfinished(); // what the minutely check does

        awaitState("done");
        assertThat(redis.sortedSet(String.class).zcard(RedisLayout.KNOWN_PACKAGES)).isEqualTo(5);
        assertThat(redis.hash(String.class).hlen(RedisLayout.PACKAGE_SUMMARIES)).isEqualTo(5);
    }

    @Test
    void theWorkersStatusEndpointShowsProgressAndTheSchedulersQueues() throws Exception {
        io.restassured.RestAssured.given().when().post("/status/bootstrap").then().statusCode(200)
                .body("started", org.hamcrest.Matchers.equalTo(true));
        awaitState("done");

        io.restassured.RestAssured.given().when().get("/status").then().statusCode(200)
                .body("bootstrap.state", org.hamcrest.Matchers.equalTo("done"))
                .body("bootstrap.done", org.hamcrest.Matchers.equalTo(5))
                .body("bootstrap.total", org.hamcrest.Matchers.equalTo(5))
                .body("scheduler.mdapi.running", org.hamcrest.Matchers.equalTo(0));
    }

    private void awaitState(String state) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            if (state.equals(redis.hash(String.class).hget(RedisLayout.BOOTSTRAP, "state"))
                    && redis.execute("ZCARD", "sched:{mdapi}:ready").toLong() == 0
                    && redis.execute("ZCARD", "sched:{mdapi}:running").toLong() == 0) {
                Thread.sleep(300); // the last writes of the entries just claimed
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("bootstrap not " + state + " within 20 s: " + redis.hash(String.class).hgetall(RedisLayout.BOOTSTRAP));
    }
}
