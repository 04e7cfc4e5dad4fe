package io.github.nnvizonnx.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.api.Nnviz;
import io.github.nnvizonnx.api.View;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.shapes.ShapeMode;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import io.github.nnvizonnx.testsupport.TorchExports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --layer}'s inputs and outputs are named for the places their tensors come from and go to. */
class SelectLayerTest {
    private static final ViewOptions LAYER_B2 = new ViewOptions(null, List.of(), "b2", false);

    @TempDir
    Path dir;

    /**
     * b2 reads a1 and h1 from b1, the model input x, and g from a Sigmoid straight in the model; its a2 goes to head
     * and to a Neg straight in the model, its z is a model output.
     */
    private ModelGraph model() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("net")
                .addInput(OnnxBuilder.tensor("x", 1, 4)).addOutput(OnnxBuilder.tensor("y", 1, 2))
                .addOutput(OnnxBuilder.tensor("z", 1, 4)).addOutput(OnnxBuilder.tensor("n", 1, 4))
                .addInitializer(OnnxBuilder.weight("b1.fc.w", 4, 4)).addInitializer(OnnxBuilder.weight("head.w", 4, 2))
                .addNode(OnnxBuilder.node("/b1/fc/MatMul", "MatMul", OnnxBuilder.in("x", "b1.fc.w"), "h1"))
                .addNode(OnnxBuilder.node("/b1/act/Relu", "Relu", OnnxBuilder.in("h1"), "a1"))
                .addNode(OnnxBuilder.node("/Sigmoid", "Sigmoid", OnnxBuilder.in("x"), "g"))
                .addNode(OnnxBuilder.node("/b2/Add", "Add", OnnxBuilder.in("a1", "x"), "s1"))
                .addNode(OnnxBuilder.node("/b2/Mul", "Mul", OnnxBuilder.in("s1", "g"), "s2"))
                .addNode(OnnxBuilder.node("/b2/act/Sub", "Sub", OnnxBuilder.in("s2", "h1"), "a2"))
                .addNode(OnnxBuilder.node("/b2/Identity", "Identity", OnnxBuilder.in("s2"), "z"))
                .addNode(OnnxBuilder.node("/head/MatMul", "MatMul", OnnxBuilder.in("a2", "head.w"), "y"))
                .addNode(OnnxBuilder.node("/Neg", "Neg", OnnxBuilder.in("a2"), "n"));
        return OnnxReader.read(OnnxBuilder.write(dir, "net.onnx", OnnxBuilder.model(g)));
    }

    @Test
    void boundariesAreNamedForWhereTheirTensorsComeFromAndGo() {
        ModelGraph layer = Views.apply(model(), LAYER_B2);
        assertEquals(Map.of("a1", "from b1", "h1", "from b1 (2)", "x", "x", "g", "from Sigmoid"),
                labels(layer.nodes(InputNode.class).stream().map(i -> List.of(i.tensor().name(), i.displayName()))
                        .toList()));
        assertEquals(Map.of("a2", "to head, Neg", "z", "z"),
                labels(layer.nodes(OutputNode.class).stream().map(o -> List.of(o.tensor().name(), o.displayName()))
                        .toList()));
    }

    @Test
    void rawTensorNamesStayInGraphmlAndInDotTooltips() {
        ModelGraph model = model();
        String dot = Drawing.draw("dot", model, LAYER_B2);
        assertTrue(dot.contains("<B>from b1</B>") && dot.contains("\"tooltip\"=\"a1\""), dot);
        assertTrue(dot.contains("<B>to head, Neg</B>") && dot.contains("\"tooltip\"=\"a2\""), dot);
        String graphml = Drawing.draw("graphml", model, LAYER_B2);
        assertTrue(graphml.contains(">from b1 (2)<") && graphml.contains(">h1<"), graphml);
        String mermaid = Drawing.draw("mermaid", model, LAYER_B2);
        assertTrue(mermaid.contains("from Sigmoid"), mermaid);
    }

    @Test
    void aLayerOfARealResnetNamesTheBlockBeforeAndTheStageAfter() throws IOException {
        Path file = TorchExports.resnet18();
        String mermaid = Nnviz.read(file).shapes(ShapeMode.RUN).view(View.defaults().layer("layer1.1")).format("mermaid").text();
        assertTrue(mermaid.contains("<b>from layer1.0</b>") && mermaid.contains("<b>to layer2</b>"), mermaid);
        assertFalse(mermaid.contains("_output_0"), "no raw tensor name is shown: " + mermaid);
        assertTrue(mermaid.contains("1×64×56×56"), "the shape is shown as before: " + mermaid);
        ModelGraph first = Views.apply(OnnxReader.read(file), new ViewOptions(null, List.of(), "conv1", false));
        assertEquals(List.of("input"), first.nodes(InputNode.class).stream().map(InputNode::displayName).toList(),
                "a model input keeps its own name");
        assertEquals(List.of("to relu"), first.nodes(OutputNode.class).stream().map(OutputNode::displayName).toList(),
                "the export folds bn1 into the Conv");
        ModelGraph last = Views.apply(OnnxReader.read(file), new ViewOptions(null, List.of(), "layer4", false));
        assertEquals(List.of("from layer3"), last.nodes(InputNode.class).stream().map(InputNode::displayName).toList());
        assertEquals(List.of("to avgpool"), last.nodes(OutputNode.class).stream().map(OutputNode::displayName)
                .toList());
    }

    private static Map<String, String> labels(List<List<String>> pairs) {
        Map<String, String> byTensor = new TreeMap<>();
        pairs.forEach(p -> byTensor.put(p.get(0), p.get(1)));
        return byTensor;
    }
}
