package io.github.nnvizonnx.model;

import java.util.Objects;

/** One dimension of a tensor shape: a number, a symbol such as {@code batch}, or unknown. */
public record Dim(Long value, String symbol) {
    /** A dim the file says nothing about. */
    public static final Dim UNKNOWN = new Dim(null, null);
    /** Small sizes are shared: a large graph declares millions of dims, nearly all of them small. */
    private static final Dim[] SMALL = new Dim[1025];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new Dim((long) i, null);
        }
    }

    /** A dim of known size. */
    public static Dim of(long value) {
        return value >= 0 && value < SMALL.length ? SMALL[(int) value] : new Dim(value, null);
    }

    /** A dim named by a symbol, such as {@code batch}. */
    public static Dim symbolic(String symbol) {
        return symbol == null || symbol.isEmpty() ? UNKNOWN : new Dim(null, symbol);
    }

    /** Whether the size is known. */
    public boolean isKnown() {
        return value != null;
    }

    // equals and hashCode written out: a record's own are linked through java.lang.runtime.ObjectMethods at their
    // first call, which costs a small run tens of milliseconds of start-up; the values are the generated ones
    // (31 * previous + component), so no hash order changes.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Dim other && Objects.equals(value, other.value)
                && Objects.equals(symbol, other.symbol);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(value) + Objects.hashCode(symbol);
    }

    @Override
    public String toString() {
        return value != null ? Long.toString(value) : symbol != null ? symbol : "?";
    }
}
