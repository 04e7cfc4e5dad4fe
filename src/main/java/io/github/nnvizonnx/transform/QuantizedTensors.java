package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.QuantizedOperations;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quantized tensors of a model and the scale and zero point that travel with each: the three outputs of a
 * DynamicQuantizeLinear (as onnxruntime's dynamic quantizer writes one before each integer MatMul). Found on the
 * operations, before collapsing turns them into modules; a scale or zero point means nothing apart from the values
 * it reads, so {@link QuantizedEdges} draws them as one edge.
 */
final class QuantizedTensors {
    private static final QuantizedTensors NONE = new QuantizedTensors(Map.of(), Map.of());

    /** Scale or zero point name → the name of the quantized tensor it belongs to. */
    private final Map<String, String> valuesOf;
    /** Quantized tensor name → the tensor as drawn: with its element type, which the quantizer fixes. */
    private final Map<String, TensorInfo> quantized;

    private QuantizedTensors(Map<String, String> valuesOf, Map<String, TensorInfo> quantized) {
        this.valuesOf = valuesOf;
        this.quantized = quantized;
    }

    /** What {@code model}'s DynamicQuantizeLinear operations emit. */
    static QuantizedTensors of(ModelGraph model) {
        Map<String, String> valuesOf = new HashMap<>();
        Map<String, TensorInfo> quantized = new HashMap<>();
        for (int number = 0; number < model.nodeNumbers(); number++) {
            if (!(model.nodeAt(number) instanceof OperationNode op)
                    || !op.opType().equals(QuantizedOperations.DYNAMIC_QUANTIZER)) {
                continue;
            }
            Map<String, TensorInfo> outputs = new LinkedHashMap<>();
            for (TensorEdge e : model.outgoingEdgesOf(number)) {
                outputs.putIfAbsent(e.tensor().name(), e.tensor());
            }
            if (outputs.size() < 2) {
                continue; // nothing travels with it here
            }
            TensorInfo values = quantizedValues(new ArrayList<>(outputs.values()));
            quantized.put(values.name(), values.elementType() != null ? values
                    : values.withType(QuantizedOperations.DYNAMIC_QUANTIZED_TYPE, values.shape()));
            for (String name : outputs.keySet()) {
                if (!name.equals(values.name())) {
                    valuesOf.put(name, values.name());
                }
            }
        }
        return quantized.isEmpty() ? NONE : new QuantizedTensors(valuesOf, quantized);
    }

    /**
     * Which of a DynamicQuantizeLinear's outputs holds the values. The edges do not say which output they carry:
     * the values are the one output that is not a scalar (scale and zero point are), or, where shapes are not known,
     * the one not named as onnxruntime's quantizer names a scale or a zero point.
     */
    private static TensorInfo quantizedValues(List<TensorInfo> outputs) {
        for (TensorInfo t : outputs) {
            if (t.shape() != null && t.shape().rank() > 0) {
                return t;
            }
        }
        for (TensorInfo t : outputs) {
            if (!isScalar(t.shape()) && !t.name().endsWith("_scale") && !t.name().endsWith("_zero_point")) {
                return t;
            }
        }
        return outputs.get(0);
    }

    private static boolean isScalar(Shape shape) {
        return shape != null && shape.rank() == 0;
    }

    boolean isEmpty() {
        return quantized.isEmpty();
    }

    /** The name of the quantized tensor that {@code name} is the scale or zero point of; null when it is neither. */
    String valuesOf(String name) {
        return valuesOf.get(name);
    }

    /** The quantized tensor named {@code name} as drawn (with its element type), or null when it is not one. */
    TensorInfo quantized(String name) {
        return quantized.get(name);
    }
}
