package org.fedoraproject.packages.api.search;

import static org.fedoraproject.packages.contract.search.PackageDocument.Fields.BINARIES;
import static org.fedoraproject.packages.contract.search.PackageDocument.Fields.BINARIES_PREFIX;
import static org.fedoraproject.packages.contract.search.PackageDocument.Fields.BRANCHES;
import static org.fedoraproject.packages.contract.search.PackageDocument.Fields.DESCRIPTION;
import static org.fedoraproject.packages.contract.search.PackageDocument.Fields.MAINTAINERS;
import static org.fedoraproject.packages.contract.search.PackageDocument.Fields.NAME;
import static org.fedoraproject.packages.contract.search.PackageDocument.Fields.NAME_PARTS;
import static org.fedoraproject.packages.contract.search.PackageDocument.Fields.NAME_PREFIX;
import static org.fedoraproject.packages.contract.search.PackageDocument.Fields.PROVIDES;
import static org.fedoraproject.packages.contract.search.PackageDocument.Fields.RETIRED;
import static org.fedoraproject.packages.contract.search.PackageDocument.Fields.SUMMARY;
import static org.fedoraproject.packages.contract.search.PackageDocument.Fields.VERSION;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fedoraproject.packages.contract.search.PackageDocument;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;
import org.hibernate.search.util.common.SearchException;
import org.jboss.logging.Logger;

/**
 * Runs searches and suggestions against the read alias. The user's text only ever reaches the engine
 * as the value of match and term predicates (analysed by the field's analyser), never as query syntax,
 * so {@code *:*} or {@code name:foo OR} are searched for as words and match nothing special.
 *
 * <p>Ranking is a sum of tiers, each far above the next, so that a lower tier never overtakes a higher
 * one: exact source name, exact sub-package name, exact provide, then the name's prefix (shorter names
 * first: the n-gram field's length norm), then words of the name, summary and description (BM25), then
 * words within one or two typos. Blocking: called on worker threads.
 */
@ApplicationScoped
public class PackageSearch {
    private static final Logger LOG = Logger.getLogger(PackageSearch.class);
    /** Words of the query given typo tolerance (more would make long queries slow and vague). */
    private static final int MAX_FUZZY_WORDS = 6;
    private static final int SUGGEST_HITS = 15;
    /** Fewer hits than this for the words as typed: look for typos too. */
    private static final int FEW_HITS = 10;
    /** Totals are exact up to this many hits, a lower bound beyond. */
    private static final int TOTAL_EXACT_UP_TO = 1000;

    /** Which packages: active ones (the default), also retired ones, or only retired ones. */
    public enum Retired {
        EXCLUDE, INCLUDE, ONLY
    }

    public record Filters(String branch, String maintainer, Retired retired) {
    }

    private final SearchMapping mapping;
    private final SearchCache cache;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final AtomicBoolean down = new AtomicBoolean();

    public PackageSearch(SearchMapping mapping, SearchCache cache, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.mapping = mapping;
        this.cache = cache;
        this.json = json;
    }

    /**
     * An answer as UTF-8 JSON and its entity tag, cached together (both cost more than finding them in the
     * cache); bytes, so that the cache's weight is what the answers really hold.
     */
    public record Answer(byte[] json, String etag) {
    }

    /** The answer as JSON: cached serialised, since writing 20 hits costs as much as finding them in the cache. */
    public io.smallrye.mutiny.Uni<Answer> search(String query, Filters filters, int offset, int limit) {
        String key = "s\u0000" + query.strip() + "\u0000" + filters + "\u0000" + offset + "\u0000" + limit;
        return answer(key, () -> {
            Found found = searchEngine(query, filters, offset, limit);
            return new SearchCache.Entry(write(found.page()), AnswerDependencies.ofSearch(query.strip(),
                    found.page().items().stream().map(SearchShapes.Hit::name).toList(), found.typos(),
                    filters.branch(), filters.maintainer()));
        });
    }

