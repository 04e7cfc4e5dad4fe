package io.github.nnvizonnx.shapes;

import java.util.List;

/**
 * A shape given for a graph input on the command line. {@code input} null means "the model's single image-like
 * input" (the NNViz shortcuts {@code default} and {@code image224} name no input).
 */
public record InputShape(String input, List<Long> dims) {
    /** NNViz's {@code default} and {@code image224}: one RGB image of 224×224 pixels. */
    public static final List<Long> IMAGE_224 = List.of(1L, 3L, 224L, 224L);

    public InputShape {
        dims = List.copyOf(dims);
    }
}
