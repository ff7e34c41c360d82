package org.fedoraproject.packages.worker.search;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.fedoraproject.packages.contract.search.SearchIndexLayout;

/**
 * The index layout Hibernate Search uses ({@code quarkus.hibernate-search-standalone.elasticsearch.layout.strategy
 * =bean:fp-search-layout}), with this instance's prefix; the re-index uses the same names.
 */
@Singleton
public class SearchIndexNames {
    @Produces
    @Singleton
    @Named("fp-search-layout")
    SearchIndexLayout layout(SearchConfig config) {
        return new SearchIndexLayout(config.indexPrefix());
    }
}
