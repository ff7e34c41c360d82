package org.fedoraproject.packages.api.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs of letters and digits (what {@code [\p{L}\p{N}]+} matches, as the name-parts analyser cuts a
 * name), found without a regular expression: highlighting scans every hit's summary and description, and
 * the regex's per-character Unicode lookups were a third of an uncached search's CPU time in the API.
 */
final class Words {
    private Words() {
    }

    /** The index of the first word character at or after {@code from}, or {@code to} when there is none. */
    static int start(String text, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c < 128) {
                if (isAsciiWord(c)) {
                    return i;
                }
                i++;
            } else {
                int cp = text.codePointAt(i);
                if (isWord(cp)) {
                    return i;
                }
                i += Character.charCount(cp);
            }
        }
        return to;
    }

    /** The index just after the word that starts at {@code from} (at most {@code to}). */
    static int end(String text, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c < 128) {
                if (!isAsciiWord(c)) {
                    return i;
                }
                i++;
            } else {
                int cp = text.codePointAt(i);
                if (!isWord(cp)) {
                    return i;
                }
                i += Character.charCount(cp);
            }
        }
        return to;
    }

    /** Every word of the text, in order. */
    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        for (int s = start(text, 0, n); s < n; s = start(text, s, n)) {
            int e = end(text, s, n);
            out.add(text.substring(s, e));
            s = e;
        }
        return out;
    }

    /**
     * Whether text[from, to) is "the same word" as one of the (lower-case) query words: equal, or a shared
     * beginning of four or more letters (the stemmer's variants: game, games, gaming). The first letter
     * rules out most words before anything is allocated.
     */
    static boolean matches(String text, int from, int to, List<String> queryWords) {
        char first = Character.toLowerCase(text.charAt(from));
        boolean surrogate = Character.isSurrogate(first); // lower-cased as a code point: no quick test
        String word = null;
        for (String q : queryWords) {
            if (q.isEmpty() || !surrogate && q.charAt(0) != first) {
                continue;
            }
            if (word == null) {
                word = text.substring(from, to).toLowerCase(Locale.ROOT);
            }
            if (word.equals(q) || Math.min(word.length(), q.length()) >= 4 && (word.startsWith(q) || q.startsWith(word))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isWord(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
