package org.fedoraproject.packages.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.fedoraproject.packages.contract.search.SearchChange;
import org.fedoraproject.packages.contract.search.SearchTerms;
import org.junit.jupiter.api.Test;

/** Which cached answers a change of the index drops, rule by rule (the engine's side: SearchTermsAgreementTest). */
class AnswerDependenciesTest {
    private static AnswerDependencies.Change change(List<String> packages, List<String> keys, String text, List<String> filters) {
        List<String> terms = new java.util.ArrayList<>(SearchTerms.text(text));
        return new AnswerDependencies.Change(new SearchChange(false, packages, keys, terms, filters));
    }

    private static AnswerDependencies search(String q, List<String> hits, boolean typos) {
        return AnswerDependencies.ofSearch(q, hits, typos, null, null);
    }

    /** A new build of vips: only its version changed. */
    private static final AnswerDependencies.Change VERSION_OF_VIPS = change(List.of("vips"), List.of(), "", List.of());

    @Test
    void aNewVersionDropsOnlyTheAnswersThatListThePackage() {
        assertThat(search("image", List.of("gimp", "vips"), false).affectedBy(VERSION_OF_VIPS)).isTrue();
        assertThat(search("image", List.of("gimp", "krita"), false).affectedBy(VERSION_OF_VIPS)).isFalse();
        assertThat(AnswerDependencies.ofSuggest("vi").affectedBy(VERSION_OF_VIPS)).as("a suggestion shows names only").isFalse();
    }

    @Test
    void aChangedSummaryDropsTheAnswersOfItsOldAndNewWordsAsTheEngineStemsThem() {
        // old and new summary, as the worker sends them
        AnswerDependencies.Change summary = change(List.of("vips"), List.of(),
                "C/C++ library for processing large images\nDemand-driven toolkit for gigapixel pictures", List.of());
        assertThat(search("gigapixel", List.of(), false).affectedBy(summary))
                .as("found nothing before: the new word must find it now").isTrue();
        assertThat(search("processing", List.of(), false).affectedBy(summary)).isTrue();
        assertThat(search("Images", List.of(), false).affectedBy(summary)).as("stemmed: images → image").isTrue();
        assertThat(search("tool-kits", List.of(), false).affectedBy(summary)).as("toolkit is not tool").isFalse();
        assertThat(search("python", List.of("python3"), false).affectedBy(summary)).isFalse();
        assertThat(search("french", List.of(), false)
                .affectedBy(change(List.of("x"), List.of(), "a France map", List.of()))).as("KStem: french → france").isTrue();
    }

    @Test
    void addedOrRemovedNamesDropExactAndPrefixAnswersAndSuggestions() {
        AnswerDependencies.Change added = change(List.of("python-rich"), List.of("python-rich", "python3-rich"), "", List.of());
        assertThat(AnswerDependencies.ofSuggest("python3-r").affectedBy(added)).isTrue();
        assertThat(AnswerDependencies.ofSuggest("Python-Ri").affectedBy(added)).as("folded like the engine").isTrue();
        assertThat(AnswerDependencies.ofSuggest("python-s").affectedBy(added)).isFalse();
        assertThat(search("python3-rich", List.of(), false).affectedBy(added)).isTrue();
        assertThat(search("pyth", List.of(), false).affectedBy(added)).isTrue();
        assertThat(search("rust", List.of(), false).affectedBy(added)).isFalse();
    }

    @Test
    void typoAnswersAreDroppedByTermsWithinTwoEditsWithTheSameFirstLetter() {
        AnswerDependencies.Change python = change(List.of("x"), List.of(), "bindings for python", List.of());
        assertThat(search("pyhton", List.of(), true).affectedBy(python)).isTrue();
        assertThat(search("pyhton", List.of(), false).affectedBy(python))
                .as("looked for as typed only: exact terms count").isFalse();
        assertThat(search("bython", List.of(), true).affectedBy(python)).as("first letter differs").isFalse();
    }

    @Test
    void filteredAnswersFollowTheFilterValuesAPackageHadOrHas() {
        // a package's committers changed: alice stays, bob joins
        AnswerDependencies.Change committers = change(List.of("x"), List.of(), "", List.of("alice", "bob", "rawhide"));
        assertThat(AnswerDependencies.ofSearch("image", List.of("gimp"), false, null, "Bob").affectedBy(committers)).isTrue();
        assertThat(AnswerDependencies.ofSearch("image", List.of("gimp"), false, "rawhide", null).affectedBy(committers)).isTrue();
        assertThat(AnswerDependencies.ofSearch("image", List.of("gimp"), false, "f43", "carol").affectedBy(committers))
                .as("neither filter value is the package's").isFalse();
        assertThat(search("image", List.of("gimp"), false).affectedBy(committers)).isFalse();
        assertThat(search("image", List.of("gimp"), false).affectedBy(new AnswerDependencies.Change(SearchChange.everything()))).isTrue();
    }

    @Test
    void editsAgreeWithAPlainDynamicProgramme() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String a = word(random);
            String b = random.nextBoolean() ? mutate(a, random) : word(random);
            int d = osa(a, b);
            for (int max = 0; max <= 2; max++) {
                assertThat(AnswerDependencies.Edits.within(a, b, max)).as("%s ~ %s (%d) within %d", a, b, d, max).isEqualTo(d <= max);
            }
        }
    }

    private static String word(Random r) {
        StringBuilder s = new StringBuilder();
        for (int n = 1 + r.nextInt(8); n > 0; n--) {
            s.append((char) ('a' + r.nextInt(4)));
        }
        return s.toString();
    }

    private static String mutate(String a, Random r) {
        StringBuilder s = new StringBuilder(a);
        for (int n = r.nextInt(4); n > 0 && s.length() > 1; n--) {
            int at = r.nextInt(s.length() - 1);
            switch (r.nextInt(4)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, (char) ('a' + r.nextInt(4)));
                case 2 -> s.setCharAt(at, (char) ('a' + r.nextInt(4)));
                default -> {
                    char c = s.charAt(at);
                    s.setCharAt(at, s.charAt(at + 1));
                    s.setCharAt(at + 1, c);
                }
            }
        }
        return s.toString();
    }

    /** Textbook optimal string alignment distance. */
    private static int osa(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
