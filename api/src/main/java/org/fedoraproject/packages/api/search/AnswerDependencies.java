package org.fedoraproject.packages.api.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.fedoraproject.packages.contract.search.SearchChange;
import org.fedoraproject.packages.contract.search.SearchTerms;

/**
 * What a cached answer depends on, in the terms the engine compares (SearchTerms: the fields' own
 * analysers), so that a change of the index drops only the answers it could affect. Conservative: it
 * may drop an answer the change left as it was, never keep one it changed. The rules follow the
 * clauses of {@link PackageSearch}'s queries:
 * <ul>
 *   <li>a hit's package was written: its version, summary or rank may differ (search only: a suggestion
 *       shows a name, which only a change of names affects);</li>
 *   <li>a name, sub-package name or provide added or removed equals the query or starts with it (exact
 *       and prefix clauses; for suggest the only rule besides filters);</li>
 *   <li>a term of the query's text is among the changed fields' terms (word clauses; phrases and
 *       all-words clauses match a subset of those);</li>
 *   <li>the answer was looked for with typos: a changed term within two edits of a query term, same first
 *       letter (the fuzzy clauses allow one or two edits after one fixed letter);</li>
 *   <li>the answer was filtered by a branch or maintainer that a package had or has, and that package's
 *       branches or maintainers changed (a package entering or leaving an answer by its text is caught by
 *       the rules above).</li>
 * </ul>
 *
 * @param suggest  a suggestion list, not search hits
 * @param key      the whole query as exact and prefix clauses compare it
 * @param terms    the query's terms as its word clauses compare them
 * @param hits     the source packages the answer lists
 * @param typos    the answer comes from the query with typo tolerance
 * @param filters  the query's branch and maintainer filters (the maintainer folded as the field folds it)
 */
public record AnswerDependencies(boolean suggest, String key, Set<String> terms, Set<String> hits, boolean typos,
        Set<String> filters) {
    private static final int MAX_EDITS = 2;

    static AnswerDependencies ofSearch(String query, List<String> hits, boolean typos, String branch, String maintainer) {
        Set<String> terms = new HashSet<>(SearchTerms.parts(query));
        terms.addAll(SearchTerms.text(query));
        Set<String> filters = new HashSet<>();
        if (branch != null) {
            filters.add(branch);
        }
        if (maintainer != null) {
            filters.add(SearchTerms.folded(maintainer));
        }
        return new AnswerDependencies(false, SearchTerms.folded(query), Set.copyOf(terms), Set.copyOf(hits), typos,
                Set.copyOf(filters));
    }

    static AnswerDependencies ofSuggest(String query) {
        return new AnswerDependencies(true, SearchTerms.folded(query), Set.of(), Set.of(), false, Set.of());
    }

    /** Bytes held, roughly, for the cache's weigher. */
    int weight() {
        int size = 64 + 2 * key.length();
        for (String t : terms) {
            size += 48 + 2 * t.length();
        }
        for (String h : hits) {
            size += 48 + 2 * h.length();
        }
        for (String f : filters) {
            size += 48 + 2 * f.length();
        }
        return size;
    }

    boolean affectedBy(Change c) {
        if (c.all) {
            return true;
        }
        for (String f : filters) {
            if (c.filters.contains(f)) {
                return true;
            }
        }
        String next = c.keys.ceiling(key);
        if (next != null && next.startsWith(key)) {
            return true;
        }
        if (suggest) {
            return false;
        }
        for (String h : hits) {
            if (c.packages.contains(h)) {
                return true;
            }
        }
        for (String t : terms) {
            if (c.terms.contains(t)) {
                return true;
            }
        }
        if (typos) {
            for (String t : terms) {
                for (String u : c.byFirstLetter.getOrDefault(t.codePointAt(0), List.of())) {
                    if (Edits.within(t, u, MAX_EDITS)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A {@link SearchChange} arranged for the comparisons above (built once per notice). */
    static final class Change {
        final boolean all;
        final Set<String> filters;
        final Set<String> packages;
        final NavigableSet<String> keys;
        final Set<String> terms;
        final Map<Integer, List<String>> byFirstLetter = new HashMap<>();

        Change(SearchChange change) {
            this.all = change.all();
            this.filters = Set.copyOf(change.filters());
            this.packages = Set.copyOf(change.packages());
            this.keys = new TreeSet<>(change.keys());
            this.terms = Set.copyOf(change.terms());
            for (String t : terms) {
                if (!t.isEmpty()) {
                    byFirstLetter.computeIfAbsent(t.codePointAt(0), k -> new ArrayList<>()).add(t);
                }
            }
        }
    }

    /** Optimal string alignment distance (edits with transpositions, as the engine's fuzzy queries count them). */
    static final class Edits {
        private Edits() {
        }

        static boolean within(String a, String b, int max) {
            if (Math.abs(a.length() - b.length()) > max) {
                return false;
            }
            int n = a.length();
            int m = b.length();
            int[] prev2 = new int[m + 1];
            int[] prev = new int[m + 1];
            int[] cur = new int[m + 1];
            for (int j = 0; j <= m; j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= n; i++) {
                cur[0] = i;
                int rowMin = cur[0];
                for (int j = 1; j <= m; j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    int d = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                    if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                        d = Math.min(d, prev2[j - 2] + 1);
                    }
                    cur[j] = d;
                    rowMin = Math.min(rowMin, d);
                }
                if (rowMin > max) {
                    return false;
                }
                int[] t = prev2;
                prev2 = prev;
                prev = cur;
                cur = t;
            }
            return prev[m] <= max;
        }
    }
}
