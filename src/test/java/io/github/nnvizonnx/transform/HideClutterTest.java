package io.github.nnvizonnx.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.RealModels;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HideClutterTest {
    private static long count(ModelGraph g, String opType) {
        return g.nodes(OperationNode.class).stream().filter(o -> o.opType().equals(opType)).count();
    }

    @Test
    void miniLmLosesConstantsAndShapeGlueButKeepsItsComputation() {
        ModelGraph full = OnnxReader.read(RealModels.miniLm());
        ModelGraph shown = HideClutter.apply(full);
        assertTrue(count(full, "Constant") > 50 && count(full, "Shape") > 10, "the export has both");
        assertEquals(0, count(shown, "Constant"));
        assertEquals(0, count(shown, "Shape"));
        for (String kept : List.of("MatMul", "Softmax", "Erf", "LayerNormalization")) {
            assertEquals(count(full, kept), count(shown, kept), kept + " is computation, not clutter");
        }
        // The position-embedding Gather computes with its own weights from a constant index: it stays.
        assertTrue(shown.nodes(OperationNode.class).stream().anyMatch(o -> o.name().contains("position_embeddings")));
        Set<Node> hidden = HideClutter.hiddenNodes(full);
        assertEquals(full.nodes().size() - hidden.size(), shown.nodes().size());
    }

    @Test
    void valuesReachingAnOutputAreNeverHidden() {
        var shapeModel = RealModels.BACKEND_CORPUS.resolve("node/test_shape/model.onnx");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(shapeModel) || RealModels.backendCorpus().isEmpty());
        ModelGraph g = OnnxReader.read(shapeModel);
        assertEquals(g.nodes().size(), HideClutter.apply(g).nodes().size(), "Shape feeds the output: kept");
        var constantModel = RealModels.BACKEND_CORPUS.resolve("node/test_constant/model.onnx");
        ModelGraph c = OnnxReader.read(constantModel);
        assertEquals(c.nodes().size(), HideClutter.apply(c).nodes().size());
    }

    @Test
    void showConstantsKeepsEverything() {
        ModelGraph full = OnnxReader.read(RealModels.miniLm());
        // the fold off: folding MiniLM's six identical layers into one is no clutter hiding
        ModelGraph all = Views.apply(full, new ViewOptions(null, List.of(), null, false, true, false, false,
                ViewOptions.DEFAULT_MAX_NODES));
        assertEquals(full.nodes().size(), all.nodes().size());
    }
}
