package io.github.nnvizonnx.emit;

/**
 * Text for Graphviz HTML-like labels. Everything from the model is written as XML character references except
 * letters, digits and a few safe marks, so no name can close the label or start markup. Characters XML forbids even
 * as references become U+FFFD.
 *
 * <p>Graphviz expands its escapes ({@code \G} the graph's name, {@code \N} the node's, {@code \\} one backslash)
 * in HTML-like labels too, after decoding references; so each backslash is written doubled, and shows as itself.
 */
final class GraphvizText {
    private static final String BACKSLASH = "&#92;&#92;";

    private GraphvizText() {
    }

    static String escape(String text) {
        return io.github.nnvizonnx.model.DisplayText.escape(text, GraphvizText::isPlain,
                cp -> cp == '\\' ? BACKSLASH : "&#" + (allowedInXml(cp) ? cp : 0xFFFD) + ";");
    }

    private static boolean isPlain(int cp) {
        if (cp < 128) {
            return PlainCharacters.isAsciiPlain(cp, " .,_:/()+*=?@-#;[]{}|'!~^%$");
        }
        return PlainCharacters.isVisibleLetterOrDigit(cp);
    }

    /** XML 1.0's Char production. */
    static boolean allowedInXml(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /**
     * A plain DOT string (an id, a key, a colour) in double quotes, written as graphviz-java writes it: quotes
     * escaped, line breaks as {@code \n}, an odd run of trailing backslashes completed so the closing quote stays.
     */
    static String quoted(String value) {
        if (!needsEscaping(value)) {
            return "\"" + value + "\"";
        }
        int trailing = 0;
        while (trailing < value.length() && value.charAt(value.length() - 1 - trailing) == '\\') {
            trailing++;
        }
        String body = value.replace("\"", "\\\"").replaceAll("\\R", "\\\\n");
        return "\"" + body + (trailing % 2 == 1 ? "\\" : "") + "\"";
    }

    /**
     * A tooltip's text: Graphviz expands backslash sequences ({@code \\N}) in it and a viewer shows control and
     * invisible characters badly, so backslashes become slashes and invisible characters are dropped.
     */
    static String tooltip(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        text.codePoints().filter(GraphvizText::allowedInXml).filter(cp -> !Character.isISOControl(cp)
                && Character.getType(cp) != Character.FORMAT).forEach(cp -> plain.appendCodePoint(cp == '\\' ? '/' : cp));
        return plain.toString();
    }

    private static boolean needsEscaping(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || (c >= '\n' && c <= '\r') || c == '\u0085' || c == '\u2028'
                    || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    static String bold(String text) {
        return "<B>" + escape(text) + "</B>";
    }
}
