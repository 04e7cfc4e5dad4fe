package io.github.nnvizonnx.testsupport;

import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import java.nio.file.Path;

/**
 * A small model quantized as onnxruntime's dynamic quantizer writes one: module {@code a} (Relu, then a LayerNorm's
 * Add) makes {@code h}; a DynamicQuantizeLinear named after {@code h}, and so scoped in {@code a.LayerNorm}, makes
 * {@code h_quantized}, {@code h_scale} and {@code h_zero_point}; module {@code b} reads them in two integer MatMuls
 * ({@code b.q}, {@code b.k}: MatMulInteger, Cast, the scales' Mul, the rescaling Mul) and adds {@code h} back (the
 * float residual).
 */
public final class QuantizedLayers {
    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    private static final int UINT8 = TensorProto.DataType.UINT8_VALUE;
    private static final int INT8 = TensorProto.DataType.INT8_VALUE;

    private QuantizedLayers() {
    }

    public static Path write(Path dir) {
        GraphProto.Builder g = GraphProto.newBuilder().setName("quantized")
                .addInput(OnnxBuilder.tensor("x", 1, 4, 8)).addOutput(OnnxBuilder.tensor("y", 1, 4, 8))
                .addValueInfo(OnnxBuilder.typedTensor("h_quantized", UINT8, 1, 4, 8))
                .addNode(OnnxBuilder.node("/a/Relu", "Relu", OnnxBuilder.in("x"), "r"))
                .addNode(OnnxBuilder.node("/a/LayerNorm/Add", "Add", OnnxBuilder.in("r", "r"), "h"))
                .addNode(OnnxBuilder.node("/a/LayerNorm/h_QuantizeLinear", "DynamicQuantizeLinear",
                        OnnxBuilder.in("h"), "h_quantized", "h_scale", "h_zero_point"));
        for (String m : new String[] {"q", "k"}) {
            String p = "/b/" + m + "/MatMul_quant";
            g.addInitializer(OnnxBuilder.typedWeight(m + ".W_quantized", INT8, 1, 8, 8))
                    .addInitializer(OnnxBuilder.typedWeight(m + ".W_zero_point", INT8, 1))
                    .addInitializer(OnnxBuilder.typedWeight(m + ".W_scale", FLOAT, 4))
                    .addNode(OnnxBuilder.node(p, "MatMulInteger",
                            OnnxBuilder.in("h_quantized", m + ".W_quantized", "h_zero_point", m + ".W_zero_point"),
                            m + "_int"))
                    .addNode(OnnxBuilder.node(p + "_cast", "Cast", OnnxBuilder.in(m + "_int"), m + "_float"))
                    .addNode(OnnxBuilder.node(p + "_scales_mul", "Mul", OnnxBuilder.in("h_scale", m + ".W_scale"),
                            m + "_scales"))
                    .addNode(OnnxBuilder.node(p + "_output_scale_mul", "Mul",
                            OnnxBuilder.in(m + "_float", m + "_scales"), m + "_out"));
        }
        g.addNode(OnnxBuilder.node("/b/Add", "Add", OnnxBuilder.in("q_out", "k_out"), "qk"))
                .addNode(OnnxBuilder.node("/b/Add_1", "Add", OnnxBuilder.in("qk", "h"), "y"));
        return OnnxBuilder.write(dir, "quantized.onnx", OnnxBuilder.model(g));
    }
}
