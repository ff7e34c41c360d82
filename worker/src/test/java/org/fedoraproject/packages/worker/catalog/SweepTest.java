package org.fedoraproject.packages.worker.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.RepoStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sweep refreshes entries no event asked for: never refreshed first, then the oldest. */
@QuarkusTest
class SweepTest extends ConnectorTestBase {
    @Inject
    Discovery discovery;
    @Inject
    Sweep sweep;

    @BeforeEach
    void discovered() {
        RepoStubs.smallDistribution(wm());
        discovery.run().await().indefinitely();
    }

    @Test
    void anEntryWhoseEventWasNeverPublishedIsRefreshedByTheSweep() throws Exception {
        assertThat(redis.hash(String.class).hget(RedisLayout.meta("curl"), "ci:refreshedAt")).isNull();

        int handed = sweep.tick().await().indefinitely();

        assertThat(handed).isPositive();
        // Koschei is not stubbed: the refresh ran and recorded why it failed, which is what a view would show.
        // Waited for in the metadata itself: the index can already hold curl from a refresh of an earlier
        // test class (same application) whose last write landed after this test cleared Redis.
        awaitCiEntry("curl");
        awaitScore(RedisLayout.refreshedIndex(ConnectorName.CI), "curl");
    }

    @Test
    void onceEverythingWasRefreshedItTakesTheOldestAndLeavesTheRecentAlone() throws Exception {
        long now = System.currentTimeMillis();
        for (String name : new String[] {"curl", "epelonly", "newpkg", "oldpkg", "vim"}) {
            redis.sortedSet(String.class).zadd(RedisLayout.refreshedIndex(ConnectorName.BUGS), now, name);
        }
        long twoHoursAgo = now - Duration.ofHours(2).toMillis();
        redis.sortedSet(String.class).zadd(RedisLayout.refreshedIndex(ConnectorName.BUGS), twoHoursAgo, "vim");
        sweep.tick().await().indefinitely(); // the first pass walks the known set: all have a bugs entry
        sweep.tick().await().indefinitely();

        awaitNewer(RedisLayout.refreshedIndex(ConnectorName.BUGS), "vim", twoHoursAgo);
        assertThat(redis.sortedSet(String.class).zscore(RedisLayout.refreshedIndex(ConnectorName.BUGS), "curl").getAsDouble())
                .as("refreshed a moment ago: not swept").isEqualTo((double) now);
    }

    private void awaitScore(String key, String member) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(end)) {
            if (redis.sortedSet(String.class).zscore(key, member).isPresent()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(member + " not in " + key + " within 15 s");
    }

    private void awaitCiEntry(String pkg) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(end)) {
            if (redis.hash(String.class).hkeys(RedisLayout.meta(pkg)).stream().anyMatch(f -> f.startsWith("ci:"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no ci entry in " + pkg + "'s metadata within 15 s: the sweep did not refresh it");
    }

    private void awaitNewer(String key, String member, long than) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(end)) {
            var score = redis.sortedSet(String.class).zscore(key, member);
            if (score.isPresent() && score.getAsDouble() > than) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(member + " not refreshed again within 15 s");
    }
}
