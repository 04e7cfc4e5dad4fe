package io.github.nnvizonnx.model;

import java.util.Arrays;

/**
 * The inputs of one top-level operation that the file fixes and its edges do not show: the names of all its inputs
 * (weights among them, which are drawn as no edge; {@code ""} for an optional input left out), and the values of
 * the small int64 constants it reads (a shape, repeats, a range's bounds: at most {@link #MAX_VALUES} values, from
 * an initializer or a Constant node). Kept only for operations that read a weight or such a constant; the others
 * read edges alone.
 */
public final class FixedInputs {
    /** The most values kept for one constant: more than any shape has dims, far fewer than a weight has. */
    public static final int MAX_VALUES = 64;

    private final String[] names;
    private final long[][] values;

    /**
     * {@code values}: one entry per input, null where the input is not a small int64 constant; or null altogether
     * when none is. Both arrays are kept as they are, not copied: a large graph has many of these.
     */
    public FixedInputs(String[] names, long[][] values) {
        if (values != null && names.length != values.length) {
            throw new IllegalArgumentException("one value entry per input");
        }
        this.names = names;
        this.values = values;
    }

    /** How many inputs the operation lists. */
    public int count() {
        return names.length;
    }

    /** The name of input {@code position}; {@code ""} for an optional input left out. */
    public String name(int position) {
        return names[position];
    }

    /** The values of input {@code position} when the file fixes it as a small int64 constant, else null. */
    public long[] values(int position) {
        long[] v = values != null && position < values.length ? values[position] : null;
        return v == null ? null : v.clone();
    }

    @Override
    public String toString() {
        return Arrays.toString(names);
    }
}
