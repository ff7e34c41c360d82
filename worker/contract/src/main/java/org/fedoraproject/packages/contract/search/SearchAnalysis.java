package org.fedoraproject.packages.contract.search;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The analysers of {@link PackageDocument}'s fields (why each: docs/search.md). They reach the engine only
 * when an index is created, so a change here needs a full re-index (the worker's reindex builds a new
 * index with them and switches the alias).
 */
public class SearchAnalysis implements ElasticsearchAnalysisConfigurer {
    /** Whole value, lower-cased and ASCII-folded: exact names, maintainers. */
    public static final String FOLDED = "fp_folded";
    /** Whole value as one lower-cased token, cut into its leading 1…40 characters: prefixes. */
    public static final String EDGE = "fp_edge";
    /** Whole value as one lower-cased token: what a prefix query is compared with. */
    public static final String WHOLE = "fp_whole";
    /** A name split at anything not a letter or digit: {@code python-requests} → python, requests. */
    public static final String PARTS = "fp_parts";
    /** English prose: words, lower-cased, folded, stop words out, light stemming (games → game). */
    public static final String TEXT = "fp_text";

    private static final String EDGE_TOKENS = "fp_edge_tokens";
    private static final String STOP = "fp_stop_en";
    private static final String STEM = "fp_stem_en";
    private static final String NON_ALNUM = "fp_non_alnum";

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.normalizer(FOLDED).custom().tokenFilters("lowercase", "asciifolding");

        // a tokenizer, not a token filter: its grams take one position each, so a longer name is a longer
        // field and scores lower (a filter's grams share one position, and every name would tie)
        context.tokenizer(EDGE_TOKENS).type("edge_ngram").param("min_gram", 1).param("max_gram", 40);
        context.analyzer(EDGE).custom().tokenizer(EDGE_TOKENS).tokenFilters("lowercase", "asciifolding");
        context.analyzer(WHOLE).custom().tokenizer("keyword").tokenFilters("lowercase", "asciifolding");

        context.tokenizer(NON_ALNUM).type("pattern").param("pattern", "[^\\p{L}\\p{N}]+");
        context.analyzer(PARTS).custom().tokenizer(NON_ALNUM).tokenFilters("lowercase", "asciifolding");

        context.tokenFilter(STOP).type("stop").param("stopwords", "_english_");
        context.tokenFilter(STEM).type("stemmer").param("language", "light_english");
        context.analyzer(TEXT).custom().tokenizer("standard")
                .tokenFilters("lowercase", "asciifolding", STOP, STEM);
    }
}
