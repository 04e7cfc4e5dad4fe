package io.github.nnvizonnx.read;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
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

    /**
     * As a detection model's proposal filtering: {@code If_7} without a scope reads a condition made in rpn, its
     * else branch captures a value of rpn, and its result goes on in rpn.
     */
    private Path unscopedIf() {
        GraphProto.Builder thenBranch = GraphProto.newBuilder().setName("then")
                .addOutput(tensor("t", 1, 8)).addNode(node("Identity_8", "Identity", in("a"), "t"));
        GraphProto.Builder elseBranch = GraphProto.newBuilder().setName("else")
                .addOutput(tensor("f", 1, 8)).addNode(node("Neg_9", "Neg", in("a"), "f"));
        GraphProto.Builder g = GraphProto.newBuilder().setName("torch_jit")
                .addInput(tensor("input", 1, 8)).addOutput(tensor("output", 1, 8))
                .addNode(node("/rpn/head/Relu", "Relu", in("input"), "a"))
                .addNode(node("/rpn/ReduceMax", "ReduceMax", in("a"), "m"))
                .addNode(node("Cast_6", "Cast", in("m"), "cond"))
                .addNode(node("If_7", "If", in("cond"), "r")
                        .addAttribute(OnnxBuilder.graphAttribute("then_branch", thenBranch.build()))
                        .addAttribute(OnnxBuilder.graphAttribute("else_branch", elseBranch.build())))
                .addNode(node("/rpn/Slice", "Abs", in("r"), "s"))
                .addNode(node("/rpn/Add", "Add", in("s", "a"), "output"));
        return write(dir, "unscoped-if.onnx", model(g));
    }

    @Test
    void anIfWithoutAScopeMovesWithItsBodiesToTheModuleAroundIt() {
        ModelGraph g = OnnxReader.read(unscopedIf());
        assertEquals(ModulePath.of("rpn"), scopeOf(g, "Cast_6"), "the condition's chain goes along");
        assertEquals(ModulePath.of("rpn", "If_7"), scopeOf(g, "If_7"), "the If stands in its region, under rpn");
        assertEquals(ModulePath.of("rpn", "If_7", "else_branch"), scopeOf(g, "Neg_9"), "its body goes with it");
        assertTrue(g.modules().all().stream().noneMatch(m -> m.path().equals(ModulePath.of("If_7"))),
                "no region is left at the top: " + g.modules().all());
    }

    @Test
    void aConventionThatReadsNoScopesMovesNothing() {
        ModelGraph g = OnnxReader.read(detectionLike(), new OnnxReader.Options("flat"));
        assertEquals(ModulePath.ROOT, scopeOf(g, "Gather_12"));
    }
}
