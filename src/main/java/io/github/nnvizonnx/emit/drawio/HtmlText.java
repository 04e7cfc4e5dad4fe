package io.github.nnvizonnx.emit.drawio;

import io.github.nnvizonnx.model.DisplayText;

/**
 * Model text inside a draw.io HTML label: every character but letters, digits and a few safe marks becomes a
 * numeric character reference, so no name can open a tag; controls and invisible formatting characters are dropped
 * (a line break is a space), and what XML cannot carry becomes U+FFFD.
 */
final class HtmlText {
    private HtmlText() {
    }

    static String escape(String text) {
        return DisplayText.escape(text, HtmlText::isPlain, HtmlText::reference);
    }

    private static boolean isPlain(int cp) {
        if (cp < 128) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9'
                    || " .,_:/()+*=?@-#;[]{}|!~^%$".indexOf(cp) >= 0;
        }
        return Character.isLetterOrDigit(cp) && Character.getType(cp) != Character.FORMAT;
    }

    private static String reference(int cp) {
        if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
            return " ";
        }
        if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
            return "";
        }
        return "&#" + (Character.isSurrogate((char) Math.min(cp, 0xFFFF)) || cp == 0xFFFE || cp == 0xFFFF
                ? 0xFFFD : cp) + ";";
    }
}
