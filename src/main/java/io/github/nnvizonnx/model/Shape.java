package io.github.nnvizonnx.model;

import java.util.List;
import java.util.stream.Collectors;

/** A tensor shape; an empty list of dims is a scalar. */
public record Shape(List<Dim> dims) {
    public Shape {
        dims = List.copyOf(dims);
    }

    public static Shape of(long... values) {
        return new Shape(java.util.Arrays.stream(values).mapToObj(Dim::of).toList());
    }

    public int rank() {
        return dims.size();
    }

    public boolean isFullyKnown() {
        return dims.stream().allMatch(Dim::isKnown);
    }

    /** Compact display form: {@code 1×3×224×224}, {@code batch×128}, {@code scalar}. */
    public String compact() {
        return dims.isEmpty() ? "scalar" : dims.stream().map(Dim::toString).collect(Collectors.joining("×"));
    }

    @Override
    public String toString() {
        return compact();
    }
}
