package io.github.nnvizonnx.emit.tikz;

import io.github.nnvizonnx.model.DisplayText;
import java.util.Locale;

/**
 * Model text as LaTeX typesets it in any document, with only the LaTeX kernel and in either font encoding (OT1, the
 * default, or T1): TeX's special characters ({@code _ % & # $ { } ~ ^ \}) and the ASCII marks OT1 sets as other
 * glyphs ({@code < > | "}) become commands, brackets are braced (a line may follow {@code \\}, which would read
 * {@code [} as its option), and a hyphen or quote is kept from joining its neighbour into a ligature. Of the rest of
 * Unicode, the marks the drawing itself writes ({@code × – · … Δ → −}) are typeset; other characters pdfLaTeX would
 * stop at are spelled {@code <U+1F600>}, and invisible ones (controls, bidi overrides, zero widths) are dropped.
 */
final class TexText {
    private TexText() {
    }

    static String escape(String text) {
        return DisplayText.escape(text, TexText::isPlain, TexText::command);
    }

    private static boolean isPlain(int cp) {
        return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9'
                || " .,:;/()+*=@!?".indexOf(cp) >= 0;
    }

    private static String command(int cp) {
        return switch (cp) {
            case '\\' -> "\\textbackslash{}";
            case '{', '}', '$', '&', '#', '%', '_' -> "\\" + (char) cp;
            case '~' -> "\\textasciitilde{}";
            case '^' -> "\\textasciicircum{}";
            case '<' -> "\\textless{}";
            case '>' -> "\\textgreater{}";
            case '|' -> "\\textbar{}";
            case '"' -> "{\\ttfamily\\char34}";
            case '[', ']' -> "{" + (char) cp + "}";
            case '-', '\'', '`' -> (char) cp + "{}";
            case '\t', '\n', '\r' -> " ";
            case '\u00d7' -> "$\\times$";
            case '\u2013' -> "--";
            case '\u2014' -> "---";
            case '\u00b7' -> "$\\cdot$";
            case '\u2026' -> "\\dots{}";
            case '\u00b5', '\u03bc' -> "$\\mu$";
            case '\u0394' -> "$\\Delta$"; // a comparison's marks: Δ changed, a → b, − removed
            case '\u2192' -> "$\\rightarrow$";
            case '\u2212' -> "$-$";
            default -> unusual(cp);
        };
    }

    private static String unusual(int cp) {
        if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.LINE_SEPARATOR
                || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
            return cp == '\u2028' || cp == '\u2029' || cp == '\u0085' ? " " : "";
        }
        return "\\textless{}U+" + Integer.toHexString(cp).toUpperCase(Locale.ROOT) + "\\textgreater{}";
    }
}
