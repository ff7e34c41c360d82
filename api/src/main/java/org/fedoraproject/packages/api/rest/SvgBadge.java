package org.fedoraproject.packages.api.rest;

/**
 * A two-part badge in the flat style READMEs are used to ("fedora 43 | 8.11.1"): a grey label, a coloured
 * message. No font is embedded, so each part's width is estimated from typical Verdana 11 px advance widths;
 * a few pixels too wide or narrow only shifts the centred text within its box.
 */
final class SvgBadge {
    /** The colours, by what the message says. */
    enum Colour {
        /** matches upstream's latest stable */
        UP_TO_DATE("#4c1"),
        /** matches Rawhide (upstream unknown or ahead of Rawhide too) */
        RAWHIDE("#007ec6"),
        /** older than upstream's or Rawhide's */
        BEHIND("#e05d44"),
        /** nothing to compare with, or not packaged there */
        NEUTRAL("#9f9f9f");

        final String hex;

        Colour(String hex) {
            this.hex = hex;
        }
    }

    private static final int HEIGHT = 20;
    private static final int PADDING = 6;
    private static final String LABEL_FILL = "#555";

    private SvgBadge() {
    }

    static String render(String label, String message, Colour colour) {
        int left = width(label) + 2 * PADDING;
        int right = width(message) + 2 * PADDING;
        int total = left + right;
        String l = XmlText.escape(label);
        String m = XmlText.escape(message);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + total + "\" height=\"" + HEIGHT + "\" role=\"img\" aria-label=\""
                + l + ": " + m + "\">"
                + "<title>" + l + ": " + m + "</title>"
                + "<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>"
                + "<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
                + "<clipPath id=\"r\"><rect width=\"" + total + "\" height=\"" + HEIGHT + "\" rx=\"3\" fill=\"#fff\"/></clipPath>"
                + "<g clip-path=\"url(#r)\"><rect width=\"" + left + "\" height=\"" + HEIGHT + "\" fill=\"" + LABEL_FILL + "\"/>"
                + "<rect x=\"" + left + "\" width=\"" + right + "\" height=\"" + HEIGHT + "\" fill=\"" + colour.hex + "\"/>"
                + "<rect width=\"" + total + "\" height=\"" + HEIGHT + "\" fill=\"url(#s)\"/></g>"
                + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">"
                + text(left / 2.0, l) + text(left + right / 2.0, m) + "</g></svg>";
    }

    /** The text with its shadow, centred on {@code x}. */
    private static String text(double x, String escaped) {
        String at = String.valueOf(x);
        return "<text x=\"" + at + "\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">" + escaped + "</text>"
                + "<text x=\"" + at + "\" y=\"14\">" + escaped + "</text>";
    }

    /** Estimated width in pixels of {@code text} in Verdana 11 px. */
    static int width(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            w += advance(text.codePointAt(i));
        }
        return (int) Math.ceil(w);
    }

    private static double advance(int c) {
        if ("iljI.,:;'|!".indexOf(c) >= 0) {
            return 3.5;
        }
        if ("frt()[] -/".indexOf(c) >= 0) {
            return 4.7;
        }
        if ("mwMW@%".indexOf(c) >= 0) {
            return 10.5;
        }
        if (c >= 'A' && c <= 'Z') {
            return 7.8;
        }
        return c < 0x80 ? 6.9 : 8.0; // digits, most lower-case letters; wider for scripts we cannot estimate
    }
}
