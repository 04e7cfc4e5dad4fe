package io.github.nnvizonnx.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.api.Drawing;
import io.github.nnvizonnx.api.Nnviz;
import io.github.nnvizonnx.api.View;
import io.github.nnvizonnx.model.Change;
import io.github.nnvizonnx.model.ChangeKind;
import io.github.nnvizonnx.model.DiffSummary;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.RealModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comparisons of real models that need no torch: the quantized MiniLM, and models against themselves. */
class ModelDiffTest {
    @Test
    void quantizedMiniLmShowsItsLayersChangedToInt8WithNoLayerAddedOrRemoved() throws Exception {
        Drawing drawing = Nnviz.diff(RealModels.miniLm(), RealModels.miniLmQuantized())
                .view(View.defaults().depth(2)).format("mermaid").draw();
        List<String> layers = new ArrayList<>();
        for (Node n : drawing.diagram().nodes()) {
            Change change = drawing.diagram().change(n);
            if (n instanceof ModuleNode m && m.module().path().dotted().startsWith("encoder.layer.")) {
                layers.add(m.module().title());
                assertNotNull(change, m.module().title() + " is changed");
                assertEquals(ChangeKind.CHANGED, change.kind());
                assertTrue(change.detail().contains("weights float32 → int8"), change.detail());
            }
            if (n.scope().dotted().startsWith("encoder")) {
                assertTrue(change == null || change.kind() == ChangeKind.CHANGED, n + ": " + change);
            }
        }
        assertFalse(layers.isEmpty(), "the six layers are drawn (folded) at depth 2");
        DiffSummary summary = drawing.diffSummary();
        assertTrue(summary.operationsChanged() > 0 && summary.parametersAfter() < summary.parametersBefore(),
                summary.line());
        // what the quantized file really lacks: the pooler, and its output
        ModulePath pooler = ModulePath.of("pooler");
        assertEquals(ChangeKind.REMOVED, drawing.diagram().sourceChanges().ofModule(pooler).kind());
    }

    @Test
    void quantizedMatMulsAreMatchedWithTheirFloatOriginalsAsChangedOperations() {
        ModelGraph old = OnnxReader.read(RealModels.miniLm());
        ModelGraph neu = OnnxReader.read(RealModels.miniLmQuantized());
        ModelDiff diff = ModelDiff.of(old, neu);
        int changedToInteger = 0;
        for (Node n : neu.nodes()) {
            Change change = diff.marks().ofNode(n);
            if (change != null && change.detail().startsWith("MatMul → MatMulInteger")) {
                changedToInteger++;
            }
        }
        // six layers, each with query, key, value, attention output, intermediate and output dense
        assertEquals(36, changedToInteger);
    }

    @Test
    void aModelComparedWithItselfIsIdentical() throws Exception {
        for (Path model : List.of(RealModels.miniLm(), RealModels.paddleOcr("ch_PP-OCRv4_det_infer"))) {
            Drawing drawing = Nnviz.diff(model, model).draw();
            DiffSummary summary = drawing.diffSummary();
            assertTrue(summary.identical(), summary.line());
            assertTrue(summary.line().endsWith("are identical"), summary.line());
            for (Node n : drawing.diagram().nodes()) {
                assertNull(drawing.diagram().change(n), n.id());
            }
            assertTrue(drawing.diagram().changeKinds().isEmpty());
        }
    }

    @Test
    void ghostsOfRemovedPartsSitInTheNewModelWhereTheyWere() {
        ModelGraph old = OnnxReader.read(RealModels.miniLm());
        ModelGraph neu = OnnxReader.read(RealModels.miniLmQuantized());
        ModelGraph merged = ModelDiff.of(old, neu).merged();
        // the pooler comes after the encoder, as in the float model
        List<String> topLevel = merged.modules().children(ModulePath.ROOT).stream().map(Module::displayName).toList();
        assertEquals(List.of("embeddings", "encoder", "pooler"), topLevel);
        // its operations are there, joined to the encoder's output
        long poolerOps = merged.nodes().stream().filter(n -> n.scope().dotted().startsWith("pooler")).count();
        assertTrue(poolerOps >= 3, "Gather, Gemm, Tanh of the pooler: " + poolerOps);
        assertTrue(merged.graph().edgeSet().stream().anyMatch(e -> merged.graph().getEdgeTarget(e).scope()
                .dotted().startsWith("pooler") && merged.graph().getEdgeSource(e).scope().dotted()
                .startsWith("encoder")));
    }
}
