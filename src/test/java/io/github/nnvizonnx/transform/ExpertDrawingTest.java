package io.github.nnvizonnx.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.emit.GithubFit;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.ConvertedModels;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.Graphviz;
import io.github.nnvizonnx.testsupport.MermaidRenderer;
import io.github.nnvizonnx.testsupport.RealModels;
import io.github.nnvizonnx.testsupport.TorchExports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default drawing of real exports is the figure an author would draw: repeated layers folded with their count,
 * detail chosen by the node budget, one node per module call, built-in layers whole.
 */
@Tag("slow") // real torch exports, Chromium and Graphviz: left out of the quick tier (-Pquick)
class ExpertDrawingTest {
    @TempDir
    Path dir;

    private static List<String> folds(ModelGraph drawn) {
        return drawn.modules().all().stream().filter(m -> m.fold() != null)
                .map(m -> m.fold().qualifiedRange() + " " + m.fold().countText()).toList();
    }

    private static boolean drawsModuleNode(ModelGraph drawn, String dotted) {
        return drawn.nodes(ModuleNode.class).stream().anyMatch(m -> m.module().path().dotted().equals(dotted));
    }

    @Test
    void miniLmFoldsItsSixLayersAndShowsOneLayerInsideAtDepthThree() {
        ModelGraph g = OnnxReader.read(RealModels.miniLm());
        ModelGraph drawn = Views.apply(g, ViewOptions.defaults());
        assertEquals(List.of("encoder.layer.0–5 ×6"), folds(drawn));
        assertTrue(drawn.nodes().size() <= ViewOptions.DEFAULT_MAX_NODES, "within the budget");
        assertTrue(drawn.nodes(OperationNode.class).stream().anyMatch(o -> o.opType().equals("Softmax")),
                "the budget opens the layer down to its attention's operations");

        ModelGraph depth3 = Views.apply(g, ViewOptions.defaults().withDepth(3));
        for (String part : List.of("attention", "intermediate", "output")) {
            assertTrue(drawsModuleNode(depth3, "encoder.layer.0." + part), part + " of the first layer");
        }
        assertFalse(drawsModuleNode(depth3, "encoder.layer.1.attention"), "the other layers are folded away");
        // the embeddings' LayerNorm, nine primitive operations of an unknown class, stays one node
        assertTrue(drawsModuleNode(Views.apply(g, ViewOptions.defaults().withDepth(4)), "embeddings.LayerNorm"));

        MermaidRenderer.Result rendered = MermaidRenderer.renderOne(Drawing.mermaidForGithub(g,
                ViewOptions.defaults()));
        assertTrue(rendered.ok(), rendered.error());
    }

    @Test
    void resnet34FoldsItsFirstStageAndTheTailsOfTheOthers() {
        ModelGraph g = OnnxReader.read(ConvertedModels.get("resnet34", null));
        assertEquals(List.of("layer1.0–2 ×3", "layer2.1–3 ×3", "layer3.1–5 ×5", "layer4.1–2 ×2"),
                folds(Views.prepare(g, ViewOptions.defaults())));
        // with its BatchNorms drawn, the budget opens the three larger stages; layer1 stays one box
        ModelGraph drawn = Views.apply(g, ViewOptions.defaults());
        assertEquals(List.of("layer2.1–3 ×3", "layer3.1–5 ×5", "layer4.1–2 ×2"), folds(drawn));
        assertEquals(List.of("layer1.0–2 ×3", "layer2.1–3 ×3", "layer3.1–5 ×5", "layer4.1–2 ×2"),
                folds(Views.apply(g, ViewOptions.defaults().withDepth(2))), "at depth 2 every stage is open");
        String dot = Drawing.draw("dot", g, ViewOptions.defaults());
        assertTrue(dot.contains("\"label\"=<layer3.1&#8211;5 (BasicBlock) &#215;5>"), dot);
        assertEquals(21.8, g.totalParameters() / 1e6, 0.1);
        Module fold = drawn.modules().require(ModulePath.of("layer3", "1"));
        long members = 0;
        for (ModulePath p : fold.fold().members()) {
            members += g.modules().require(p).parameterCount();
        }
        assertEquals(members, fold.parameterCount());
    }

    @Test
    void visionTransformerFoldsItsTwelveEncoderLayersAndKeepsLayerNormsWhole() {
        ModelGraph g = OnnxReader.read(TorchExports.export("vit_b_16", false, 13));
        ModelGraph drawn = Views.apply(g, ViewOptions.defaults());
        assertEquals(List.of("encoder.layers.encoder_layer_0–11 ×12"), folds(drawn));
        // at opset 13 a LayerNorm is nine primitive operations; torch.fx-based tools draw it as one node
        ModelGraph depth3 = Views.apply(g, ViewOptions.defaults().withDepth(3));
        assertTrue(drawsModuleNode(depth3, "encoder.ln"), "the final ln is one node");
        assertFalse(depth3.nodes(OperationNode.class).stream().anyMatch(o -> o.scope().equals(ModulePath.of(
                "encoder", "ln"))));
        ModelGraph all = Views.apply(g, ViewOptions.defaults().withDepth(null));
        assertTrue(all.nodes(OperationNode.class).stream().anyMatch(o -> o.scope().equals(ModulePath.of(
                "encoder", "ln")) && o.opType().equals("ReduceMean")), "--depth all shows its operations");
    }

