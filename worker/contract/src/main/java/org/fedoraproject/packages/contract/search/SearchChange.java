package org.fedoraproject.packages.contract.search;

import java.util.List;

/**
 * What one write to the search index changed, announced by the worker on {@code searched:<instance>} as
 * {@code {"search":"updated","change":{…}}} once the write is searchable. The API drops the cached
 * answers the change could affect and keeps the others (see its SearchCache); every list holds the
 * values before and after the write, since an answer may have matched the old text or match the new one.
 *
 * @param all      anything may have changed (a re-index, a batch too large to describe): drop every answer
 * @param packages source packages written or removed: an answer listing one of them is dropped
 * @param keys     whole names, sub-package names and provides ({@link SearchTerms#folded}) of packages
 *                 added, removed, retired or un-retired, or whose sub-packages or provides changed: what
 *                 exact-name and prefix queries compare with
 * @param terms    terms ({@link SearchTerms#text}, {@link SearchTerms#parts}) of every text field whose
 *                 value changed (of the whole document when it was added, removed or its retired flag
 *                 changed): a field's new length moves all its words' scores, not only the new words'
 * @param filters  branches and maintainers ({@link SearchTerms#folded}), before and after, of packages whose
 *                 branches or maintainers changed: an answer filtered by one of them is dropped
 */
public record SearchChange(boolean all, List<String> packages, List<String> keys, List<String> terms, List<String> filters) {
    public static SearchChange everything() {
        return new SearchChange(true, List.of(), List.of(), List.of(), List.of());
    }

    public SearchChange {
        packages = packages == null ? List.of() : List.copyOf(packages);
        keys = keys == null ? List.of() : List.copyOf(keys);
        terms = terms == null ? List.of() : List.copyOf(terms);
        filters = filters == null ? List.of() : List.copyOf(filters);
    }
}
