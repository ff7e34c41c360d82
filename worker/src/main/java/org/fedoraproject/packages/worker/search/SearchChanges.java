package org.fedoraproject.packages.worker.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.fedoraproject.packages.contract.search.PackageDocument;
import org.fedoraproject.packages.contract.search.SearchChange;
import org.fedoraproject.packages.contract.search.SearchTerms;

/**
 * Describes a write to the search index for the API's answer cache ({@link SearchChange}): which
 * packages, names and terms it touched, from each document as it was in the engine and as written.
 * A write too large to describe in one notice is announced as "everything".
 */
final class SearchChanges {
    /** Beyond this many packages (the bootstrap's batches) the API drops every answer anyway. */
    static final int MAX_PACKAGES = 200;
    /** Beyond this many terms the notice grows past what is worth comparing answer by answer. */
    static final int MAX_TERMS = 20_000;

    private SearchChanges() {
    }

    /**
     * @param before   the documents of these packages as the engine held them (absent: new packages)
     * @param written  the documents written
     * @param removed  the packages whose documents were deleted
     */
    static SearchChange of(Map<String, PackageDocument> before, Collection<PackageDocument> written, Collection<String> removed) {
        if (!describable(written.size() + removed.size())) {
            return SearchChange.everything();
        }
        Set<String> packages = new TreeSet<>();
        Set<String> keys = new TreeSet<>();
        Set<String> terms = new TreeSet<>();
        Set<String> filters = new TreeSet<>();
        for (PackageDocument now : written) {
            packages.add(now.name);
            PackageDocument was = before.get(now.name);
            if (was == null || was.retired != now.retired) {
                // its terms and names drop every answer it enters or leaves, filtered or not
                whole(now, keys, terms);
                if (was != null) {
                    whole(was, keys, terms);
                }
                continue;
            }
            if (!Objects.equals(was.binaries, now.binaries) || !Objects.equals(was.provides, now.provides)) {
                names(was, keys);
                names(now, keys);
            }
            if (!Objects.equals(was.summary, now.summary)) {
                terms.addAll(SearchTerms.text(was.summary));
                terms.addAll(SearchTerms.text(now.summary));
            }
            if (!Objects.equals(was.description, now.description)) {
                terms.addAll(SearchTerms.text(was.description));
                terms.addAll(SearchTerms.text(now.description));
            }
            if (!Objects.equals(was.branches, now.branches) || !Objects.equals(was.maintainers, now.maintainers)) {
                filterValues(was, filters);
                filterValues(now, filters);
            }
        }
        for (String name : removed) {
            packages.add(name);
            PackageDocument was = before.get(name);
            if (was != null) {
                whole(was, keys, terms);
            }
        }
        if (terms.size() > MAX_TERMS) {
            return SearchChange.everything();
        }
        return new SearchChange(false, List.copyOf(packages), List.copyOf(keys), List.copyOf(terms), List.copyOf(filters));
    }

    /** Whether a write of this many packages is described package by package (else: everything). */
    static boolean describable(int packages) {
        return packages <= MAX_PACKAGES;
    }

    private static void whole(PackageDocument d, Set<String> keys, Set<String> terms) {
        names(d, keys);
        terms.addAll(SearchTerms.parts(d.name));
        terms.addAll(SearchTerms.text(d.summary));
        terms.addAll(SearchTerms.text(d.description));
    }

    private static void filterValues(PackageDocument d, Set<String> filters) {
        filters.addAll(d.branches);
        d.maintainers.forEach(m -> filters.add(SearchTerms.folded(m)));
    }

    private static void names(PackageDocument d, Set<String> keys) {
        keys.add(SearchTerms.folded(d.name));
        d.binaries.forEach(b -> keys.add(SearchTerms.folded(b)));
        d.provides.forEach(p -> keys.add(SearchTerms.folded(p)));
    }
}
