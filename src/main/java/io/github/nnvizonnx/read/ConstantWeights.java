package io.github.nnvizonnx.read;

import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.QuantizedOperations;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weights an exporter stored as Constant nodes instead of initializers (paddle2onnx, spox): a floating-point
 * Constant of more than one element read by an operation that holds learned weights (a convolution, a matrix
 * product, an embedding lookup, a normalization, a recurrent layer), that adds or scales by one (a bias, a learned
 * position table), or that reshapes it as its data (a bias made broadcastable). They count as parameters like
 * initializers do; integer constants (shapes, axes), scalars and the scales of a Resize never do. In a QDQ model
 * (torch's quantized export) the weights are 8-bit constants, and the biases 32-bit ones, that a DequantizeLinear
 * reads as its data: those count too. One per graph (the main graph, each control-flow body), where a name means
 * one tensor; a body reads its own constants and those of the graphs around it (spox puts a whole model in an If's
 * branches, with its LSTM cell in a Loop inside).
 */
final class ConstantWeights {
    private static final Set<String> WEIGHT_READERS = Set.of("Conv", "ConvTranspose", "MatMul", "Gemm", "Gather",
            "BatchNormalization", "InstanceNormalization", "LayerNormalization", "GroupNormalization",
            "SimplifiedLayerNormalization", "SkipLayerNormalization", "LSTM", "GRU", "RNN", "PRelu", "Add", "Sub",
            "Mul", "Div", "Einsum", "Attention", "EmbedLayerNormalization");
    /**
     * Operations that reshape or cut their first input, the data (an LSTM cell slicing its gates): a weight there is
     * still a weight.
     */
    private static final Set<String> RESHAPERS = Set.of("Reshape", "Unsqueeze", "Squeeze", "Transpose", "Expand",
            "Flatten", "Cast", "Identity", "Slice", "Split");
    private static final Set<String> FLOAT_TYPES = Set.of("float32", "float16", "float64", "bfloat16");
    /** What a DequantizeLinear reads data in beside the 8-bit and narrower types: 16-bit weights, 32-bit biases. */
    private static final Set<String> WIDE_QUANTIZED = Set.of("int16", "uint16", "int32");
    private static final String DEQUANTIZER = "DequantizeLinear";

    private final Map<String, TensorScope.Weight> byTensor = new HashMap<>();
    private final List<TensorScope.Weight> inOrder = new ArrayList<>();

    /**
     * Whether a Constant with this output can be a weight: fully known dims, float or quantized storage, at least two
     * elements (what is not is never noted, so models without such constants look nothing up per input).
     */
    static boolean mayBeWeight(TensorInfo constant) {
        if (constant.shape() == null || !constant.shape().isFullyKnown()
                || !FLOAT_TYPES.contains(constant.elementType())
                && !isQuantizedStorage(constant.elementType())) {
            return false;
        }
        long elements = 1;
        for (io.github.nnvizonnx.model.Dim d : constant.shape().dims()) {
            elements = DisplayText.saturatingMultiply(elements, Math.max(0, d.value()));
        }
        return elements >= 2;
    }

    /** Notes the output of a Constant node, as {@link ConstantTypes} declares it, when it {@link #mayBeWeight}. */
    void noteConstant(TensorInfo constant) {
        if (!mayBeWeight(constant)) {
            return;
        }
        List<Long> dims = new ArrayList<>(constant.shape().rank());
        for (io.github.nnvizonnx.model.Dim d : constant.shape().dims()) {
            dims.add(d.value());
        }
        TensorScope.Weight weight = new TensorScope.Weight(constant.name(), constant.elementType(), List.copyOf(dims));
        if (byTensor.putIfAbsent(constant.name(), weight) == null) {
            inOrder.add(weight);
        }
    }

    /**
     * Notes that operation {@code consumer}, of {@code opType}, reads {@code tensor} as its input {@code slot};
     * returns whether {@code tensor} is a constant noted here.
     */
    boolean noteRead(String tensor, String opType, int slot, int consumer) {
        TensorScope.Weight weight = byTensor.get(tensor);
        if (weight == null) {
            return false;
        }
        boolean dequantized = slot == 0 && opType.equals(DEQUANTIZER);
        boolean floatWeight = FLOAT_TYPES.contains(weight.elementType)
                && (WEIGHT_READERS.contains(opType) || slot == 0 && RESHAPERS.contains(opType));
        if (dequantized || floatWeight) {
            weight.addConsumer(consumer);
        }
        return true;
    }

    private static boolean isQuantizedStorage(String elementType) {
        return QuantizedOperations.isQuantizedType(elementType) || WIDE_QUANTIZED.contains(elementType);
    }

    /** The constants some weight reader reads, in file order. */
    List<TensorScope.Weight> read() {
        return inOrder.stream().filter(w -> w.consumerCount() > 0).toList();
    }
}