    public io.smallrye.mutiny.Uni<Answer> suggest(String query, int max) {
        return answer("g\u0000" + query.strip() + "\u0000" + max,
                () -> new SearchCache.Entry(write(suggestEngine(query, max)), AnswerDependencies.ofSuggest(query.strip())));
    }

    /** A page of hits, and whether typos were looked for to find it. */
    private record Found(SearchShapes.Page page, boolean typos) {
    }

    /**
     * A cached answer at once, on the calling (event-loop) thread; otherwise the engine is asked on a worker
     * thread (its client blocks).
     */
    private io.smallrye.mutiny.Uni<Answer> answer(String key, java.util.function.Supplier<SearchCache.Entry> compute) {
        Answer hit = cache.peek(key);
        if (hit != null) {
            return io.smallrye.mutiny.Uni.createFrom().item(hit);
        }
        return io.smallrye.mutiny.Uni.createFrom().item(() -> cache.get(key, compute))
                .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool());
    }

    private Answer write(Object answer) {
        try {
            byte[] body = json.writeValueAsBytes(answer);
            return new Answer(body, org.fedoraproject.packages.api.rest.EntityTags.of(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Found searchEngine(String query, Filters filters, int offset, int limit) {
        String q = query.strip();
        String folded = q.toLowerCase(Locale.ROOT);
        List<String> words = words(folded);
        return engine(() -> {
            try (SearchSession session = mapping.createSession()) {
                SearchResult<List<?>> result = run(session, q, words, filters, offset, limit, false);
                // typos are looked for only when the words as typed find little: the fuzzy clauses are the
                // costly part of a query, and a typo never outranks an exact match anyway
                boolean typos = result.total().hitCountLowerBound() < FEW_HITS && words.stream().anyMatch(w -> w.length() >= 4);
                if (typos) {
                    result = run(session, q, words, filters, offset, limit, true);
                }
                List<SearchShapes.Hit> items = new ArrayList<>();
                for (List<?> row : result.hits()) {
                    items.add(hit(row, folded, words, filters.retired() != Retired.EXCLUDE));
                }
                return new Found(new SearchShapes.Page(result.total().hitCountLowerBound(), result.total().isHitCountExact(), offset,
                        limit, items), typos);
            }
        });
    }

    private static SearchResult<List<?>> run(SearchSession session, String q, List<String> words, Filters filters,
            int offset, int limit, boolean typos) {
        return session.search(PackageDocument.class)
                .select(f -> f.composite().from(
                        f.field(NAME, String.class),
                        f.field(SUMMARY, String.class),
                        f.field(VERSION, String.class),
                        f.field(BINARIES, String.class).list(),
                        f.field(PROVIDES, String.class).list(),
                        f.field(RETIRED, Boolean.class),
                        f.field(DESCRIPTION, String.class)).asList())
                .where(f -> {
                    var b = f.bool().must(ranked(f, q, words, typos));
                    filters(f, filters).forEach(b::filter);
                    return b;
                })
                .totalHitCountThreshold(TOTAL_EXACT_UP_TO) // counting every hit of a broad query costs more than finding the best
                .fetch(offset, limit);
    }

    /** Up to {@code max} source and sub-package names starting with the text, shortest first. */
    private SearchShapes.Suggestions suggestEngine(String query, int max) {
        String q = query.strip();
        String folded = q.toLowerCase(Locale.ROOT);
        return engine(() -> {
            try (SearchSession session = mapping.createSession()) {
                List<List<?>> rows = session.search(PackageDocument.class)
                        .select(f -> f.composite().from(f.field(NAME, String.class), f.field(BINARIES, String.class).list())
                                .asList())
                        .where(f -> f.bool()
                                // the exact name is the shortest with its own prefix: it scores highest already
                                .must(f.bool()
                                        .should(f.match().field(NAME_PREFIX).matching(q).boost(10))
                                        .should(f.match().field(BINARIES_PREFIX).matching(q))
                                        .minimumShouldMatchNumber(1))
                                .filter(f.not(f.match().field(RETIRED).matching(true))))
                        .fetchHits(SUGGEST_HITS);
                Map<String, String> found = new LinkedHashMap<>();
                for (List<?> row : rows) {
                    String name = (String) row.get(0);
                    if (name.toLowerCase(Locale.ROOT).startsWith(folded)) {
                        found.putIfAbsent(name, name);
                    }
                    for (Object b : (List<?>) row.get(1)) {
                        String bin = (String) b;
                        if (bin.toLowerCase(Locale.ROOT).startsWith(folded)) {
                            found.putIfAbsent(bin, name);
                        }
                    }
                }
                List<SearchShapes.Suggestion> items = found.entrySet().stream()
                        .sorted(Comparator.<Map.Entry<String, String>>comparingInt(e -> e.getKey().equalsIgnoreCase(q) ? 0 : 1)
                                .thenComparingInt(e -> e.getKey().length())
                                .thenComparing(Map.Entry::getKey))
                        .limit(max)
                        .map(e -> new SearchShapes.Suggestion(e.getKey(), e.getValue()))
                        .toList();
                return new SearchShapes.Suggestions(q, items);
            }
        });
    }

    private static PredicateFinalStep ranked(SearchPredicateFactory f, String q, List<String> words, boolean typos) {
        var b = f.bool()
                .should(f.match().field(NAME).matching(q).constantScore().boost(100_000))
                .should(f.match().field(BINARIES).matching(q).constantScore().boost(50_000))
                .should(f.match().field(PROVIDES).matching(q).constantScore().boost(20_000))
                .should(f.match().field(NAME_PREFIX).matching(q).boost(1_000))
                .should(f.match().field(BINARIES_PREFIX).matching(q).boost(100))
                .should(f.match().field(NAME_PARTS).matching(q).boost(40))
                .should(f.match().field(SUMMARY).matching(q).boost(10))
                .should(f.match().field(DESCRIPTION).matching(q).boost(2));
        if (words.size() > 1) {
            // for one word these would repeat the clauses above (and cost as much again)
            b.should(allWords(f, words, 30)).should(f.phrase().field(SUMMARY).matching(q).boost(20));
        }
        int fuzzy = typos ? 0 : MAX_FUZZY_WORDS;
        for (String w : words) {
            int edits = w.length() >= 8 ? 2 : w.length() >= 4 ? 1 : 0;
            if (edits > 0 && fuzzy++ < MAX_FUZZY_WORDS) {
                // a misspelt name part (pyhton → python-*) before a misspelt summary word
                b.should(f.match().field(NAME_PARTS).matching(w).fuzzy(edits, 1).boost(3f));
                b.should(f.match().field(SUMMARY).matching(w).fuzzy(edits, 1).boost(0.3f));
            }
        }
        return b.minimumShouldMatchNumber(1);
    }

    /** Every word (up to 8) in the name's parts or the summary: beats some words in one of them. */
    private static PredicateFinalStep allWords(SearchPredicateFactory f, List<String> words, float boost) {
        var all = f.bool();
        for (String w : words.subList(0, Math.min(words.size(), 8))) {
            all.must(f.bool().should(f.match().field(NAME_PARTS).matching(w).boost(2f)).should(f.match().field(SUMMARY).matching(w)));
        }
        if (words.isEmpty()) {
            all.must(f.matchNone());
        }
        return all.boost(boost);
    }

    private static List<PredicateFinalStep> filters(SearchPredicateFactory f, Filters filters) {
        List<PredicateFinalStep> out = new ArrayList<>();
        switch (filters.retired()) {
            case EXCLUDE -> out.add(f.not(f.match().field(RETIRED).matching(true)));
            case ONLY -> out.add(f.match().field(RETIRED).matching(true));
            case INCLUDE -> {
            }
        }
        if (filters.branch() != null) {
            out.add(f.match().field(BRANCHES).matching(filters.branch()));
        }
        if (filters.maintainer() != null) {
            out.add(f.match().field(MAINTAINERS).matching(filters.maintainer()));
        }
        return out;
    }

    private static SearchShapes.Hit hit(List<?> row, String folded, List<String> words, boolean showRetired) {
        String name = (String) row.get(0);
        @SuppressWarnings("unchecked")
        List<String> binaries = (List<String>) row.get(3);
        @SuppressWarnings("unchecked")
        List<String> provides = (List<String>) row.get(4);
        String summaryMark = Highlights.whole((String) row.get(1), words);
        String descriptionMark = Highlights.fragment((String) row.get(6), words);
        Map<String, String> highlight = new LinkedHashMap<>();
        if (summaryMark != null) {
            highlight.put("summary", summaryMark);
        }
        if (descriptionMark != null) {
            highlight.put("description", descriptionMark);
        }
        return new SearchShapes.Hit(name, (String) row.get(1), (String) row.get(2),
                matched(name, binaries, provides, folded, marked(summaryMark, descriptionMark)), highlight.isEmpty() ? null : highlight,
                showRetired ? Boolean.TRUE.equals(row.get(5)) : null);
    }

    /** The highest tier that explains the hit (the same order as the ranking). */
    static SearchShapes.Match matched(String name, List<String> binaries, List<String> provides, String folded,
            Set<String> marked) {
        if (name.equalsIgnoreCase(folded)) {
            return new SearchShapes.Match("name", null);
        }
        for (String b : binaries) {
            if (b.equalsIgnoreCase(folded)) {
                return new SearchShapes.Match("subpackage", b);
            }
        }
        for (String p : provides) {
            if (p.equalsIgnoreCase(folded)) {
                return new SearchShapes.Match("provides", p);
            }
        }
        if (name.toLowerCase(Locale.ROOT).startsWith(folded)) {
            return new SearchShapes.Match("prefix", null);
        }
        for (String b : binaries) {
            if (b.toLowerCase(Locale.ROOT).startsWith(folded)) {
                return new SearchShapes.Match("subpackage-prefix", b);
            }
        }
        Set<String> found = new LinkedHashSet<>(words(name.toLowerCase(Locale.ROOT)));
        found.addAll(marked);
        List<String> asked = words(folded);
        if (found.stream().anyMatch(f -> Highlights.matches(f, asked))) {
            return new SearchShapes.Match("words", null);
        }
        return new SearchShapes.Match("similar", null);
    }

    private static final java.util.regex.Pattern MARK = java.util.regex.Pattern.compile("<mark>(.*?)</mark>");

    /** The words the highlighter marked (lower-cased). */
    static Set<String> marked(String... highlighted) {
        Set<String> out = new LinkedHashSet<>();
        for (String h : highlighted) {
            if (h != null) {
                java.util.regex.Matcher m = MARK.matcher(h);
                while (m.find()) {
                    out.addAll(words(m.group(1).toLowerCase(Locale.ROOT)));
                }
            }
        }
        return out;
    }

    /** Letters-and-digits runs, as the name-parts analyser cuts them. */
    static List<String> words(String text) {
        return Words.of(text);
    }

    /** Runs a query; an engine failure becomes {@link SearchUnavailableException}, logged once per outage. */
    private <T> T engine(java.util.function.Supplier<T> call) {
        try {
            T result = call.get();
            if (down.compareAndSet(true, false)) {
                LOG.info("search engine answers again");
            }
            return result;
        } catch (SearchException e) {
            if (down.compareAndSet(false, true)) {
                LOG.warnf("search engine unavailable, search answers 503 until it is back: %s", e.getMessage());
            }
            throw new SearchUnavailableException(e);
        }
    }
}
