package io.github.nnvizonnx.model;

import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Small helpers for text and counts shown to people, shared by the reader, the emitters and the command line: the
 * one character escaper every format and every stderr line goes through, clipping, saturating counts.
 */
public final class DisplayText {
    private DisplayText() {
    }

    /**
     * {@code text} with each character {@code plain} refuses replaced by {@code entity} of it: the escaper of every
     * output format (its entities) and of stderr lines ({@link #printable}).
     */
    public static String escape(String text, IntPredicate plain, IntFunction<String> entity) {
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

    /**
     * {@code text} safe to print on a terminal: control characters (C0, DEL, C1: the start of every escape sequence,
     * {@code ESC ] 0 ;} retitling a window, {@code ESC [ 2 J} clearing it, a carriage return overwriting the line)
     * and invisible formatting characters (bidi overrides) are written as a backslash, {@code u} and
     * four hex digits, as Java and JSON spell them.
     */
    public static String printable(String text) {
        return escape(text, DisplayText::isPrintable, cp -> String.format(java.util.Locale.ROOT, "\\u%04x", cp));
    }

    private static boolean isPrintable(int cp) {
        return !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT
                && cp != 0x2028 && cp != 0x2029; // line and paragraph separators break lines too
    }

    /**
     * At most {@code max} characters (max ≥ 20), cut in the middle with an ellipsis when longer: a message's start
     * says what failed and its end often what to do, so both are kept.
     */
    public static String clipMiddle(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int tail = max / 4;
        int head = max - tail - 1;
        if (Character.isHighSurrogate(s.charAt(head - 1))) {
            head--;
        }
        int tailStart = s.length() - tail;
        if (Character.isLowSurrogate(s.charAt(tailStart))) {
            tailStart++;
        }
        return s.substring(0, head) + "…" + s.substring(tailStart);
    }

    /** At most {@code max} characters, with an ellipsis when cut; never splits a surrogate pair. */
    public static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.length() <= max) {
            return s;
        }
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    /** Addition that sticks at {@link Long#MAX_VALUE} instead of overflowing (hostile dims can be huge). */
    public static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    /** Multiplication of non-negative counts that sticks at {@link Long#MAX_VALUE}. */
    public static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }

    /** A count as people read it: {@code 950}, {@code 12.3k}, {@code 4.2M}, {@code 1.1B}. */
    public static String humanCount(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(java.util.Locale.ROOT, "%.1fB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(java.util.Locale.ROOT, "%.1fM", n / 1e6);
        }
        if (n >= 10_000L) {
            return String.format(java.util.Locale.ROOT, "%.1fk", n / 1e3);
        }
        return Long.toString(n);
    }
}
