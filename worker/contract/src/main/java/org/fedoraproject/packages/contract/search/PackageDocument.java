package org.fedoraproject.packages.contract.search;

import java.util.List;
import org.hibernate.search.engine.backend.types.Norms;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.SearchEntity;

/**
 * The search document of one source package: what the worker writes (the only writer) and the API
 * queries. One class for both, so a field's name and analysis exist once. The analysers are
 * {@link SearchAnalysis}'s; why each field has the one it has is in docs/search.md.
 *
 * <p>Plain public fields: Hibernate Search reads them directly, Jackson is not involved.
 */
@SearchEntity
@Indexed(index = PackageDocument.INDEX)
public class PackageDocument {
    /** Hibernate Search's name of the index; the engine's names add the instance prefix ({@link SearchIndexLayout}). */
    public static final String INDEX = "packages";

    /** Field names, for queries. */
    public static final class Fields {
        public static final String NAME = "name";
        public static final String NAME_PREFIX = "name_prefix";
        public static final String NAME_PARTS = "name_parts";
        public static final String BINARIES = "binaries";
        public static final String BINARIES_PREFIX = "binaries_prefix";
        public static final String PROVIDES = "provides";
        public static final String SUMMARY = "summary";
        public static final String DESCRIPTION = "description";
        public static final String MAINTAINERS = "maintainers";
        public static final String BRANCHES = "branches";
        public static final String RETIRED = "retired";
        public static final String VERSION = "version";
        public static final String URL = "url";

        private Fields() {
        }
    }

    /** The source package's name, exact (case-folded), as edge n-grams for prefixes, and split into its parts. */
    @DocumentId
    @KeywordField(name = Fields.NAME, normalizer = SearchAnalysis.FOLDED, projectable = Projectable.YES,
            sortable = org.hibernate.search.engine.backend.types.Sortable.YES)
    @FullTextField(name = Fields.NAME_PREFIX, analyzer = SearchAnalysis.EDGE, searchAnalyzer = SearchAnalysis.WHOLE)
    @FullTextField(name = Fields.NAME_PARTS, analyzer = SearchAnalysis.PARTS)
    public String name;

    /** Sub-package (binary) names: exact, prefixes, parts. */
    @KeywordField(name = Fields.BINARIES, normalizer = SearchAnalysis.FOLDED, projectable = Projectable.YES)
    @FullTextField(name = Fields.BINARIES_PREFIX, analyzer = SearchAnalysis.EDGE, searchAnalyzer = SearchAnalysis.WHOLE,
            norms = Norms.YES)
    public List<String> binaries = List.of();

    /** What the binaries provide besides their names ({@code python3dist(requests)}, {@code perl(JSON::PP)}): exact only. */
    @KeywordField(name = Fields.PROVIDES, normalizer = SearchAnalysis.FOLDED, projectable = Projectable.YES)
    public List<String> provides = List.of();

    @FullTextField(name = Fields.SUMMARY, analyzer = SearchAnalysis.TEXT, projectable = Projectable.YES)
    public String summary;

    @FullTextField(name = Fields.DESCRIPTION, analyzer = SearchAnalysis.TEXT, projectable = Projectable.YES)
    public String description;

    /** Users and groups with commit rights or more, and the point of contact: a filter. */
    @KeywordField(name = Fields.MAINTAINERS, normalizer = SearchAnalysis.FOLDED, projectable = Projectable.YES)
    public List<String> maintainers = List.of();

    /** Active branches that ship the package ({@code rawhide}, {@code f43}, {@code epel10}): a filter. */
    @KeywordField(name = Fields.BRANCHES, projectable = Projectable.YES)
    public List<String> branches = List.of();

    /** Retired packages stay findable on request but drop out of default results. */
    @GenericField(name = Fields.RETIRED, projectable = Projectable.YES)
    public boolean retired;

    /** {@code version-release} of the overview, shown in results. */
    @KeywordField(name = Fields.VERSION, projectable = Projectable.YES, searchable = Searchable.NO)
    public String version;

    /** The upstream project's URL; exact, for a filter or a lookup, not for word search. */
    @KeywordField(name = Fields.URL, projectable = Projectable.YES)
    public String url;
}
