package io.github.nnvizonnx.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModelInfo;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import io.github.nnvizonnx.transform.ViewOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsTest {
    private static final DrawOptions DTYPES = DrawOptions.defaults().withShowDtypes(true);
    private static final TensorInfo IMAGE = new TensorInfo("x", "float32", Shape.of(1, 3, 224, 224));

    @Test
    void tensorsAreCompactWithDtypesOnlyWhenAsked() {
        assertEquals("1×3×224×224", Labels.tensor(IMAGE, DrawOptions.defaults()));
        assertEquals("float32 1×3×224×224", Labels.tensor(IMAGE, DTYPES));
        assertEquals("int64", Labels.tensor(new TensorInfo("ids", "int64", null), DTYPES));
        assertEquals("", Labels.tensor(new TensorInfo("ids", "int64", null), DrawOptions.defaults()));
        assertEquals("batch×?", Labels.tensor(new TensorInfo("h", null,
                new Shape(List.of(Dim.symbolic("batch"), Dim.UNKNOWN))), DTYPES));
        assertEquals("scalar", Labels.tensor(new TensorInfo("s", null, Shape.of()), DTYPES));
    }

    @Test
    void aClassIsShownOnceWhenTheNameAlreadySaysIt() {
        assertTrue(Labels.namesClass("Conv2d", "Conv2d"));
        assertTrue(Labels.namesClass("Sequential_2", "Sequential"));
        assertTrue(Labels.namesClass("BasicBlock_0–1", "BasicBlock"), "a fold's range");
        assertTrue(!Labels.namesClass("conv1", "Conv2d"));
        assertTrue(!Labels.namesClass("Sequential_x", "Sequential"));
        assertTrue(!Labels.namesClass("Sequential_", "Sequential"));
        assertTrue(!Labels.namesClass("SequentialBlock", "Sequential"));
    }

    @Test
    void edgeShapesFollowTheShapesStyle() {
        ModelGraph model = new ModelGraph.Builder(new ModelInfo("t", 8, "", "", Map.of(), Map.of(), "g", "flat"))
                .build();
        TensorEdge edge = new TensorEdge(IMAGE);
        assertEquals("float32 1×3×224×224", Labels.edge(Diagram.of(model, DTYPES), edge));
        DrawOptions noShapes = new DrawOptions(Direction.LR, DTYPES.style().with("shapes", "false"), false, true);
        assertEquals("", Labels.edge(Diagram.of(model, noShapes), edge));
    }

    @Test
    void aLoneOperationIsNamedAfterItsInnermostModuleWithAClass(@TempDir Path dir) {
        // As torchvision's efficientnet ends: classifier (Sequential) holds only classifier.1 (Linear), which holds
        // only the Gemm. pool (a class) holds only pool.inner (no class); stem.conv is the innermost of two classless.
        GraphProto.Builder graph = GraphProto.newBuilder().setName("main_graph")
                .addInput(OnnxBuilder.tensor("x", 1, 8)).addOutput(OnnxBuilder.tensor("y", 1, 4))
                .addNode(OnnxBuilder.node("/stem/conv/Relu", "Relu", OnnxBuilder.in("x"), "c"))
                .addNode(OnnxBuilder.node("/pool/inner/Neg", "Neg", OnnxBuilder.in("c"), "p"))
                .addNode(OnnxBuilder.node("/classifier/classifier.1/Gemm", "Gemm", OnnxBuilder.in("p"), "y"));
        String classes = """
                {"classifier": {"class": "torch.nn.modules.container.Sequential", "parameters": 36},
                 "classifier.1": {"class": "torch.nn.modules.linear.Linear", "parameters": 36},
                 "pool": {"class": "torch.nn.modules.pooling.AdaptiveAvgPool2d", "parameters": 0}}""";
        ModelGraph model = OnnxReader.read(OnnxBuilder.write(dir, "nested-singles.onnx", OnnxBuilder.model(graph)
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("nnviz.modules").setValue(classes))));
        for (ViewOptions view : List.of(ViewOptions.defaults(), ViewOptions.everything())) {
            String mermaid = Drawing.mermaid(model, view);
            assertTrue(mermaid.contains("<b>Gemm</b><br/>classifier.1 (Linear)"), mermaid);
            assertTrue(mermaid.contains("<b>Neg</b><br/>pool (AdaptiveAvgPool2d)"), mermaid);
            assertTrue(mermaid.contains("<b>Relu</b><br/>conv\""), mermaid);
        }
    }

    @Test
    void mermaidShowsDtypesOnEdgesAndInputs() throws IOException {
        InputNode input = new InputNode("i", IMAGE, ModulePath.ROOT);
        OperationNode relu = new OperationNode("r", "relu", "Relu", "", List.of(), ModulePath.ROOT, 0);
        ModelGraph model = new ModelGraph.Builder(new ModelInfo("t", 8, "", "", Map.of(), Map.of(), "g", "flat"))
                .addNode(input).addNode(relu).addEdge(input, relu, IMAGE, true).build();
        StringBuilder out = new StringBuilder();
        new MermaidEmitter().write(Diagram.of(model, DTYPES), out);
        assertTrue(out.toString().contains("-->|\"float32 1×3×224×224\"|"), out.toString());
        assertTrue(out.toString().contains("<b>x</b><br/>float32 1×3×224×224"), out.toString());
    }
}
