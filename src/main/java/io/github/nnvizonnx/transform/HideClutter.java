package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.TensorEdge;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;

/**
 * Hides what only feeds the real computation with fixed values: constant-like operations (no data input at all:
 * Constant, an Identity or Cast of a weight, ...) and shape glue ({@code Shape} and {@code Size}, and every
 * operation whose inputs all come from shape glue or constants — the Shape → Gather → Unsqueeze → Concat chains that
 * compute the target of a Reshape or Expand). Consumers of a hidden value lose that edge. Never hidden: anything whose
 * value reaches a graph output through hidden nodes only, control-flow operators, and operations that compute with
 * their own weights (a position-embedding Gather, say) rather than merely reshape or convert them.
 */
public final class HideClutter {
    private static final Set<String> SHAPE_SOURCES = Set.of("Shape", "Size");
    private static final Set<String> NEVER_HIDDEN = Set.of("If", "Loop", "Scan");
    /** Operations that only move, convert or (de)quantize a weight: hidden even though they hold parameters. */
    private static final Set<String> WEIGHT_PLUMBING = Set.of("Identity", "Cast", "CastLike", "Reshape", "Transpose",
            "Squeeze", "Unsqueeze", "Flatten", "DequantizeLinear", "QuantizeLinear", "Constant", "Expand", "Tile",
            "Concat", "Slice", "Split");

    private HideClutter() {
    }

    public static ModelGraph apply(ModelGraph model) {
        Set<Node> hidden = hiddenNodes(model);
        if (hidden.isEmpty()) {
            return model;
        }
        return model.without(hidden);
    }

    /** What {@link #apply} removes. */
    static Set<Node> hiddenNodes(ModelGraph model) {
        Set<Node> hidden = staticNodes(model.graph());
        keepWhatReachesOutputs(model.graph(), hidden);
        return hidden;
    }

    /** Operations computed from constants and shapes only, found from the sources forward. */
    private static Set<Node> staticNodes(Graph<Node, TensorEdge> graph) {
        Map<Node, Integer> dataInputsLeft = new HashMap<>();
        Deque<Node> ready = new ArrayDeque<>();
        Set<Node> result = new HashSet<>();
        for (Node n : graph.vertexSet()) {
            if (!(n instanceof OperationNode op) || NEVER_HIDDEN.contains(op.opType())
                    || (op.parameterCount() > 0 && !WEIGHT_PLUMBING.contains(op.opType()))) {
                continue;
            }
            int inputs = graph.inDegreeOf(n);
            if (inputs == 0 || SHAPE_SOURCES.contains(op.opType())) {
                ready.add(n);
            } else {
                dataInputsLeft.put(n, inputs);
            }
        }
        while (!ready.isEmpty()) {
            Node n = ready.poll();
            if (!result.add(n)) {
                continue;
            }
            for (TensorEdge e : graph.outgoingEdgesOf(n)) {
                Node consumer = graph.getEdgeTarget(e);
                Integer left = dataInputsLeft.get(consumer);
                if (left != null) {
                    dataInputsLeft.put(consumer, left - 1);
                    if (left == 1) {
                        ready.add(consumer);
                    }
                }
            }
        }
        return result;
    }

    /** Un-hides every static node whose value flows into a graph output through static nodes only. */
    private static void keepWhatReachesOutputs(Graph<Node, TensorEdge> graph, Set<Node> hidden) {
        Deque<Node> work = new ArrayDeque<>();
        for (Node n : graph.vertexSet()) {
            if (n instanceof OutputNode) {
                work.add(n);
            }
        }
        Set<Node> seen = new HashSet<>(work);
        while (!work.isEmpty()) {
            Node n = work.poll();
            for (TensorEdge e : graph.incomingEdgesOf(n)) {
                Node producer = graph.getEdgeSource(e);
                if (hidden.remove(producer) && seen.add(producer)) {
                    work.add(producer);
                }
            }
        }
    }
}
