package org.fedoraproject.packages.api.rest;

/**
 * Text from upstreams (Bodhi titles, Koji owners, versions) made safe inside XML: the five markup characters
 * escaped, and the characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/FFFF)
 * dropped, since even escaped they would make a feed or badge unreadable to a strict parser.
 */
final class XmlText {
    private XmlText() {
    }

    /** For element content and for attribute values in double or single quotes alike. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** XML 1.0's Char production for one UTF-16 unit that is not part of a surrogate pair. */
    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