    @Test
    void transformerEncodersAndEncoderDecodersFoldTheirLayers() {
        ModelGraph encoder = OnnxReader.read(ConvertedModels.get(ConvertedModels.transformers("Encoder"),
                "1x10x64"));
        assertEquals(List.of("encoder.layers.0–3 ×4"), folds(Views.apply(encoder, ViewOptions.defaults())));
        ModelGraph both = OnnxReader.read(ConvertedModels.get(ConvertedModels.transformers("EncoderDecoder"),
                "1x10x64"));
        List<String> folded = folds(Views.apply(both, ViewOptions.defaults()));
        assertTrue(folded.contains("transformer.encoder.layers.0–2 ×3"), "" + folded);
        // every decoder layer reads the encoder's output projected once, inside decoder layer 0: the exporter
        // shares that projection, so layer 0 differs (it computes it) and only 1–2 fold
        assertTrue(folded.contains("transformer.decoder.layers.1–2 ×2"), "" + folded);
    }

    @Test
    void convNextFoldsTheBlocksOfEachStage() {
        ModelGraph g = OnnxReader.read(ConvertedModels.get("convnext_tiny", null));
        List<String> folded = folds(Views.apply(g, ViewOptions.defaults()));
        assertEquals(List.of("features.1.0–2 ×3", "features.3.0–2 ×3", "features.5.0–8 ×9", "features.7.0–2 ×3"),
                folded);
    }

    @Test
    void aDetectionModelDrawsFewNodesByDefaultAndRendersForGithub() {
        ModelGraph g = OnnxReader.read(ConvertedModels.get("fasterrcnn_mobilenet_v3_large_fpn", null));
        ModelGraph drawn = Views.apply(g, ViewOptions.defaults());
        assertTrue(drawn.nodes().size() <= 80, "nodes by default: " + drawn.nodes().size());
        for (String head : List.of("rpn", "roi_heads")) {
            assertTrue(drawsModuleNode(drawn, head), head + ", a mass of loose operations, stays one node");
        }
        String mermaid = Drawing.mermaidForGithub(g, ViewOptions.defaults());
        assertTrue(mermaid.length() <= GithubFit.MAX_CHARACTERS);
        MermaidRenderer.Result rendered = MermaidRenderer.renderOne(mermaid);
        assertTrue(rendered.ok(), rendered.error());
        assertTrue(rendered.clusters() >= 3, "backbone, body, fpn");
    }

    @Test
    void aDetectionModelsPostProcessingIfsSitInTheHeadsThatUseThem() {
        ModelGraph g = OnnxReader.read(ConvertedModels.get("fasterrcnn_mobilenet_v3_large_fpn", null));
        List<ModulePath> regions = g.modules().all().stream().filter(m -> m.kind() == ModuleKind.CONTROL_FLOW)
                .map(Module::path).toList();
        assertTrue(regions.size() >= 4, "the proposal filters' Ifs and roi_align's: " + regions);
        for (ModulePath region : regions) {
            String head = region.segments().get(0);
            assertTrue(head.equals("rpn") || head.equals("roi_heads"), region + " sits in the head that uses it");
        }
        assertTrue(regions.stream().anyMatch(r -> r.length() == 2 && r.segments().get(0).equals("rpn")),
                "rpn filters its proposals itself: " + regions);
    }

    @Test
    void aBlockCallingItsReluTwiceDrawsTwoReluNodesWithEveryEdgeForward() throws Exception {
        Graphviz.require();
        ModelGraph g = OnnxReader.read(TorchExports.resnet18());
        ViewOptions block = new ViewOptions(null, List.of(), "layer1.0", false, false, true, false,
                ViewOptions.DEFAULT_MAX_NODES); // --layer layer1.0 --depth all
        ModelGraph drawn = Views.apply(g, block);
        List<OperationNode> relus = drawn.nodes(OperationNode.class).stream()
                .filter(o -> o.opType().equals("Relu")).toList();
        assertEquals(List.of(ModulePath.of("relu"), ModulePath.of("relu#2")),
                relus.stream().map(Node::scope).toList());

        String dot = Drawing.draw("dot", g, block);
        Path dotFile = Files.writeString(dir.resolve("block.dot"), dot);
        Path plain = dir.resolve("block.plain");
        Graphviz.Outcome outcome = Graphviz.run(dotFile, "plain", plain);
        assertTrue(outcome.ok(), outcome.messages());
        Map<String, Double> x = new HashMap<>();
        int edges = 0;
        for (String line : Files.readAllLines(plain)) {
            String[] f = line.split(" ");
            if (f[0].equals("node")) {
                x.put(f[1], Double.parseDouble(f[2]));
            } else if (f[0].equals("edge")) {
                edges++;
                assertTrue(x.get(f[2]) > x.get(f[1]), "edge " + f[1] + " → " + f[2] + " points backwards");
            }
        }
        assertEquals(drawn.graph().edgeSet().size(), edges);
    }
}
