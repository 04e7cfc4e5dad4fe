package io.github.nnvizonnx.emit;

/**
 * Escaping for Mermaid labels. Anything from the model (names can hold quotes, brackets, {@code -->}, {@code %%},
 * HTML, control or bidi characters) is written as Mermaid entity codes ({@code #60;}), which Mermaid turns into HTML
 * character references: the text shows as written and is never parsed as syntax or markup. Letters, digits and a few
 * harmless punctuation marks stay readable.
 */
final class MermaidText {
    static final String LINE_BREAK = "<br/>";

    private MermaidText() {
    }

    static String escape(String text) {
        return CharacterEscaper.escape(text, MermaidText::isPlain, cp -> "#" + cp + ";");
    }

    private static boolean isPlain(int cp) {
        if (cp < 128) {
            return CharacterEscaper.isAsciiPlain(cp, " .,_:/()+*=?@");
        }
        return CharacterEscaper.isVisibleLetterOrDigit(cp) || cp == '×' || cp == '…';
    }

    /** Already escaped text between double quotes, as node and edge labels need. */
    static String quote(String escaped) {
        return "\"" + escaped + "\"";
    }

    static String label(String text) {
        return quote(escape(text));
    }

    static String bold(String text) {
        return text.isEmpty() ? "" : "<b>" + escape(text) + "</b>";
    }
}
