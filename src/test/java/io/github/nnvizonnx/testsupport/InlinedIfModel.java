package io.github.nnvizonnx.testsupport;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.graphAttribute;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.int64s;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.weight;

import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.proto.Onnx.TypeProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import java.nio.file.Path;

/**
 * A voice-activity detector as spox builds it: one If on the sample rate, each branch a torch export inlined with
 * spox's names. spox names its own nodes {@code <OpType>_<i>}, a body's nodes with {@code <owner>_<attribute>__} in
 * front, and the nodes of an inlined model {@code <inline node>__<original name>}: the branch for 16 kHz holds
 * {@code If_0_then_branch__Inline_0__/stft/Conv}. Each branch: {@code stft} (Constant, Pad, Conv, Mul, Sqrt),
 * {@code encoder} with four {@code layer.N} of Conv and Relu, {@code decoder} (Conv, Sigmoid, ReduceMean) and one spox
 * Identity; 17 operations per branch, 37 in all with the Constant, Equal and If of the main graph.
 */
public final class InlinedIfModel {
    public static final int LAYERS = 4;
    public static final int OPERATIONS = 3 + 2 * (5 + 2 * LAYERS + 3 + 1);

    private InlinedIfModel() {
    }

    public static Path write(Path dir, String fileName) {
        GraphProto.Builder main = GraphProto.newBuilder().setName("vad")
                .addInput(tensor("input", 1, 1, 512))
                .addInput(ValueInfoProto.newBuilder().setName("sr").setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.INT64_VALUE)))
                        .build())
                .addOutput(tensor("output", 1, 1))
                .addNode(OnnxBuilder.constant("Constant_0_output", int64s("sixteen_k", 16000)).setName("Constant_0"))
                .addNode(node("Equal_0", "Equal", in("sr", "Constant_0_output"), "Equal_0_C"))
                .addNode(node("If_0", "If", in("Equal_0_C"), "output")
                        .addAttribute(graphAttribute("then_branch", branch("If_0_then_branch__", 256)))
                        .addAttribute(graphAttribute("else_branch", branch("If_0_else_branch__", 128))));
        for (String side : new String[] {"then", "else"}) {
            main.addInitializer(weight(side + ".stft.basis", 258, 1, 256));
            for (int layer = 0; layer < LAYERS; layer++) {
                main.addInitializer(weight(side + ".encoder." + layer + ".w", 16, layer == 0 ? 129 : 16, 3));
            }
            main.addInitializer(weight(side + ".decoder.w", 1, 16, 1));
        }
        return OnnxBuilder.write(dir, fileName, OnnxBuilder.model(main));
    }

    /** One branch: a torch model inlined by spox inside the body {@code bodyPrefix} ({@code If_0_then_branch__}). */
    private static GraphProto branch(String bodyPrefix, int window) {
        String side = bodyPrefix.contains("then") ? "then" : "else";
        String inline = bodyPrefix + "Inline_0__";
        GraphProto.Builder g = GraphProto.newBuilder().setName(bodyPrefix + "graph")
                .addOutput(tensor(bodyPrefix + "Identity_0_output", 1, 1));
        g.addNode(OnnxBuilder.constant(inline + "pads", int64s(inline + "pads_value", 0, 0, 0, window / 2))
                .setName(inline + "/stft/Constant"));
        g.addNode(node(inline + "/stft/Pad", "Pad", in("input", inline + "pads"), inline + "padded"));
        g.addNode(node(inline + "/stft/Conv", "Conv", in(inline + "padded", side + ".stft.basis"), inline + "spec"));
        g.addNode(node(inline + "/stft/Mul", "Mul", in(inline + "spec", inline + "spec"), inline + "power"));
        g.addNode(node(inline + "/stft/Sqrt", "Sqrt", in(inline + "power"), inline + "magnitude"));
        String previous = inline + "magnitude";
        for (int layer = 0; layer < LAYERS; layer++) {
            String scope = inline + "/encoder/layer." + layer;
            g.addNode(node(scope + "/conv/Conv", "Conv", in(previous, side + ".encoder." + layer + ".w"),
                    scope + "/conv_out"));
            g.addNode(node(scope + "/activation/Relu", "Relu", in(scope + "/conv_out"), scope + "/relu_out"));
            previous = scope + "/relu_out";
        }
        g.addNode(node(inline + "/decoder/Conv", "Conv", in(previous, side + ".decoder.w"), inline + "logits"));
        g.addNode(node(inline + "/decoder/Sigmoid", "Sigmoid", in(inline + "logits"), inline + "prob"));
        g.addNode(node(inline + "/decoder/ReduceMean", "ReduceMean", in(inline + "prob"), inline + "mean")
                .addAttribute(OnnxBuilder.intsAttribute("axes", 2)));
        g.addNode(node(bodyPrefix + "Identity_0", "Identity", in(inline + "mean"), bodyPrefix + "Identity_0_output"));
        return g.build();
    }
}
