package org.fedoraproject.packages.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.fedoraproject.packages.api.support.CorpusIndex;
import org.fedoraproject.packages.contract.search.PackageDocument.Fields;
import org.fedoraproject.packages.contract.search.SearchIndexLayout;
import org.fedoraproject.packages.contract.search.SearchTerms;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMapping;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API keeps a cached answer when the worker's change names none of its terms; that is right only if
 * SearchTerms makes of a text exactly the terms the engine makes of it. Compared here on the engine's
 * own analysers (by field, on the corpus index) over every summary, name and sub-package name of the
 * 34k-package corpus, the relevance table's queries and unicode samples.
 */
@QuarkusTest
@TestProfile(SearchRelevanceTest.Corpus.class)
@QuarkusTestResource(value = CorpusIndex.class, restrictToAnnotatedClass = true)
class SearchTermsAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SAMPLES = List.of("Café crème", "Straße", "naïve résumé", "Ærøskøbing", "ｆｕｌｌｗｉｄｔｈ",
            "中文字幕", "İstanbul", "ΣΊΣΥΦΟΣ", "don't stop", "x86_64", "version 3.14.1", "C++ and C#", "e-mail", "foo_bar",
            "perl(JSON::PP)", "python3dist(requests)", "libfoo.so.1()(64bit)", "The Libraries' tools", "running ran runs",
            "French Danish Irish", "ßtraße ﬁle ǅemal", "😀 emoji", "a\u0301b\u0327");

    @Inject
    SearchMapping mapping;
    @Inject
    @Named("fp-search-layout")
    SearchIndexLayout layout;

    @BeforeAll
    static void corpus() {
        Assumptions.assumeTrue(CorpusIndex.present(), "corpus absent (" + CorpusIndex.corpus() + "): analysis not compared");
    }

    @Test
    void proseIsCutIntoTheEngineTerms() throws IOException {
        List<String> texts = new ArrayList<>(corpus("summary"));
        texts.addAll(SAMPLES);
        texts.addAll(relevanceQueries());
        assertThat(texts).hasSizeGreaterThan(40_000);
        compare(Fields.SUMMARY, texts, SearchTerms::text);
    }

    @Test
    void namesAreCutIntoTheEngineParts() throws IOException {
        compare(Fields.NAME_PARTS, names(), SearchTerms::parts);
    }

    @Test
    void wholeNamesAreFoldedAsTheEngineFoldsThem() throws IOException {
        compare(Fields.NAME, names(), v -> Set.of(SearchTerms.folded(v)));
    }

    /** Source and sub-package names of the corpus, the samples and the relevance table's queries. */
    private static List<String> names() throws IOException {
        List<String> names = new ArrayList<>(corpus("name"));
        names.addAll(SAMPLES);
        names.addAll(relevanceQueries());
        return names;
    }

    /** Batch by batch (20 values), the engine's terms and ours for the same values must be the same set. */
    private void compare(String field, List<String> values, Function<String, Set<String>> ours) throws IOException {
        RestClient client = mapping.backend().unwrap(ElasticsearchBackend.class).client(RestClient.class);
        int differing = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < values.size(); i += 20) {
            List<String> batch = values.subList(i, Math.min(values.size(), i + 20));
            Set<String> expected = new TreeSet<>();
            for (String v : batch) {
                expected.addAll(ours.apply(v));
            }
            Request r = new Request("POST", "/" + layout.readAlias() + "/_analyze");
            r.setJsonEntity(JSON.writeValueAsString(java.util.Map.of("field", field, "text", batch)));
            JsonNode tokens = JSON.readTree(EntityUtils.toString(client.performRequest(r).getEntity(), StandardCharsets.UTF_8))
                    .path("tokens");
            Set<String> engine = new TreeSet<>();
            tokens.forEach(t -> engine.add(t.path("token").asText()));
            if (!engine.equals(expected)) {
                differing++;
                if (examples.size() < 5) {
                    Set<String> onlyEngine = new TreeSet<>(engine);
                    onlyEngine.removeAll(expected);
                    Set<String> onlyOurs = new TreeSet<>(expected);
                    onlyOurs.removeAll(engine);
                    examples.add("engine only " + onlyEngine + ", ours only " + onlyOurs + " in " + batch);
                }
            }
        }
        System.out.printf("%s: %d values compared with the engine's analysis, %d batches differ%n", field, values.size(), differing);
        assertThat(differing).as("batches whose terms differ, e.g. %s", examples).isZero();
    }

    /** Distinct summaries (of source and sub-packages) or names (source and sub-package) of the corpus. */
    private static Set<String> corpus(String what) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(CorpusIndex.corpus())), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode p = JSON.readTree(line);
                add(out, p.path(what));
                p.path("subpackages").forEach(s -> add(out, s.path(what)));
            }
        }
        return out;
    }

    private static void add(Set<String> out, JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            out.add(value.asText());
        }
    }

    private static List<String> relevanceQueries() throws IOException {
        return SearchRelevanceTest.table().map(SearchRelevanceTest.Row::query).toList();
    }
}
