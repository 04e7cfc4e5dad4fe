package io.github.nnvizonnx.model;

/**
 * A data edge: one tensor going from its producer to one consumer. Equality is identity, as a multigraph needs where
 * two nodes may exchange several tensors.
 *
 * <p>An edge belongs to the one graph that it was added to, which stores the edge's ends and number in the edge
 * itself: asking an edge's source or target is then a field read (a million-node graph is asked millions of times).
 * Builders therefore make new edges ({@link ModelGraph.Builder#addEdge}).
 *
 * <p>{@code topLevel} says that the tensor is a value of the model's top-level graph, named there by
 * {@link TensorInfo#name()}: a run of the whole model can observe it under that name. Tensors local to a
 * control-flow body or a function body are not top-level, even when a local name happens to equal a top-level one.
 */
public final class TensorEdge {
    private final TensorInfo tensor;
    private final boolean topLevel;
    /** Set once, when the edge is added to its graph ({@link CompactGraph}). */
    Node source;
    Node target;
    int index = -1;

    /** An edge of the top-level graph carrying {@code tensor}. */
    public TensorEdge(TensorInfo tensor) {
        this(tensor, false);
    }

    /** An edge carrying {@code tensor}; {@code topLevel} false inside a control-flow body or function. */
    public TensorEdge(TensorInfo tensor, boolean topLevel) {
        this.tensor = tensor;
        this.topLevel = topLevel;
    }

    void attach(Node from, Node to, int number) {
        this.source = from;
        this.target = to;
        this.index = number;
    }

    /** The tensor the edge carries. */
    public TensorInfo tensor() {
        return tensor;
    }

    /** Whether the tensor belongs to the top-level graph (not a body or function). */
    public boolean isTopLevel() {
        return topLevel;
    }

    @Override
    public String toString() {
        return tensor.name();
    }
}
