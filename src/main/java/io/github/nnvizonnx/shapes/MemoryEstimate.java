package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * How much memory a run needs for what it holds at its end: the inputs, and every top-level tensor, and every tensor
 * inside a call when the run inlines calls ({@link InnerTensors}): each is returned as an output, so none is freed
 * before the run ends: their sizes add up, whatever their lifetimes. A
 * tensor with a declared shape counts exactly (open dims at 1, as the run sets them). One without is worked out
 * from its producer's inputs where the operator allows ({@link OperationSizes}: a ConstantOfShape of a constant
 * shape, the index arithmetic on shapes); otherwise it is assumed as large as the largest tensor the file declares,
 * or as the largest tensor entering its producer when that is larger: layers seldom shrink data by much. Weights
 * themselves are not counted. This only spares a run that would plainly not fit: what a run really takes is held to
 * the limit by the operating system, in the run's own process ({@code shapes.child}).
 */
final class MemoryEstimate {
    private MemoryEstimate() {
    }

    /** Bytes for the given concrete inputs and for every other top-level tensor, estimated as described above. */
    static long bytes(ModelGraph model, Map<String, TensorInfo> concreteInputs, Bindings bindings) {
        return bytes(model, concreteInputs, bindings, InnerTensors.NONE);
    }

    /** {@link #bytes(ModelGraph, Map, Bindings)} with the tensors inside calls that {@code inner} returns too. */
    static long bytes(ModelGraph model, Map<String, TensorInfo> concreteInputs, Bindings bindings,
                      InnerTensors inner) {
        Map<String, Long> known = new HashMap<>();
        concreteInputs.forEach((name, tensor) -> known.put(name, bytes(tensor)));
        Bindings.Defaulted ignored = new Bindings.Defaulted();
        for (TensorInfo tensor : topLevelTensors(model)) {
            Shape shape = bindings.concrete(tensor, ignored);
            if (shape != null && !known.containsKey(tensor.name())) {
                known.put(tensor.name(), bytes(tensor.withType(tensor.elementType(), shape)));
            }
        }
        long largestKnown = known.values().stream().mapToLong(Long::longValue).max().orElse(0);
        Map<String, Long> sizes = new HashMap<>(known);
        Operands operands = new Operands(model, sizes, bindings);
        Graph<Node, TensorEdge> graph = model.graph();
        for (Node node : topologicalOrder(graph)) {
            long guess = largestKnown;
            for (TensorEdge e : graph.incomingEdgesOf(node)) {
                String returned = inner.runName(e.tensor().name(), e.isTopLevel(), graph.getEdgeSource(e));
                guess = Math.max(guess, returned == null ? 0L : sizes.getOrDefault(returned, 0L));
            }
            long estimate = node instanceof OperationNode op
                    ? OperationSizes.outputBytes(op, operands.of(op), guess) : guess;
            for (TensorEdge e : graph.outgoingEdgesOf(node)) {
                String returned = inner.runName(e.tensor().name(), e.isTopLevel(), node);
                if (returned != null) {
                    sizes.putIfAbsent(returned, estimate);
                }
            }
        }
        long total = 0;
        for (long size : sizes.values()) {
            total = DisplayText.saturatingAdd(total, size);
        }
        return total;
    }

    /** The tensors of the top-level graph: its inputs and outputs and what its edges carry. */
    private static List<TensorInfo> topLevelTensors(ModelGraph model) {
        List<TensorInfo> tensors = new ArrayList<>();
        for (Node n : model.graph().vertexSet()) {
            if (n instanceof InputNode in && in.scope().isRoot()) {
                tensors.add(in.tensor());
            } else if (n instanceof OutputNode out && out.scope().isRoot()) {
                tensors.add(out.tensor());
            }
        }
        model.graph().edgeSet().stream().filter(TensorEdge::isTopLevel).forEach(e -> tensors.add(e.tensor()));
        return tensors;
    }

    /** Bytes of one tensor whose shape is fully known. */
    static long bytes(TensorInfo tensor) {
        long n = elementBytes(tensor.elementType());
        for (Dim d : tensor.shape().dims()) {
            n = DisplayText.saturatingMultiply(n, Math.max(0, d.value()));
        }
        return n;
    }

    static long elementBytes(String elementType) {
        if (elementType == null) {
            return 4;
        }
        return switch (elementType) {
            case "bool", "int8", "uint8", "float8e4m3fn", "float8e4m3fnuz", "float8e5m2", "float8e5m2fnuz",
                    "float8e8m0", "int4", "uint4", "int2", "uint2", "float4e2m1" -> 1;
            case "int16", "uint16", "float16", "bfloat16" -> 2;
            case "int64", "uint64", "float64", "complex64", "string" -> 8;
            case "complex128" -> 16;
            default -> 4;
        };
    }

    /** A topological order; a graph with a cycle (never a valid model) falls back to insertion order. */
    private static List<Node> topologicalOrder(Graph<Node, TensorEdge> graph) {
        List<Node> order = new ArrayList<>(graph.vertexSet().size());
        try {
            new TopologicalOrderIterator<>(graph).forEachRemaining(order::add);
            return order;
        } catch (IllegalArgumentException e) {
            return new ArrayList<>(graph.vertexSet());
        }
    }
}
