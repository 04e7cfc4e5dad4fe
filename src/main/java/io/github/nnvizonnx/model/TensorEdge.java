package io.github.nnvizonnx.model;

import org.jgrapht.graph.DefaultEdge;

/**
 * A data edge: one tensor going from its producer to one consumer. Equality is identity, as JGraphT needs for a
 * multigraph where two nodes may exchange several tensors.
 *
 * <p>It extends JGraphT's {@link DefaultEdge} so that the graph keeps the edge's ends in the edge itself: asking an
 * edge's source or target is then a field read rather than a map lookup (a million-node graph is asked millions of
 * times), and the graph allocates nothing more per edge. An edge therefore belongs to one graph; builders make new
 * edges ({@link ModelGraph.Builder#addEdge}).
 *
 * <p>{@code topLevel} says that the tensor is a value of the model's top-level graph, named there by
 * {@link TensorInfo#name()}: a run of the whole model can observe it under that name. Tensors local to a
 * control-flow body or a function body are not top-level, even when a local name happens to equal a top-level one.
 */
public final class TensorEdge extends DefaultEdge {
    private static final long serialVersionUID = 1L;

    private final TensorInfo tensor;
    private final boolean topLevel;

    public TensorEdge(TensorInfo tensor) {
        this(tensor, false);
    }

    public TensorEdge(TensorInfo tensor, boolean topLevel) {
        this.tensor = tensor;
        this.topLevel = topLevel;
    }

    public TensorInfo tensor() {
        return tensor;
    }

    public boolean isTopLevel() {
        return topLevel;
    }

    @Override
    public String toString() {
        return tensor.name();
    }
}
