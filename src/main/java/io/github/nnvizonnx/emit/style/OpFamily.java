package io.github.nnvizonnx.emit.style;

import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.QuantizedOperations;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What kind of computation a node does, for colouring. Classified by ONNX op type (any domain). */
public enum OpFamily {
    /** Convolution: {@code conv}. */
    CONVOLUTION("conv", "convolution"),
    /** Linear / matmul: {@code linear}. */
    LINEAR("linear", "linear / matmul"),
    /** Normalization: {@code norm}. */
    NORMALIZATION("norm", "normalization"),
    /** Activation: {@code act}. */
    ACTIVATION("act", "activation"),
    /** Pooling: {@code pool}. */
    POOLING("pool", "pooling"),
    /** Elementwise math: {@code math}. */
    ELEMENTWISE("math", "elementwise math"),
    /** Shape / reshape / indexing: {@code shape}. */
    SHAPE("shape", "shape / reshape / indexing"),
    /** Reduction: {@code reduce}. */
    REDUCTION("reduce", "reduction"),
    /** Attention: {@code attn}. */
    ATTENTION("attn", "attention"),
    /** Recurrent: {@code rnn}. */
    RECURRENT("rnn", "recurrent"),
    /** Control flow: {@code flow}. */
    CONTROL_FLOW("flow", "control flow"),
    /** Quantization: {@code quant}. */
    QUANTIZATION("quant", "quantization"),
    /** Constant: {@code const}. */
    CONSTANT("const", "constant"),
    /** Input / output: {@code io}. */
    IO("io", "input / output"),
    /** Collapsed module: {@code module}. */
    MODULE("module", "collapsed module"),
    /** Other: {@code other}. */
    OTHER("other", "other");

    private static final Map<String, OpFamily> BY_OP = new HashMap<>();

    static {
        register(CONVOLUTION, "Conv", "ConvTranspose", "DeformConv", "FusedConv", "NhwcConv", "Col2Im", "Im2Col");
        register(LINEAR, "MatMul", "Gemm", "Einsum", "FusedMatMul", "FusedGemm", "GemmFastGelu",
                "Linear");
        register(NORMALIZATION, "BatchNormalization", "LayerNormalization", "InstanceNormalization",
                "GroupNormalization", "LpNormalization", "MeanVarianceNormalization", "LRN", "RMSNormalization",
                "SimplifiedLayerNormalization", "SkipLayerNormalization", "SkipSimplifiedLayerNormalization",
                "EmbedLayerNormalization");
        register(ACTIVATION, "Relu", "LeakyRelu", "PRelu", "Sigmoid", "HardSigmoid", "Tanh", "Softmax",
                "LogSoftmax", "Hardmax", "Gelu", "FastGelu", "BiasGelu", "QuickGelu", "Elu", "Selu", "Celu",
                "HardSwish", "Mish", "Softplus", "Softsign", "ThresholdedRelu", "Erf", "Swish", "Shrink",
                "BiasSoftmax", "Dropout");
        register(POOLING, "MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "LpPool",
                "GlobalLpPool", "MaxRoiPool", "RoiAlign", "MaxUnpool");
        register(ELEMENTWISE, "Add", "Sub", "Mul", "Div", "Pow", "Sqrt", "Exp", "Log", "Abs", "Neg",
                "Reciprocal", "Floor", "Ceil", "Round", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh",
                "Asinh", "Acosh", "Atanh", "Min", "Max", "Sum", "Mean", "Clip", "Sign", "Mod", "Equal", "Less",
                "LessOrEqual", "Greater", "GreaterOrEqual", "And", "Or", "Not", "Xor", "Where", "BitShift",
                "BitwiseAnd", "BitwiseOr", "BitwiseXor", "BitwiseNot", "IsNaN", "IsInf", "BiasAdd", "CumSum");
        register(SHAPE, "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Transpose", "Concat", "Split",
                "SplitToSequence", "Slice", "Gather", "GatherElements", "GatherND", "Scatter", "ScatterElements",
                "ScatterND", "Shape", "Size", "Expand", "Tile", "Pad", "Resize", "Upsample", "DepthToSpace",
                "SpaceToDepth", "Identity", "Cast", "CastLike", "NonZero", "Range", "OneHot", "Compress",
                "ReverseSequence", "Trilu", "CenterCropPad", "GridSample", "AffineGrid", "SequenceAt",
                "SequenceConstruct", "SequenceInsert", "SequenceErase", "SequenceLength", "SequenceEmpty",
                "ConcatFromSequence", "Optional", "OptionalGetElement", "OptionalHasElement", "Unique",
                "EyeLike", "NonMaxSuppression");
        register(REDUCTION, "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1",
                "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare", "ArgMax", "ArgMin", "TopK");
        register(ATTENTION, "Attention", "MultiHeadAttention", "GroupQueryAttention", "PackedAttention",
                "DecoderMaskedMultiHeadAttention", "RotaryEmbedding", "ScaledDotProductAttention");
        register(RECURRENT, "LSTM", "GRU", "RNN");
        register(CONTROL_FLOW, "If", "Loop", "Scan");
        // Integer operators (QLinearConv, MatMulInteger, MatMulNBits, ...) take their float counterpart's family
        // (see ofOperation): only the conversions themselves are drawn as quantization.
        register(QUANTIZATION, "QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear");
        register(CONSTANT, "Constant", "ConstantOfShape", "RandomNormal", "RandomUniform", "RandomNormalLike",
                "RandomUniformLike", "Multinomial", "Bernoulli");
    }

    private final String key;
    private final String description;

    OpFamily(String key, String description) {
        this.key = key;
        this.description = description;
    }

    private static void register(OpFamily family, String... ops) {
        for (String op : ops) {
            BY_OP.put(op.toLowerCase(Locale.ROOT), family);
        }
    }

    /** Short name used in style keys ({@code color.conv}) and Mermaid class names. */
    public String key() {
        return key;
    }

    /** What the family holds, for a legend. */
    public String description() {
        return description;
    }

    /**
     * The family of an ONNX operation type, e.g. {@code Conv}; an integer operator is drawn as the float one it
     * computes ({@code QLinearConv} as {@code Conv}), so that a quantized model reads like its float original.
     */
    public static OpFamily ofOperation(String opType) {
        OpFamily family = BY_OP.get(opType.toLowerCase(Locale.ROOT));
        if (family != null) {
            return family;
        }
        String counterpart = QuantizedOperations.floatCounterpart(opType);
        return counterpart == null ? OTHER : BY_OP.getOrDefault(counterpart.toLowerCase(Locale.ROOT), OTHER);
    }

    /** The family a node is drawn in. */
    public static OpFamily of(Node node) {
        if (node instanceof OperationNode op) {
            return ofOperation(op.opType());
        }
        if (node instanceof InputNode || node instanceof OutputNode) {
            return IO;
        }
        ModuleNode m = (ModuleNode) node;
        return m.module().kind() == ModuleKind.CONTROL_FLOW ? CONTROL_FLOW : MODULE;
    }

    /** The family {@code --style color.KEY} names, e.g. {@code conv}. */
    public static OpFamily byKey(String key) {
        for (OpFamily f : values()) {
            if (f.key.equalsIgnoreCase(key) || f.name().equalsIgnoreCase(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown op family '" + key + "'");
    }
}
