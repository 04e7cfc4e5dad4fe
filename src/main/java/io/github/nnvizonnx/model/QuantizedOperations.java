package io.github.nnvizonnx.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the drawing needs to know of quantized operators, in one place: which operators only (de)quantize, which
 * compute in integers and what float operator each stands for. A quantized model is the float model with its
 * MatMuls and Convs replaced by integer ones ({@code MatMulInteger}, {@code QLinearConv}, {@code MatMulNBits}, ...)
 * and {@code (Dynamic)QuantizeLinear}/{@code DequantizeLinear} around them; drawn faithfully it should read like the
 * float model, marked as quantized.
 */
public final class QuantizedOperations {
    /** Operators that only convert between float and quantized values. */
    private static final Set<String> QUANTIZERS = Set.of("QuantizeLinear", "DequantizeLinear",
            "DynamicQuantizeLinear");
    /** The one operator emitting a quantized tensor together with its scale and zero point (in that order). */
    public static final String DYNAMIC_QUANTIZER = "DynamicQuantizeLinear";
    /** The element type of what {@link #DYNAMIC_QUANTIZER} quantizes to, fixed by its definition. */
    public static final String DYNAMIC_QUANTIZED_TYPE = "uint8";
    /** Element types a quantized tensor is stored in: 8 bits or fewer. */
    private static final Set<String> QUANTIZED_TYPES = Set.of("int8", "uint8", "int4", "uint4", "int2", "uint2",
            "float8e4m3fn", "float8e4m3fnuz", "float8e5m2", "float8e5m2fnuz", "float4e2m1");
    /** Integer operators whose name does not follow one of the patterns of {@link #floatCounterpart}. */
    private static final Map<String, String> NAMED_COUNTERPARTS = Map.of("QGemm", "Gemm", "QAttention", "Attention",
            "QEmbedLayerNormalization", "EmbedLayerNormalization", "GatherBlockQuantized", "Gather",
            "DynamicQuantizeMatMul", "MatMul", "DynamicQuantizeLSTM", "LSTM");
    /** Name parts of integer operators: {@code QLinearConv}, {@code QOrderedMatMul}; the rest is the float op. */
    private static final List<String> INTEGER_PREFIXES = List.of("QLinear", "QOrdered");
    /** {@code MatMulIntegerToFloat}, {@code ConvInteger}, and the weight-only low-bit MatMuls (4 bits mostly). */
    private static final List<String> EIGHT_BIT_SUFFIXES = List.of("IntegerToFloat", "Integer");
    private static final List<String> LOW_BIT_SUFFIXES = List.of("NBits", "Bnb4", "FpQ4");

    private QuantizedOperations() {
    }

    /**
     * Whether operators of {@code domain} mean what the standard's do: ONNX's own, and onnxruntime's contrib domain,
     * whose QuantizeLinear and DequantizeLinear predate the standard's wider types.
     */
    public static boolean isStandardDomain(String domain) {
        return domain == null || domain.isEmpty() || domain.equals("ai.onnx") || domain.equals("com.microsoft");
    }

    /** Whether {@code opType} only quantizes or dequantizes ((Dynamic)QuantizeLinear, DequantizeLinear). */
    public static boolean isQuantizer(String opType) {
        return QUANTIZERS.contains(opType);
    }

    /** Whether a tensor of {@code elementType} (may be null) holds quantized values: 8 bits or fewer. */
    public static boolean isQuantizedType(String elementType) {
        return elementType != null && QUANTIZED_TYPES.contains(elementType);
    }

    /**
     * The float operator an integer one computes: {@code Conv} for {@code QLinearConv} and {@code ConvInteger},
     * {@code MatMul} for {@code MatMulInteger} and {@code MatMulNBits}; null for an operator that is not one.
     */
    public static String floatCounterpart(String opType) {
        String named = NAMED_COUNTERPARTS.get(opType);
        if (named != null) {
            return named;
        }
        for (String prefix : INTEGER_PREFIXES) {
            if (opType.startsWith(prefix) && opType.length() > prefix.length()) {
                return opType.substring(prefix.length());
            }
        }
        String rest = withoutSuffix(opType, EIGHT_BIT_SUFFIXES);
        return rest != null ? rest : withoutSuffix(opType, LOW_BIT_SUFFIXES);
    }

    /**
     * The integer type an operator computes in, as a module that holds it is marked: {@code int4} for the low-bit
     * weight-only MatMuls, {@code int8} for the other integer operators and for quantizing activations; null for an
     * operator computing in float (DequantizeLinear of a weight included: the arithmetic after it is float).
     */
    public static String integerType(String opType) {
        if (withoutSuffix(opType, LOW_BIT_SUFFIXES) != null) {
            return "int4";
        }
        boolean quantizes = opType.equals("QuantizeLinear") || opType.equals(DYNAMIC_QUANTIZER);
        return quantizes || floatCounterpart(opType) != null ? "int8" : null;
    }

    /**
     * The integer type a group of operators (a collapsed module's) computes in: the narrowest of their
     * {@link #integerType}s, or null when all compute in float.
     */
    public static String integerType(List<String> opTypes) {
        String found = null;
        for (String op : opTypes) {
            String type = integerType(op);
            if (type != null && (found == null || type.equals("int4"))) {
                found = type;
            }
        }
        return found;
    }

    private static String withoutSuffix(String opType, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (opType.endsWith(suffix) && opType.length() > suffix.length()) {
                return opType.substring(0, opType.length() - suffix.length());
            }
        }
        return null;
    }
}
