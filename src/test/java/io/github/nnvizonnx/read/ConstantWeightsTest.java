package io.github.nnvizonnx.read;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.constant;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.int64s;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.weight;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.Parameter;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.testsupport.RealModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights stored as Constant nodes, as paddle2onnx and spox write them, counted as parameters. */
class ConstantWeightsTest {
    @TempDir
    Path dir;

    @Test
    void floatConstantsReadAsWeightsCountAndShapesScalarsAndScalesDoNot() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1, 4)).addOutput(tensor("y", 1, 2, 2))
                .addNode(constant("/fc/w", weight("fc.w", 4, 4)))
                .addNode(node("/fc/MatMul", "MatMul", in("x", "/fc/w"), "h"))
                .addNode(constant("/fc/b", weight("fc.b", 4)))
                .addNode(constant("/fc/b_shape", int64s("fc.b_shape", 1, 4)))
                .addNode(node("/fc/Reshape", "Reshape", in("/fc/b", "/fc/b_shape"), "b2"))
                .addNode(node("/fc/Add", "Add", in("h", "b2"), "s"))
                .addNode(constant("/scale", weight("scale")))
                .addNode(node("/Mul", "Mul", in("s", "/scale"), "m"))
                .addNode(constant("/shape", int64s("shape", 1, 1, 2, 2)))
                .addNode(node("/Reshape", "Reshape", in("m", "/shape"), "r"))
                .addNode(constant("/scales", weight("scales", 4)))
                .addNode(node("/Resize", "Resize", in("r", "", "/scales"), "y"));
        ModelGraph model = OnnxReader.read(write(dir, "constants.onnx", model(g)));
        assertEquals(Set.of("/fc/w", "/fc/b"), Set.copyOf(model.parameters().stream().map(Parameter::name)
                .toList()), "the MatMul's weight and the bias reshaped into the Add; not the scalar scale, the int64"
                + " shapes nor the Resize's scales");
        assertEquals(20, model.totalParameters());
        assertEquals(List.of("fc"), model.parameters().stream().map(p -> p.scope().dotted()).distinct().toList(),
                "each in the module of the operations that read it");
        OperationNode matMul = model.nodes(OperationNode.class).stream()
                .filter(op -> op.opType().equals("MatMul")).findFirst().orElseThrow();
        assertEquals(16, matMul.parameterCount(), "a weight read by one operation counts on it (--params)");
    }

    @Test
    void paddleOcrModelsCountTheWeightsTheirConstantsHold() throws IOException {
        for (String name : List.of("ch_PP-OCRv4_det_infer", "ch_PP-OCRv4_rec_infer",
                "ch_ppocr_mobile_v2.0_cls_infer")) {
            Path file = RealModels.paddleOcr(name);
            assertEquals(learnedConstantElements(file), OnnxReader.read(file).totalParameters(), name);
        }
    }

    /**
     * Counted independently, on the whole parsed file: the elements of every float Constant of two elements or
     * more, except those that only a Resize reads (its scales, such as 1×1×2×2).
     */
    private static long learnedConstantElements(Path file) throws IOException {
        ModelProto model;
        try (InputStream in = Files.newInputStream(file)) {
            model = ModelProto.parseFrom(in);
        }
        Map<String, Set<String>> readers = new HashMap<>();
        for (NodeProto n : model.getGraph().getNodeList()) {
            for (String input : n.getInputList()) {
                readers.computeIfAbsent(input, k -> new java.util.HashSet<>()).add(n.getOpType());
            }
        }
        long total = 0;
        for (NodeProto n : model.getGraph().getNodeList()) {
            if (!n.getOpType().equals("Constant")) {
                continue;
            }
            TensorProto t = n.getAttributeList().stream().filter(a -> a.getType() == AttributeProto.AttributeType.TENSOR)
                    .findFirst().orElseThrow().getT();
            long elements = t.getDimsList().stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
            boolean isFloat = t.getDataType() == TensorProto.DataType.FLOAT_VALUE
                    || t.getDataType() == TensorProto.DataType.FLOAT16_VALUE;
            if (isFloat && elements >= 2 && !readers.getOrDefault(n.getOutput(0), Set.of()).equals(Set.of("Resize"))) {
                total += elements;
            }
        }
        return total;
    }
}
