package io.github.nnvizonnx.model;

import java.util.List;

/** A tensor shape; an empty list of dims is a scalar. */
public record Shape(List<Dim> dims) {
    public Shape {
        dims = List.copyOf(dims);
    }

    /** A shape of known dims. */
    public static Shape of(long... values) {
        return new Shape(java.util.Arrays.stream(values).mapToObj(Dim::of).toList());
    }

    /** The number of dims. */
    public int rank() {
        return dims.size();
    }

    /** Whether every dim has a known size. */
    public boolean isFullyKnown() {
        return dims.stream().allMatch(Dim::isKnown);
    }

    /** Compact display form: {@code 1×3×224×224}, {@code batch×128}, {@code scalar}. */
    public String compact() {
        if (dims.isEmpty()) {
            return "scalar";
        }
        StringBuilder text = new StringBuilder(dims.size() * 4);
        for (int i = 0; i < dims.size(); i++) {
            text.append(i == 0 ? "" : "×").append(dims.get(i));
        }
        return text.toString();
    }

    // equals and hashCode written out for start-up, with the generated values: see Dim.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Shape other && dims.equals(other.dims);
    }

    @Override
    public int hashCode() {
        return dims.hashCode();
    }

    @Override
    public String toString() {
        return compact();
    }
}
