package io.github.nnvizonnx.model;

/** Small helpers for text and counts shown to people, shared by the reader and the emitters. */
public final class DisplayText {
    private DisplayText() {
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
