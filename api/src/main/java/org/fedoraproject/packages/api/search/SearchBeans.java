package org.fedoraproject.packages.api.search;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.fedoraproject.packages.contract.search.SearchAnalysis;
import org.fedoraproject.packages.contract.search.SearchIndexLayout;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The contract's search analysis and index names as CDI beans, which application.properties names
 * ({@code bean:fp-search-…}): Hibernate Search gets them from the application rather than loading
 * classes by name (which, in test runs, it did from another class loader than its own interfaces).
 */
@Singleton
// SearchTerms (contract) runs Lucene analysers, whose attribute factory creates these by reflection
@io.quarkus.runtime.annotations.RegisterForReflection(targets = {
        org.apache.lucene.analysis.tokenattributes.PackedTokenAttributeImpl.class,
        org.apache.lucene.analysis.tokenattributes.KeywordAttributeImpl.class})
public class SearchBeans {
    @Produces
    @Singleton
    @Named("fp-search-layout")
    SearchIndexLayout layout(@org.eclipse.microprofile.config.inject.ConfigProperty(name = "fp.search.index-prefix") String prefix) {
        return new SearchIndexLayout(prefix);
    }

    @Produces
    @Singleton
    @Named("fp-search-analysis")
    ElasticsearchAnalysisConfigurer analysis() {
        return new SearchAnalysis();
    }
}
