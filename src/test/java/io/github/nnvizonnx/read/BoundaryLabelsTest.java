package io.github.nnvizonnx.read;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.api.Nnviz;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.shapes.ShapeMode;
import io.github.nnvizonnx.shapes.ShapeRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs and outputs named by torch's exporter ({@code 2463}, {@code onnx::Shape_2464}) drawn as people name them. */
class BoundaryLabelsTest {
    @TempDir
    Path dir;

    private Path torchNamedModel() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("onnx::Conv_0", 1, 4)).addInput(tensor("mask", 1, 4))
                .addOutput(tensor("2463", 1, 4)).addOutput(tensor("logits", 1, 4))
                .addOutput(tensor("onnx::Shape_2464", 1, 4))
                .addNode(node("/a/Relu", "Relu", in("onnx::Conv_0"), "2463"))
                .addNode(node("/b/Add", "Add", in("2463", "mask"), "logits"))
                .addNode(node("/c/Neg", "Neg", in("logits"), "onnx::Shape_2464"));
        return write(dir, "torch.onnx", model(g));
    }

    @Test
    void generatedNamesAreDrawnAsInputAndNumberedOutputsWhileTheirNamesStayInTheModel() {
        ModelGraph g = OnnxReader.read(torchNamedModel());
        assertEquals(List.of("input", "mask"), g.nodes(InputNode.class).stream().map(InputNode::displayName).toList());
        assertEquals(List.of("output", "logits", "output 2"),
                g.nodes(OutputNode.class).stream().map(OutputNode::displayName).toList());
        assertEquals(List.of("2463", "logits", "onnx::Shape_2464"),
                g.nodes(OutputNode.class).stream().map(n -> n.tensor().name()).toList(), "the tensor keeps its name");
    }

    @Test
    void theLabelsSurviveAJsonRedrawAndTheNamesStayInJson() throws IOException {
        Path json = dir.resolve("torch.json");
        Nnviz.read(torchNamedModel()).shapes(ShapeRequest.of(ShapeMode.DECLARED)).format("json").writeTo(json);
        String text = Files.readString(json);
        assertTrue(text.contains("\"label\": \"output 2\"") && text.contains("onnx::Shape_2464"), text);
        String mermaid = Nnviz.read(json).format("mermaid").text();
        assertTrue(mermaid.contains("<b>output 2</b>") && !mermaid.contains("onnx") && !mermaid.contains("2463"),
                mermaid);
    }
}
