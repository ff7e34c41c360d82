package org.fedoraproject.packages.api.search;

import java.util.List;

/**
 * Marks the query's words in a hit's summary and description, here rather than in the engine (its
 * highlighter was a quarter of a search's cost there). A word is marked when it is a query word or
 * shares a beginning of four or more letters with one (the stemmer's variants: game, games, gaming).
 * The text is HTML-escaped; only the {@code <mark>} tags are markup.
 */
final class Highlights {
    static final int FRAGMENT = 160;

    private Highlights() {
    }

    /** The whole text with its matching words marked, or null when none matches. */
    static String whole(String text, List<String> words) {
        return text == null ? null : mark(text, words, 0, text.length());
    }

    /** About {@link #FRAGMENT} characters around the first matching word, marked, or null when none matches. */
    static String fragment(String text, List<String> words) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        for (int s = Words.start(text, 0, n); s < n; s = Words.start(text, s, n)) {
            int e = Words.end(text, s, n);
            if (Words.matches(text, s, e, words)) {
                int from = Math.max(0, s - FRAGMENT / 3);
                int to = Math.min(text.length(), from + FRAGMENT);
                String marked = mark(text, words, from, to);
                return (from > 0 ? "…" : "") + marked + (to < text.length() ? "…" : "");
            }
            s = e;
        }
        return null;
    }

    private static String mark(String text, List<String> words, int from, int to) {
        StringBuilder out = new StringBuilder();
        int at = from;
        boolean any = false;
        for (int s = Words.start(text, from, to); s < to; s = Words.start(text, s, to)) {
            int e = Words.end(text, s, to);
            if (Words.matches(text, s, e, words)) {
                escape(text, at, s, out);
                out.append("<mark>");
                escape(text, s, e, out);
                out.append("</mark>");
                at = e;
                any = true;
            }
            s = e;
        }
        escape(text, at, to, out);
        return any ? out.toString() : null;
    }

    /** The one rule for "the same word" (also how a hit's {@code matched} is told): equal, or a shared 4+ letter beginning. */
    static boolean matches(String word, List<String> queryWords) {
        return !word.isEmpty() && Words.matches(word, 0, word.length(), queryWords);
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
