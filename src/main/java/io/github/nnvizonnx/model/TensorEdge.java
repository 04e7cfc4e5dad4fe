package io.github.nnvizonnx.model;

/**
 * A data edge: one tensor going from its producer to one consumer. Equality is identity, as JGraphT needs for a
 * multigraph where two nodes may exchange several tensors.
 */
public final class TensorEdge {
    private final TensorInfo tensor;

    public TensorEdge(TensorInfo tensor) {
        this.tensor = tensor;
    }

    public TensorInfo tensor() {
        return tensor;
    }

    @Override
    public String toString() {
        return tensor.name();
    }
}
