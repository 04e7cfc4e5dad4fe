package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * Rewrites the tensor of every edge and of every Input and Output node, leaving the rest of the model as it is.
 * Input and Output nodes at the root are the top-level graph's (as the reader builds them; the shapes pass runs
 * before any view moves nodes around).
 */
final class Retype {
    /** The new description of one tensor; {@code topLevel} as in {@link TensorEdge#isTopLevel()}. */
    interface Rewrite {
        TensorInfo apply(TensorInfo tensor, boolean topLevel);
    }

    private Retype() {
    }

    static ModelGraph apply(ModelGraph model, Rewrite rewrite) {
        ModelGraph.Builder builder = new ModelGraph.Builder(model.info());
        Map<Node, Node> replaced = new HashMap<>();
        for (Node n : model.graph().vertexSet()) {
            Node updated = n;
            if (n instanceof InputNode in) {
                updated = new InputNode(in.id(), rewrite.apply(in.tensor(), in.scope().isRoot()), in.scope());
            } else if (n instanceof OutputNode out) {
                updated = new OutputNode(out.id(), rewrite.apply(out.tensor(), out.scope().isRoot()), out.scope());
            }
            replaced.put(n, updated);
            builder.addNode(updated);
        }
        for (TensorEdge e : model.graph().edgeSet()) {
            builder.addEdge(replaced.get(model.graph().getEdgeSource(e)), replaced.get(model.graph().getEdgeTarget(e)),
                    rewrite.apply(e.tensor(), e.isTopLevel()), e.isTopLevel());
        }
        return builder.modules(model.modules().all()).parameters(model.parameters()).build();
    }
}
