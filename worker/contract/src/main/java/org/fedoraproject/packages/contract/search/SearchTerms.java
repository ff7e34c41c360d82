package org.fedoraproject.packages.contract.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The terms the engine makes of a text, computed in Java with the same Lucene components as
 * {@link SearchAnalysis}'s analysers (the engine's Lucene version, 9.12.3: {@code lucene.version} in the
 * parent POM). The worker says which terms a change touched; the API compares them with the terms of its
 * cached queries to keep the answers no change could affect. An analyser changed in one place and not
 * the other makes answers stale: SearchTermsAgreementTest (worker) compares both on the corpus.
 */
public final class SearchTerms {
    /** {@link SearchAnalysis#TEXT}: standard tokenizer, lowercase, asciifolding, English stop words, light_english (KStem). */
    private static final Analyzer TEXT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            s = new KStemFilter(new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
            return new TokenStreamComponents(source, s);
        }
    };
    /** {@link SearchAnalysis#PARTS}: split at anything not a letter or digit, lowercase, asciifolding. */
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Analyzer PARTS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new PatternTokenizer(NON_ALNUM, -1);
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
        }
    };
    /** {@link SearchAnalysis#FOLDED} and {@link SearchAnalysis#WHOLE}: the whole value, lowercase, asciifolding. */
    private static final Analyzer FOLDED = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
        }
    };

    private SearchTerms() {
    }

    /** Terms of prose (summary, description) and of a query searched in it. */
    public static Set<String> text(String value) {
        return terms(TEXT, value);
    }

    /** Terms of a name split into its parts ({@code python-requests} → python, requests). */
    public static Set<String> parts(String value) {
        return terms(PARTS, value);
    }

    /** The whole value as the exact-name fields and the prefix fields compare it. */
    public static String folded(String value) {
        Set<String> one = terms(FOLDED, value);
        return one.isEmpty() ? "" : one.iterator().next();
    }

    private static Set<String> terms(Analyzer analyzer, String value) {
        Set<String> out = new LinkedHashSet<>();
        if (value == null || value.isEmpty()) {
            return out;
        }
        try (TokenStream s = analyzer.tokenStream("", value)) {
            CharTermAttribute term = s.addAttribute(CharTermAttribute.class);
            s.reset();
            while (s.incrementToken()) {
                out.add(term.toString());
            }
            s.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String reader does not fail
        }
        return out;
    }
}
