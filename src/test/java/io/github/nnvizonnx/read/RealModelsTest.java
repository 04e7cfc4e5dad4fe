package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.MermaidRenderer;
import io.github.nnvizonnx.testsupport.RealModels;
import io.github.nnvizonnx.testsupport.TorchExports;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The hierarchy rebuilt from real exports, checked against what their source code defines. */
@Tag("slow") // real exports, torch when installed: left out of the quick tier (-Pquick)
class RealModelsTest {
    private static List<String> childNames(ModelGraph g, ModulePath path) {
        return g.modules().children(path).stream().map(Module::displayName).toList();
    }

    @Test
    void miniLmHasEmbeddingsEncoderAndSixLayers() {
        ModelGraph g = OnnxReader.read(RealModels.miniLm());
        assertEquals("torch", g.info().hierarchy());
        assertTrue(childNames(g, ModulePath.ROOT).containsAll(List.of("embeddings", "encoder")));
        assertEquals(List.of("layer.0", "layer.1", "layer.2", "layer.3", "layer.4", "layer.5"),
                childNames(g, ModulePath.of("encoder")));
        assertTrue(childNames(g, ModulePath.of("encoder", "layer.0")).containsAll(
                List.of("attention", "intermediate", "output")));
        assertTrue(childNames(g, ModulePath.of("encoder", "layer.0", "attention")).contains("self"));
        // 22.7M parameters in all; each layer holds 1.77M of them.
        assertTrue(g.totalParameters() > 22_000_000 && g.totalParameters() < 23_500_000, "" + g.totalParameters());
        long layer = g.modules().require(ModulePath.of("encoder", "layer.3")).parameterCount();
        assertTrue(layer > 1_700_000 && layer < 1_800_000, "layer.3 parameters " + layer);

        ModelGraph depth2 = Views.apply(g, new ViewOptions(2, List.of(), null, false).withFold(false));
        List<String> layerBoxes = depth2.nodes(ModuleNode.class).stream()
                .filter(m -> m.scope().equals(ModulePath.of("encoder"))).map(m -> m.module().title()).toList();
        assertEquals(List.of("layer.0", "layer.1", "layer.2", "layer.3", "layer.4", "layer.5"), layerBoxes);
        ModelGraph folded = Views.apply(g, new ViewOptions(2, List.of(), null, false));
        List<ModuleNode> foldBoxes = folded.nodes(ModuleNode.class).stream()
                .filter(m -> m.scope().equals(ModulePath.of("encoder"))).toList();
        assertEquals(1, foldBoxes.size(), "the six identical layers are one box");
        assertEquals("layer.0–5", foldBoxes.get(0).module().title());
        assertEquals(6, foldBoxes.get(0).module().fold().count());
        assertEquals(6 * layer, foldBoxes.get(0).parameterCount(), "a fold's parameters are its members'");

        MermaidRenderer.Result rendered = MermaidRenderer.renderOne(Drawing.mermaid(g, ViewOptions.defaults()));
        assertTrue(rendered.ok(), rendered.error());
        assertTrue(rendered.clusters() >= 3, "embeddings, encoder, pooler boxes: " + rendered.clusters());
    }

    @Test
    void torchResnet18HasFourStagesOfTwoBlocks() {
        ModelGraph g = OnnxReader.read(TorchExports.resnet18());
        assertEquals("torch", g.info().hierarchy());
        for (String stage : List.of("layer1", "layer2", "layer3", "layer4")) {
            assertEquals(List.of("0", "1"), childNames(g, ModulePath.of(stage)), stage);
        }
        assertEquals(List.of("conv1", "relu", "maxpool"), childNames(g, ModulePath.ROOT).subList(0, 3));
        assertTrue(childNames(g, ModulePath.of("layer2", "0")).contains("downsample"));
        assertTrue(g.totalParameters() > 11_000_000 && g.totalParameters() < 12_000_000);

        String mermaid = Drawing.mermaid(g, ViewOptions.defaults());
        MermaidRenderer.Result rendered = MermaidRenderer.renderOne(mermaid);
        assertTrue(rendered.ok(), rendered.error());
        // layer1..4, each opened by the budget: layer1 holds one fold of its two identical blocks, the others a
        // first block (with its downsample) and a second; single-op modules (conv1, fc, downsample) are labelled nodes
        assertEquals(4 + 1 + 3 * 2, rendered.clusters(), mermaid);
        assertTrue(mermaid.contains("layer1.0–1 ×2"), mermaid);
    }

    @Test
    void torchResnet18WithFunctionsHasClassNamedBlocks() {
        ModelGraph g = OnnxReader.read(TorchExports.resnet18Functions());
        for (String stage : List.of("layer1", "layer2", "layer3", "layer4")) {
            Module m = g.modules().require(ModulePath.of(stage));
            assertEquals(ModuleKind.FUNCTION, m.kind(), stage);
            assertEquals("Sequential", m.className());
            List<Module> blocks = g.modules().children(ModulePath.of(stage));
            assertEquals(2, blocks.size(), stage);
            blocks.forEach(b -> assertEquals("BasicBlock", b.className()));
        }
        MermaidRenderer.Result rendered = MermaidRenderer.renderOne(Drawing.mermaid(g, ViewOptions.everything()));
        assertTrue(rendered.ok(), rendered.error());
    }

    @Test
    void deepTorchvisionNetworkIsReadableAtDefaultSettings() throws Exception {
        ModelGraph g = OnnxReader.read(TorchExports.export("efficientnet_b0", false));
        assertEquals(List.of("features", "avgpool", "classifier"), childNames(g, ModulePath.ROOT));
        assertEquals(9, g.modules().children(ModulePath.of("features")).size(), "features.0 … features.8");
        ModelGraph view = Views.apply(g, ViewOptions.defaults().withDepth(2));
        assertTrue(view.graph().vertexSet().size() <= 20, "one node per stage: " + view.graph().vertexSet().size());
        List<String> stages = view.nodes(ModuleNode.class).stream().map(m -> m.module().title()).toList();
        assertEquals("features.0", stages.get(0));
        assertEquals("features.8", stages.get(stages.size() - 1));
        ModelGraph budgeted = Views.apply(g, ViewOptions.defaults());
        assertTrue(budgeted.nodes().size() <= ViewOptions.DEFAULT_MAX_NODES, "within the budget: "
                + budgeted.nodes().size());
        String mermaid = Drawing.mermaidForGithub(g, ViewOptions.defaults());
        // The final Gemm is alone in classifier and in classifier.1 (Linear): it is named after the inner one.
        assertTrue(mermaid.contains("<b>Gemm</b><br/>classifier.1"), mermaid);
        MermaidRenderer.Result rendered = MermaidRenderer.renderOne(mermaid);
        assertTrue(rendered.ok(), rendered.error());
        MermaidRenderer.Result depth4 = MermaidRenderer.renderOne(Drawing.mermaidForGithub(g,
                ViewOptions.defaults().withDepth(4)));
        assertTrue(depth4.ok(), depth4.error());
    }
}
