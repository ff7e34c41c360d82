package org.fedoraproject.packages.contract.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;

/**
 * The engine's names for Hibernate Search's index {@code packages}: {@code <prefix>-packages-000001} holds
 * the data, {@code <prefix>-packages-read} is what the API queries and {@code <prefix>-packages-write}
 * what the worker writes to. The prefix ({@code fp.search.index-prefix}) lets local instances (dev,
 * test, e2e) share one engine. A full re-index builds {@code …-000002} and moves both aliases to it.
 */
public class SearchIndexLayout implements IndexLayoutStrategy {
    private static final Pattern NUMBERED = Pattern.compile("(.+)-(\\d{6})");

    private final String prefix;

    public SearchIndexLayout(String prefix) {
        this.prefix = prefix;
    }

    public String readAlias() {
        return createReadAlias(PackageDocument.INDEX);
    }

    public String writeAlias() {
        return createWriteAlias(PackageDocument.INDEX);
    }

    /** The data index of the given generation: {@code <prefix>-packages-00000N}. */
    public String generation(int n) {
        return String.format("%s-%s-%06d", prefix, PackageDocument.INDEX, n);
    }

    /** The generation of a data index name, or -1 when the name is not one of ours. */
    public int generationOf(String elasticsearchIndexName) {
        Matcher m = NUMBERED.matcher(elasticsearchIndexName);
        return m.matches() && m.group(1).equals(prefix + "-" + PackageDocument.INDEX) ? Integer.parseInt(m.group(2)) : -1;
    }

    @Override
    public String createInitialElasticsearchIndexName(String hibernateSearchIndexName) {
        return String.format("%s-%s-%06d", prefix, hibernateSearchIndexName, 1);
    }

    @Override
    public String createWriteAlias(String hibernateSearchIndexName) {
        return prefix + "-" + hibernateSearchIndexName + "-write";
    }

    @Override
    public String createReadAlias(String hibernateSearchIndexName) {
        return prefix + "-" + hibernateSearchIndexName + "-read";
    }

    @Override
    public String extractUniqueKeyFromHibernateSearchIndexName(String hibernateSearchIndexName) {
        return hibernateSearchIndexName;
    }

    @Override
    public String extractUniqueKeyFromElasticsearchIndexName(String elasticsearchIndexName) {
        Matcher m = NUMBERED.matcher(elasticsearchIndexName);
        String base = m.matches() ? m.group(1) : elasticsearchIndexName;
        return base.startsWith(prefix + "-") ? base.substring(prefix.length() + 1) : base;
    }
}
