package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * How much memory a run needs for what it holds at its end: the inputs, and every top-level tensor (each is
 * returned as an output). A tensor with a declared shape counts exactly (open dims at 1, as the run sets them); one
 * without is estimated as large as the largest tensor entering its producer, or the largest input when nothing known
 * enters it. Weights are not counted: they are the model file's size, which the user already has on disk.
 */
final class MemoryEstimate {
    private MemoryEstimate() {
    }

    /** Bytes for the given concrete inputs and for every other top-level tensor, estimated as described above. */
    static long bytes(ModelGraph model, Map<String, TensorInfo> concreteInputs, Bindings bindings) {
        long largestInput = 0;
        long total = 0;
        for (TensorInfo input : concreteInputs.values()) {
            largestInput = Math.max(largestInput, bytes(input));
            total = DisplayText.saturatingAdd(total, bytes(input));
        }
        Map<String, Long> sizes = new HashMap<>();
        Map<Node, Long> largestEntering = new HashMap<>();
        Graph<Node, TensorEdge> graph = model.graph();
        Bindings.Defaulted ignored = new Bindings.Defaulted();
        for (Node node : topologicalOrder(graph)) {
            long entering = largestEntering.getOrDefault(node, 0L);
            for (TensorEdge e : graph.outgoingEdgesOf(node)) {
                TensorInfo tensor = e.tensor();
                Long size = concreteInputs.containsKey(tensor.name()) ? (Long) bytes(concreteInputs.get(tensor.name()))
                        : sizes.get(tensor.name());
                if (size == null && e.isTopLevel()) {
                    Shape shape = bindings.concrete(tensor, ignored);
                    size = shape != null ? bytes(tensor.withType(tensor.elementType(), shape))
                            : entering > 0 ? entering : largestInput;
                    sizes.put(tensor.name(), size);
                    total = DisplayText.saturatingAdd(total, size);
                }
                if (size != null) {
                    largestEntering.merge(graph.getEdgeTarget(e), size, Math::max);
                }
            }
        }
        return total;
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

    /** {@code 2.0 GiB}, {@code 512 MiB}, {@code 96 KiB}, {@code 100 B}. */
    static String human(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value,
                units[unit]);
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
