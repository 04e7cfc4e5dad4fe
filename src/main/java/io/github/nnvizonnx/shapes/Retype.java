package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /** {@link Rewrite} that also sees the node producing the tensor (null for an Input or Output node's own). */
    interface ProducedRewrite {
        TensorInfo apply(TensorInfo tensor, boolean topLevel, Node producer);
    }

    private Retype() {
    }

    /** The model with every tensor rewritten; {@code model} itself when the rewrite returned every tensor as is. */
    static ModelGraph apply(ModelGraph model, Rewrite rewrite) {
        return apply(model, (tensor, topLevel, producer) -> rewrite.apply(tensor, topLevel));
    }

    /** {@link #apply(ModelGraph, Rewrite)} for a rewrite that looks at the producer of an edge's tensor. */
    static ModelGraph apply(ModelGraph model, ProducedRewrite rewrite) {
        Map<Node, Node> replaced = new HashMap<>();
        for (Node n : model.graph().vertexSet()) {
            Node updated = n;
            if (n instanceof InputNode in) {
                TensorInfo t = rewrite.apply(in.tensor(), in.scope().isRoot(), null);
                updated = t == in.tensor() ? n : in.withTensor(t);
            } else if (n instanceof OutputNode out) {
                TensorInfo t = rewrite.apply(out.tensor(), out.scope().isRoot(), null);
                updated = t == out.tensor() ? n : out.withTensor(t);
            }
            if (updated != n) {
                replaced.put(n, updated);
            }
        }
        List<TensorEdge> edges = new ArrayList<>(model.graph().edgeSet());
        TensorInfo[] tensors = new TensorInfo[edges.size()];
        boolean changed = !replaced.isEmpty();
        for (int i = 0; i < tensors.length; i++) {
            TensorEdge e = edges.get(i);
            tensors[i] = rewrite.apply(e.tensor(), e.isTopLevel(), model.graph().getEdgeSource(e));
            changed |= tensors[i] != e.tensor();
        }
        if (!changed) {
            return model;
        }
        ModelGraph.Builder builder = new ModelGraph.Builder(model.info());
        int number = 0;
        for (Node n : model.graph().vertexSet()) {
            builder.addNode(replaced.getOrDefault(n, n));
            builder.fixedInputs(number++, model.fixedInputs(n));
        }
        for (int i = 0; i < tensors.length; i++) {
            TensorEdge e = edges.get(i);
            Node from = model.graph().getEdgeSource(e);
            Node to = model.graph().getEdgeTarget(e);
            builder.addEdge(replaced.getOrDefault(from, from), replaced.getOrDefault(to, to), tensors[i],
                    e.isTopLevel());
        }
        return builder.modules(model.modules().all()).parameters(model.parameters()).build();
    }
}
