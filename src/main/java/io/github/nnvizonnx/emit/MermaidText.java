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
        String escaped = io.github.nnvizonnx.model.DisplayText.escape(text, MermaidText::isPlain, cp -> "#" + cp + ";");
        return breakStyleKeywords(escaped);
    }

    /**
     * Before parsing, Mermaid drops the last ';' of any line matching {@code style.*:\S*#.*;} or
     * {@code classDef.*:\S*#.*;} (to protect colour codes in style statements), which would cut our last entity
     * code in half: a label {@code style n0 fill:#f00} showed as {@code fill:#35f00}. Writing the first letter of
     * these keywords as an entity code keeps such text out of that rule.
     */
    private static String breakStyleKeywords(String escaped) {
        return escaped.replace("style", "#115;tyle").replace("classDef", "#99;lassDef");
    }

    private static boolean isPlain(int cp) {
        if (cp < 128) {
            return PlainCharacters.isAsciiPlain(cp, " .,_:/()+*=?@");
        }
        return PlainCharacters.isVisibleLetterOrDigit(cp) || cp == '×' || cp == '…' || cp == '–';
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
