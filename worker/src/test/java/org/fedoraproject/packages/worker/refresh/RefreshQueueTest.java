package org.fedoraproject.packages.worker.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.fedoraproject.packages.contract.RedisLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The durable queue's rules on the real Redis. The upstream here has no lane in this worker, so
 * nothing but the test claims its items.
 */
@QuarkusTest
class RefreshQueueTest {
    private static final String UPSTREAM = "queue-test";
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Inject
    RefreshQueue queue;
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void clean() {
        RedisLayout.schedulerKeys(UPSTREAM).forEach(k -> redis.key().del(k));
    }

    @Test
    void anEntryAlreadyWaitingIsNotQueuedTwiceAndKeepsItsBestPriority() {
        assertThat(enqueue(Priority.SWEEP, 1_000, "curl/builds")).isEqualTo(new RefreshQueue.Enqueued(1, 0, 0));
        assertThat(enqueue(Priority.EVENT, 2_000, "curl/builds")).isEqualTo(new RefreshQueue.Enqueued(0, 0, 1));
        assertThat(enqueue(Priority.EVENT, 3_000, "curl/builds")).isEqualTo(new RefreshQueue.Enqueued(0, 0, 1));

        List<RefreshQueue.Claim> claims = claim("w1", 10);
        assertThat(claims).hasSize(1);
        assertThat(claims.get(0).priority()).isEqualTo(Priority.EVENT);
        assertThat(claims.get(0).requestedAtMillis()).as("the oldest event it answers").isEqualTo(2_000);
    }

    @Test
    void eventsAndColdPagesOvertakeBootstrapAndSweepWhateverTheirAge() {
        enqueue(Priority.SWEEP, 1, "a/ci");
        enqueue(Priority.BOOTSTRAP, 2, "b/ci");
        enqueue(Priority.EVENT, 9_000, "c/ci");
        enqueue(Priority.COLD_PAGE, 9_999, "d/ci");
        enqueue(Priority.EVENT, 5_000, "e/ci");
        assertThat(claim("w1", 10).stream().map(RefreshQueue.Claim::item))
                .containsExactly("d/ci", "e/ci", "c/ci", "b/ci", "a/ci");
    }

    @Test
    void requestsDuringAFetchCauseExactlyOneMoreFetchAfterIt() {
        enqueue(Priority.EVENT, 1_000, "curl/ci");
        RefreshQueue.Claim running = claim("w1", 1).get(0);
        assertThat(claim("w2", 10)).as("a running entry is not handed out again").isEmpty();

        assertThat(enqueue(Priority.EVENT, 2_000, "curl/ci")).isEqualTo(new RefreshQueue.Enqueued(0, 1, 0));
        assertThat(enqueue(Priority.EVENT, 3_000, "curl/ci")).isEqualTo(new RefreshQueue.Enqueued(0, 0, 1));
        assertThat(claim("w2", 10)).as("not while the first fetch runs").isEmpty();

        assertThat(queue.complete(running, "w1", false).await().indefinitely()).as("queued once more").isTrue();
        RefreshQueue.Claim again = claim("w2", 10).get(0);
        assertThat(again.requestedAtMillis()).isEqualTo(2_000);
        assertThat(queue.complete(again, "w2", false).await().indefinitely()).as("and then done").isFalse();
        assertThat(claim("w2", 10)).isEmpty();
    }

    @Test
    void aClaimWhoseWorkerStopsRenewingReturnsToTheQueue() throws Exception {
        enqueue(Priority.EVENT, 1_000, "curl/ci");
        RefreshQueue.Claim lost = queue.claim(UPSTREAM, 1, Duration.ofMillis(300), "dead-worker").await().indefinitely().get(0);
        assertThat(claim("w2", 1)).isEmpty();
        Thread.sleep(400);

        List<RefreshQueue.Claim> recovered = claim("w2", 1);
        assertThat(recovered).extracting(RefreshQueue.Claim::item).containsExactly("curl/ci");
        assertThat(recovered.get(0).priority()).isEqualTo(Priority.EVENT);
        // the dead worker's late completion does not end the new owner's claim
        assertThat(queue.complete(lost, "dead-worker", false).await().indefinitely()).isFalse();
        assertThat(queue.depth(UPSTREAM).await().indefinitely().running()).isEqualTo(1);
    }

    @Test
    void renewedLeasesAreKept() throws Exception {
        enqueue(Priority.EVENT, 1_000, "curl/ci");
        queue.claim(UPSTREAM, 1, Duration.ofMillis(300), "w1").await().indefinitely();
        for (int i = 0; i < 4; i++) {
            Thread.sleep(150);
            queue.renew(UPSTREAM, List.of("curl/ci"), Duration.ofMillis(300), "w1").await().indefinitely();
        }
        assertThat(claim("w2", 1)).isEmpty();
    }

    @Test
    void aDeferredItemGoesBackWithItsPriority() {
        enqueue(Priority.COLD_PAGE, 1_000, "curl/ci");
        RefreshQueue.Claim c = claim("w1", 1).get(0);
        assertThat(queue.complete(c, "w1", true).await().indefinitely()).isTrue();
        RefreshQueue.Depth depth = queue.depth(UPSTREAM).await().indefinitely();
        assertThat(depth.waiting().get(Priority.COLD_PAGE)).isEqualTo(1);
        assertThat(depth.running()).isZero();
    }

    private RefreshQueue.Enqueued enqueue(Priority p, long at, String... items) {
        return queue.enqueue(UPSTREAM, List.of(items), p, at).await().indefinitely();
    }

    private List<RefreshQueue.Claim> claim(String owner, int max) {
        return queue.claim(UPSTREAM, max, LEASE, owner).await().indefinitely();
    }
}
