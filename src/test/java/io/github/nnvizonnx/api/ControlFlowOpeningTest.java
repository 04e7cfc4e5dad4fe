package io.github.nnvizonnx.api;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.graphAttribute;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.testsupport.InlinedIfModel;
import io.github.nnvizonnx.testsupport.RealModels;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** If/Loop/Scan are opened by default when their black boxes would hide more than half of the operations. */
class ControlFlowOpeningTest {
    @TempDir
    Path dir;

    @Test
    void aModelInsideOneIfDrawsItsBranchesModulesByDefault() throws IOException {
        Drawing drawing = Nnviz.read(InlinedIfModel.write(dir, "vad.onnx")).format("json").draw();

        assertTrue(drawing.view().expandSubgraphs());
        assertEquals("; If_0 drawn open: it holds 34 of the 37 operations (--collapse If_0 closes it)",
                drawing.controlFlowNote());
        ModelGraph drawn = drawing.diagram().model();
        assertTrue(drawn.nodes(ModuleNode.class).stream().noneMatch(m -> m.module().path().equals(
                ModulePath.of("If_0"))), "the If is not one black box");
        for (String module : new String[] {"If_0.then_branch.stft", "If_0.then_branch.encoder",
                "If_0.else_branch.decoder"}) {
            assertTrue(drawn.modules().find(module).isPresent(), module + " is drawn");
        }
    }

    @Test
    void collapseClosesTheOpenedIf() throws IOException {
        Drawing drawing = Nnviz.read(InlinedIfModel.write(dir, "vad.onnx")).view(View.defaults().collapse("If_0"))
                .format("json").draw();

        assertEquals("", drawing.controlFlowNote());
        assertTrue(drawing.diagram().model().nodes(ModuleNode.class).stream()
                .anyMatch(m -> m.module().path().equals(ModulePath.of("If_0"))));
    }

    @Test
    void aSmallIfInALargerModelStaysABlackBox() throws IOException {
        GraphProto then = GraphProto.newBuilder().setName("then").addOutput(tensor("t", 2))
                .addNode(node("then_neg", "Neg", in("h"), "t")).build();
        GraphProto otherwise = GraphProto.newBuilder().setName("else").addOutput(tensor("e", 2))
                .addNode(node("else_abs", "Abs", in("h"), "e")).build();
        GraphProto.Builder g = GraphProto.newBuilder().setName("g").addInput(tensor("cond")).addInput(tensor("x", 2))
                .addOutput(tensor("y", 2))
                .addNode(node("relu", "Relu", in("x"), "a")).addNode(node("sigmoid", "Sigmoid", in("a"), "b"))
                .addNode(node("tanh", "Tanh", in("b"), "h"))
                .addNode(node("choose", "If", in("cond"), "y").addAttribute(graphAttribute("then_branch", then))
                        .addAttribute(graphAttribute("else_branch", otherwise)));
        Drawing drawing = Nnviz.read(write(dir, "small-if.onnx", model(g))).format("json").draw();

        assertFalse(drawing.view().expandSubgraphs(), "the branches hold 2 of 6 operations");
        assertEquals("", drawing.controlFlowNote());
    }

    @Test
    void theCorpusLoopIsOpenedAndExpandingByHandSaysNothing() throws IOException {
        Path loop = RealModels.BACKEND_CORPUS.resolve("node/test_loop11/model.onnx");
        Drawing drawing = Nnviz.read(loop).format("json").draw();
        assertTrue(drawing.view().expandSubgraphs());
        assertTrue(drawing.controlFlowNote().contains(" drawn open: it holds "), drawing.controlFlowNote());
        assertTrue(drawing.diagram().model().nodes(OperationNode.class).stream()
                .anyMatch(op -> op.opType().equals("Loop")));

        Drawing asked = Nnviz.read(loop).view(View.defaults().expandSubgraphs(true)).format("json").draw();
        assertEquals("", asked.controlFlowNote());
    }
}
