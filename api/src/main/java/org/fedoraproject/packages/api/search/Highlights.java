package org.fedoraproject.packages.api.search;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks the query's words in a hit's summary and description, here rather than in the engine (its
 * highlighter was a quarter of a search's cost there). A word is marked when it is a query word or
 * shares a beginning of four or more letters with one (the stemmer's variants: game, games, gaming).
 * The text is HTML-escaped; only the {@code <mark>} tags are markup.
 */
final class Highlights {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
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
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (matches(m.group(), words)) {
                int from = Math.max(0, m.start() - FRAGMENT / 3);
                int to = Math.min(text.length(), from + FRAGMENT);
                String marked = mark(text, words, from, to);
                return (from > 0 ? "…" : "") + marked + (to < text.length() ? "…" : "");
            }
        }
        return null;
    }

    private static String mark(String text, List<String> words, int from, int to) {
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(text).region(from, to);
        int at = from;
        boolean any = false;
        while (m.find()) {
            if (matches(m.group(), words)) {
                escape(text, at, m.start(), out);
                out.append("<mark>");
                escape(text, m.start(), m.end(), out);
                out.append("</mark>");
                at = m.end();
                any = true;
            }
        }
        escape(text, at, to, out);
        return any ? out.toString() : null;
    }

    /** The one rule for "the same word" (also how a hit's {@code matched} is told): equal, or a shared 4+ letter beginning. */
    static boolean matches(String word, List<String> queryWords) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String q : queryWords) {
            if (w.equals(q) || Math.min(w.length(), q.length()) >= 4 && (w.startsWith(q) || q.startsWith(w))) {
                return true;
            }
        }
        return false;
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
