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
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    void edgeShapesFollowTheShapesStyle() {
        ModelGraph model = new ModelGraph.Builder(new ModelInfo("t", 8, "", "", Map.of(), Map.of(), "g", "flat"))
                .build();
        TensorEdge edge = new TensorEdge(IMAGE);
        assertEquals("float32 1×3×224×224", Labels.edge(new Diagram(model, DTYPES), edge));
        DrawOptions noShapes = new DrawOptions(Direction.LR, DTYPES.style().with("shapes", "false"), false, true);
        assertEquals("", Labels.edge(new Diagram(model, noShapes), edge));
    }

    @Test
    void mermaidShowsDtypesOnEdgesAndInputs() throws IOException {
        InputNode input = new InputNode("i", IMAGE, ModulePath.ROOT);
        OperationNode relu = new OperationNode("r", "relu", "Relu", "", List.of(), ModulePath.ROOT, 0);
        ModelGraph model = new ModelGraph.Builder(new ModelInfo("t", 8, "", "", Map.of(), Map.of(), "g", "flat"))
                .addNode(input).addNode(relu).addEdge(input, relu, IMAGE, true).build();
        StringBuilder out = new StringBuilder();
        new MermaidEmitter().write(new Diagram(model, DTYPES), out);
        assertTrue(out.toString().contains("-->|\"float32 1×3×224×224\"|"), out.toString());
        assertTrue(out.toString().contains("<b>x</b><br/>float32 1×3×224×224"), out.toString());
    }
}
