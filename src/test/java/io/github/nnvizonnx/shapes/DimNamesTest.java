package io.github.nnvizonnx.shapes;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.TensorShapeProto;
import io.github.nnvizonnx.proto.Onnx.TypeProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import io.github.nnvizonnx.read.OnnxReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dim names as exporters write them: paddle2onnx's {@code p2o.DynamicDimension.0} and nameless axes, tf2onnx's
 * {@code unk__12}, torch's {@code Gatheronnx::Shape_2464_dim_0} on an output, and a file's own words.
 */
class DimNamesTest {
    @TempDir
    Path dir;

    /** {@code ""} leaves the axis nameless; digits fix it. */
    private static ValueInfoProto tensor(String name, String... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (String d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d.matches("[0-9]+")) {
                dim.setDimValue(Long.parseLong(d));
            } else if (!d.isEmpty()) {
                dim.setDimParam(d);
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(1).setShape(shape))).build();
    }

    private ModelGraph generatedNames() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", "p2o.DynamicDimension.0", "3", "", "unk__12"))
                .addInput(tensor("scale", "batch_size"))
                .addOutput(tensor("y", "p2o.DynamicDimension.0", "Gatheronnx::Shape_2464_dim_0", "batch_size"))
                .addNode(node("relu", "Relu", in("x"), "r"))
                .addValueInfo(tensor("r", "p2o.DynamicDimension.0", "3", "", "unk__12"))
                .addNode(node("flat", "Flatten", in("r"), "y0"))
                .addNode(node("mul", "Mul", in("y0", "scale"), "y"));
        return OnnxReader.read(write(dir, "generated.onnx", model(g)));
    }

    private static ShapeOutcome declared(ModelGraph model, Map<String, Long> dims) {
        return new Shapes().apply(model, null, new ShapeRequest(ShapeMode.DECLARED, dims, List.of(),
                ShapeRequest.DEFAULT_MEMORY_LIMIT, ShapeRequest.DEFAULT_TIME_LIMIT), line -> { });
    }

    private static String input(ModelGraph g, String name) {
        return g.nodes(InputNode.class).stream().filter(n -> n.tensor().name().equals(name)).findFirst()
                .orElseThrow().tensor().shape().compact();
    }

    @Test
    void generatedNamesAreDrawnByRoleOrNumberAndTheFilesWordsStay() {
        ModelGraph g = declared(generatedNames(), Map.of()).model();
        assertEquals("N×3×H×W", input(g, "x"), "an image input's axes by their roles, the nameless one too");
        assertEquals("batch_size", input(g, "scale"), "a file's own words are kept");
        assertEquals("N×d0×batch_size", g.nodes(OutputNode.class).get(0).tensor().shape().compact(),
                "a generated name no input declares gets the next dN; the same symbol keeps one name everywhere");
        assertTrue(g.graph().edgeSet().stream().filter(e -> e.tensor().name().equals("r"))
                .allMatch(e -> e.tensor().shape().compact().equals("N×3×?×W")),
                "inside, a nameless axis stays unknown: only the input's own axis is known to be H");
    }

    @Test
    void dimsAreBoundByTheirDrawnNamesAsWellAsTheFilesNames() {
        ModelGraph model = generatedNames();
        assertEquals("2×3×48×W", input(declared(model, Map.of("N", 2L, "H", 48L)).model(), "x"));
        assertEquals("N×3×H×64", input(declared(model, Map.of("unk__12", 64L)).model(), "x"),
                "the file's name still binds");
        ShapeRequestException unknown = assertThrows(ShapeRequestException.class,
                () -> declared(model, Map.of("Q", 2L)));
        assertEquals("--dim Q: the model has no symbolic dim of that name (its symbolic dims: N, H, W, batch_size, d0)",
                unknown.getMessage(), "the names offered are the drawn ones, never a generated one");
    }
}
