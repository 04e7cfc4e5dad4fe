package io.github.nnvizonnx.read;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operations whose torch names carry no scope go to the module all their neighbours share. */
class UnscopedPlacementTest {
    @TempDir
    Path dir;

    private static ModulePath scopeOf(ModelGraph g, String name) {
        return g.nodes(OperationNode.class).stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow()
                .scope();
    }

    /**
     * As a detection model's post-processing: Gather_12 → Squeeze_13 between two ops of roi_heads' submodules;
     * Identity_0 reads the model's input, Relu_20 feeds its output.
     */
    private Path detectionLike() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("torch_jit")
                .addInput(tensor("input", 1, 8)).addOutput(tensor("output", 1, 8))
                .addNode(node("Identity_0", "Identity", in("input"), "i"))
                .addNode(node("/roi_heads/box_head/Relu", "Relu", in("i"), "a"))
                .addNode(node("Gather_12", "Gather", in("a", "a"), "b"))
                .addNode(node("Squeeze_13", "Squeeze", in("b"), "c"))
                .addNode(node("/roi_heads/box_predictor/Neg", "Neg", in("c"), "d"))
                .addNode(node("/roi_heads/Add", "Add", in("d", "a"), "e"))
                .addNode(node("Relu_20", "Relu", in("e"), "output"));
        return write(dir, "detection-like.onnx", model(g));
    }

    @Test
    void aGroupWhoseNeighboursShareAModuleMovesThere() {
        ModelGraph g = OnnxReader.read(detectionLike());
        assertEquals("torch", g.info().hierarchy());
        assertEquals(ModulePath.of("roi_heads"), scopeOf(g, "Gather_12"));
        assertEquals(ModulePath.of("roi_heads"), scopeOf(g, "Squeeze_13"), "a chain moves as one");
    }

    @Test
    void operationsNextToTheModelsInputsAndOutputsStayAtTheTop() {
        ModelGraph g = OnnxReader.read(detectionLike());
        assertEquals(ModulePath.ROOT, scopeOf(g, "Identity_0"));
        assertEquals(ModulePath.ROOT, scopeOf(g, "Relu_20"));
    }

    @Test
    void aConventionThatReadsNoScopesMovesNothing() {
        ModelGraph g = OnnxReader.read(detectionLike(), new OnnxReader.Options("flat"));
        assertEquals(ModulePath.ROOT, scopeOf(g, "Gather_12"));
    }
}
