package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.HashSet;
import java.util.Set;

/**
 * Draws a quantized tensor travelling with its scale and zero point as one edge: where the same producer → consumer
 * pair carries the quantized values and their scale or zero point, only the values' edge stays, labelled with their
 * element type ({@code uint8 1×16×384}). A scale going alone to an operation (the Mul that rescales an integer
 * MatMul's result) stays an edge of its own.
 *
 * <p>A view pass, run after collapsing: collapsing makes new pairs (a layer box reading all three tensors from the
 * previous one), and the model itself keeps every tensor for the formats that list them (JSON, GraphML of the full
 * model) and for a later shape run. The tensors are found before collapsing ({@link QuantizedTensors}), while their
 * quantizer is still an operation.
 */
final class QuantizedEdges {
    private QuantizedEdges() {
    }

    static ModelGraph apply(ModelGraph view, QuantizedTensors tensors) {
        if (tensors.isEmpty()) {
            return view;
        }
        Set<Carried> values = new HashSet<>();
        for (TensorEdge e : view.graph().edgeSet()) {
            if (tensors.quantized(e.tensor().name()) != null) {
                values.add(new Carried(view.sourceNumberOf(e), view.targetNumberOf(e), e.tensor().name()));
            }
        }
        if (values.isEmpty()) {
            return view;
        }
        ModelGraph.Builder builder = view.toBuilderWithoutEdges();
        for (TensorEdge e : view.graph().edgeSet()) {
            int source = view.sourceNumberOf(e);
            int target = view.targetNumberOf(e);
            String travelsWith = tensors.valuesOf(e.tensor().name());
            if (travelsWith != null && values.contains(new Carried(source, target, travelsWith))) {
                continue; // drawn as part of the values' edge
            }
            TensorInfo quantized = tensors.quantized(e.tensor().name());
            builder.addEdge(view.nodeAt(source), view.nodeAt(target), quantized != null ? quantized : e.tensor(),
                    e.isTopLevel());
        }
        return builder.build();
    }

    /** A tensor carried from one node to another, by node number. */
    private record Carried(int source, int target, String tensor) {
    }
}
