package io.github.nnvizonnx.emit;

import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/** Escapes text character by character: plain characters stay, every other one becomes its format's entity. */
final class CharacterEscaper {
    private CharacterEscaper() {
    }

    static String escape(String text, IntPredicate plain, IntFunction<String> entity) {
        int first = 0;
        while (first < text.length() && plain.test(text.codePointAt(first))) {
            first += Character.charCount(text.codePointAt(first));
        }
        if (first == text.length()) {
            return text; // the usual case, once per label line: nothing to escape
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (plain.test(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(entity.apply(cp));
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** ASCII letters and digits, or one of {@code marks}. */
    static boolean isAsciiPlain(int cp, String marks) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                || marks.indexOf(cp) >= 0;
    }

    /** Letters and digits beyond ASCII, excluding invisible formatting characters such as bidi overrides. */
    static boolean isVisibleLetterOrDigit(int cp) {
        return Character.isLetterOrDigit(cp) && Character.getType(cp) != Character.FORMAT;
    }
}
