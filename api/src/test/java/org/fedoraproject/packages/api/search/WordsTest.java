package org.fedoraproject.packages.api.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written scanner cuts and compares words exactly as the regular expression it replaced. */
class WordsTest {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final String[] SAMPLES = {
        "", "   ", "python3-requests", "GNU C Library: Shared libraries", "perl(JSON::PP) >= 4.0",
        "Ünïcödé wörds, façade & naïve", "ΟΔΟΣ and οδός", "日本語のテキスト 2024", "x²+y³ Ⅻ ½", "İstanbul DİNÇ",
        "emoji 😀 mixed𝒜𝒷c text", "tab\tnew\nline", "a-b_c.d/e:f", "<script>alert('x')</script>",
    };

    @Test
    void cutsWordsAsTheRegexDid() {
        List<String> inputs = new ArrayList<>(List.of(SAMPLES));
        Random random = new Random(7);
        String alphabet = "aZ9 -_.é€😀Σς²日\t";
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(30); j > 0; j--) {
                b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            inputs.add(b.toString());
        }
        for (String text : inputs) {
            assertEquals(regexWords(text), Words.of(text), () -> "words of '" + text + "'");
        }
    }

    @Test
    void comparesWordsAsBefore() {
        List<String> query = List.of("python", "game", "ab", "οδος", "istanbul", "日本語のテキスト");
        for (String text : SAMPLES) {
            for (String w : regexWords(text + " Python3 PYTHON games gaming Gam AB abc ΟΔΟΣ")) {
                assertEquals(regexMatches(w, query), Highlights.matches(w, query), () -> "'" + w + "'");
            }
        }
    }

    @Test
    void marksTheSameWords() {
        assertEquals("A <mark>Python</mark> library for &lt;b&gt; <mark>games</mark>",
                Highlights.whole("A Python library for <b> games", List.of("python", "game")));
        assertEquals(null, Highlights.whole("nothing here", List.of("python")));
        String longText = "x ".repeat(200) + "the word Requests is here " + "y ".repeat(200);
        String fragment = Highlights.fragment(longText, List.of("requests"));
        assertEquals(true, fragment.startsWith("…") && fragment.endsWith("…") && fragment.contains("<mark>Requests</mark>"), fragment);
    }

    private static List<String> regexWords(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static boolean regexMatches(String word, List<String> queryWords) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String q : queryWords) {
            if (w.equals(q) || Math.min(w.length(), q.length()) >= 4 && (w.startsWith(q) || q.startsWith(w))) {
                return true;
            }
        }
        return false;
    }
}
