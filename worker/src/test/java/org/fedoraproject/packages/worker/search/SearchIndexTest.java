package org.fedoraproject.packages.worker.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.contract.search.PackageDocument;
import org.fedoraproject.packages.contract.search.PackageDocument.Fields;
import org.fedoraproject.packages.worker.catalog.Discovery;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.RepoStubs;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;
import org.junit.jupiter.api.Test;

/**
 * The worker keeps the search index in step with what discovery learns (real OpenSearch, index
 * {@code fp-test-packages-*}), and a full re-index replaces the index without readers ever seeing a
 * missing or partial one.
 */
@QuarkusTest
class SearchIndexTest extends ConnectorTestBase {
    @Inject
    Discovery discovery;
    @Inject
    SearchMapping mapping;
    @Inject
    SearchEngine engine;
    @Inject
    SearchReindex reindex;
    @Inject
    SearchPending pending;

    @Test
    void discoveredPackagesAreSearchableAndARetiredOneLeavesTheDefaultResults() throws Exception {
        RepoStubs.smallDistribution(wm());
        discovery.run().await().indefinitely();

        awaitDocument("vim", d -> d.binaries.contains("vim-X11") && d.branches.equals(List.of("rawhide", "f43")));
        awaitDocument("oldpkg", d -> d.retired);
        awaitDocument("epelonly", d -> !d.retired && d.branches.equals(List.of("epel9")));
        assertThat(activeHits("epelonly")).isEqualTo(1);

        RepoStubs.serve(wm(), RepoStubs.epel(9), List.of(), false); // EPEL drops it: it left every branch
        discovery.run().await().indefinitely();

        awaitDocument("epelonly", d -> d.retired);
        assertThat(activeHits("epelonly")).as("retired: out of the default results").isZero();
        assertThat(activeHits("vim")).isEqualTo(1);
    }

    @Test
    void aFullReindexSwitchesReadersToACompleteNewIndexInOneStep() throws Exception {
        int packages = 2000;
        Map<String, String> states = new HashMap<>();
        Map<String, String> catalog = new HashMap<>();
        Map<String, Double> known = new HashMap<>();
        for (int i = 0; i < packages; i++) {
            String name = String.format("pkg%04d", i);
            states.put(name, "{\"branches\":[\"rawhide\"],\"retired\":false,\"via\":\"repodata\"}");
            catalog.put(name, "{\"name\":\"" + name + "\",\"epoch\":\"0\",\"version\":\"1.0\",\"release\":\"1.fc44\","
                    + "\"summary\":\"Package number " + i + "\",\"subpackages\":[{\"name\":\"" + name
                    + "-libs\",\"summary\":\"Libraries\",\"arch\":\"x86_64\",\"provides\":[\"lib" + name + ".so.1()(64bit)\"]}]}");
            known.put(name, 0.0);
        }
        redis.hash(String.class).hset(RedisLayout.PACKAGE_STATES, states);
        redis.hash(String.class).hset(RedisLayout.catalogSources("rawhide"), catalog);
        redis.sortedSet(String.class).zadd(RedisLayout.KNOWN_PACKAGES, known);
        reindex.run();
        String readAlias = engine.layout().readAlias();
        String before = engine.indexesOf(readAlias).get(0);
        assertThat(engine.count(readAlias)).isEqualTo(packages);

        // a reader counts the read alias the whole time the next re-index runs
        AtomicLong fewest = new AtomicLong(Long.MAX_VALUE);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // stopped by a flag, not an interrupt: interrupting a blocking engine call fails that call,
        // which would be counted as a read that failed during the re-index
        AtomicBoolean reindexing = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (reindexing.get()) {
                try {
                    fewest.accumulateAndGet(engine.count(readAlias), Math::min);
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        });
        reader.start();
        try {
            reindex.run();
        } finally {
            reindexing.set(false);
            reader.join();
        }

        assertThat(failure.get()).as("reads during the re-index: %s", String.valueOf(failure.get())).isNull();
        assertThat(fewest.get()).as("readers never saw fewer documents").isEqualTo(packages);
        String after = engine.indexesOf(readAlias).get(0);
        assertThat(engine.layout().generationOf(after)).isEqualTo(engine.layout().generationOf(before) + 1);
        assertThat(engine.indexesOf(engine.layout().writeAlias())).containsExactly(after);
        assertThat(engine.latestGeneration().getAsInt()).isEqualTo(engine.layout().generationOf(after));
        assertThat(reindex.status().await().indefinitely()).containsEntry("state", "done")
                .containsEntry("total", Integer.toString(packages)).containsEntry("done", Integer.toString(packages));
        PackageDocument d = document("pkg0042");
        assertThat(d.provides).containsExactly("libpkg0042.so.1()(64bit)");
        assertThat(d.binaries).containsExactly("pkg0042-libs");
        try (SearchSession session = mapping.createSession()) {
            assertThat(session.search(PackageDocument.class).where(f -> f.bool().must(f.match().field(Fields.NAME).matching("pkg0042"))
                    .must(f.match().field(Fields.DESCRIPTION).matching("libraries"))).fetchTotalHitCount())
                    .as("sub-package summaries are searchable with the description").isEqualTo(1);
        }
    }

    private long activeHits(String name) {
        engine.refresh(engine.layout().readAlias());
        try (SearchSession s = mapping.createSession()) {
            return s.search(PackageDocument.class)
                    .where(f -> f.bool().must(f.match().field(Fields.NAME).matching(name))
                            .filter(f.not(f.match().field(Fields.RETIRED).matching(true))))
                    .fetchTotalHitCount();
        }
    }

    /** The stored fields of a document, read back from the engine. */
    @SuppressWarnings("unchecked")
    private PackageDocument document(String name) {
        try (SearchSession s = mapping.createSession()) {
            List<List<?>> hits = s.search(PackageDocument.class)
                    .select(f -> f.composite().from(f.field(Fields.RETIRED, Boolean.class),
                            f.field(Fields.BRANCHES, String.class).list(), f.field(Fields.BINARIES, String.class).list(),
                            f.field(Fields.PROVIDES, String.class).list()).asList())
                    .where(f -> f.match().field(Fields.NAME).matching(name)).fetchHits(1);
            if (hits.isEmpty()) {
                return null;
            }
            PackageDocument d = new PackageDocument();
            d.name = name;
            d.retired = (Boolean) hits.get(0).get(0);
            d.branches = (List<String>) hits.get(0).get(1);
            d.binaries = (List<String>) hits.get(0).get(2);
            d.provides = (List<String>) hits.get(0).get(3);
            return d;
        }
    }

    private void awaitDocument(String name, java.util.function.Predicate<PackageDocument> ready) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        PackageDocument d = null;
        while (Instant.now().isBefore(end)) {
            engine.refresh(engine.layout().readAlias());
            d = document(name);
            if (d != null && ready.test(d)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("search document of " + name + " not as expected within 10 s: "
                + (d == null ? "absent" : "retired=" + d.retired + " branches=" + d.branches + " binaries=" + d.binaries));
    }
}
