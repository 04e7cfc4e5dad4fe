package io.github.nnvizonnx.emit;

/**
 * Text for Graphviz HTML-like labels. Everything from the model is written as XML character references except
 * letters, digits and a few safe marks, so no name can close the label, start markup, or use the backslash escapes
 * ({@code \N}, {@code \G}) of plain DOT labels. Characters XML forbids even as references become U+FFFD.
 */
final class GraphvizText {
    private GraphvizText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (isPlain(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append("&#").append(allowedInXml(cp) ? cp : 0xFFFD).append(';');
            }
        });
        return out.toString();
    }

    private static boolean isPlain(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    || " .,_:/()+*=?@-#;[]{}|'!~^%$".indexOf(cp) >= 0;
        }
        return Character.isLetterOrDigit(cp) && Character.getType(cp) != Character.FORMAT;
    }

    /** XML 1.0's Char production. */
    static boolean allowedInXml(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    static String bold(String text) {
        return "<B>" + escape(text) + "</B>";
    }
}
