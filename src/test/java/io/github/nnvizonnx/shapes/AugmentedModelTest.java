package io.github.nnvizonnx.shapes;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.weight;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AugmentedModelTest {
    @TempDir
    Path dir;

    @Test
    void appendedGraphFieldAddsOutputsAndKeepsEverythingElse() throws Exception {
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1, 4)).addOutput(tensor("y", 1, 4)).addInitializer(weight("w", 4, 4))
                .addNode(node("mm", "MatMul", in("x", "w"), "h")).addNode(node("relu", "Relu", in("h"), "y"));
        ModelProto original = model(g).build();
        Path file = write(dir, "m.onnx", original.toBuilder());

        ByteBuffer buffer = AugmentedModel.read(file, List.of("h"));
        assertEquals(true, buffer.isDirect());
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        ModelProto augmented = ModelProto.parseFrom(bytes);

        assertEquals(List.of("y", "h"), augmented.getGraph().getOutputList().stream().map(ValueInfoProto::getName)
                .toList());
        assertEquals(original.getGraph().getOutput(0), augmented.getGraph().getOutput(0));
        assertEquals(original.getGraph().getInitializerList(), augmented.getGraph().getInitializerList());
        assertEquals(original.getGraph().getNodeList(), augmented.getGraph().getNodeList());
        assertEquals("g", augmented.getGraph().getName());
        assertEquals(original.getOpsetImportList(), augmented.getOpsetImportList());
    }
}
