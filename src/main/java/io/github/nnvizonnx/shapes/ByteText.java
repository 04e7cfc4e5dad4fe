package io.github.nnvizonnx.shapes;

import java.util.Locale;

/** Byte counts for people: {@code 2.00 GiB}, {@code 889 MiB}, {@code 64.0 KiB}, {@code 100 B}. */
public final class ByteText {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    /** Enough to tell two sizes apart when they differ by more than a part in a thousand. */
    private static final int DIGITS = 3;
    private static final int MAX_DIGITS = 7;

    private ByteText() {
    }

    /** {@code bytes} with three significant digits in the largest unit it reaches. */
    public static String of(long bytes) {
        return of(bytes, DIGITS);
    }

    /**
     * Both sizes, each with as many significant digits as it takes for their texts to differ when the sizes do
     * (an estimate just over a limit must not read the same as the limit).
     */
    static String[] apart(long a, long b) {
        for (int digits = DIGITS; digits < MAX_DIGITS; digits++) {
            String ta = of(a, digits);
            String tb = of(b, digits);
            if (a == b || !ta.equals(tb)) {
                return new String[] {ta, tb};
            }
        }
        return new String[] {a + " B", b + " B"};
    }

    private static String of(long bytes, int digits) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return bytes + " B";
        }
        int whole = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4;
        int decimals = Math.max(0, digits - whole);
        return String.format(Locale.ROOT, "%." + decimals + "f %s", value, UNITS[unit]);
    }
}
