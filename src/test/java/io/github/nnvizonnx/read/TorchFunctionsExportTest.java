package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.TorchExports;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real torch 1.13 exports with {@code export_modules_as_functions=True}, where the main graph is one call of the
 * model's own class, and with a set of classes; and a plain export whose scripted helper torch writes without scopes.
 */
@Tag("slow") // torch exports: left out of the quick tier (-Pquick)
class TorchFunctionsExportTest {
    /** A name followed by its own class in parentheses: {@code Conv2d (Conv2d)}, {@code Sequential_1 (Sequential)}. */
    private static final Pattern CLASS_TWICE = Pattern.compile("\\b(\\w+?)(_\\d+)? \\(\\1\\)");

    private static List<Module> children(ModelGraph g, ModulePath path) {
        return g.modules().children(path);
    }

    private static List<String> names(List<Module> modules) {
        return modules.stream().map(m -> m.path().last()).toList();
    }

    private static void assertClassShownOnce(String drawing) {
        Matcher twice = CLASS_TWICE.matcher(drawing);
        assertFalse(twice.find(), () -> twice.group() + " in\n" + drawing);
    }

    @Test
    void resnet18WithEveryClassAsAFunctionIsRootedAtResNet() {
        TorchExports.requireTorch();
        ModelGraph g = OnnxReader.read(TorchExports.resnet18EveryClassAsFunction());
        assertEquals("functions", g.info().hierarchy());
        assertEquals("ResNet", g.modules().root().className());
        List<Module> top = children(g, ModulePath.ROOT);
        assertFalse(names(top).contains("fc"), "no box named after the last layer: " + names(top));
        List<Module> stages = top.stream().filter(m -> "Sequential".equals(m.className())).toList();
        assertEquals(List.of("Sequential_0", "Sequential_1", "Sequential_2", "Sequential_3"), names(stages));
        for (Module stage : stages) {
            assertEquals(ModuleKind.FUNCTION, stage.kind());
            List<Module> blocks = children(g, stage.path());
            assertEquals(List.of("BasicBlock_0", "BasicBlock_1"), names(blocks), stage.path().dotted());
            blocks.forEach(b -> assertEquals("BasicBlock", b.className()));
        }
        // layer2's first block keeps its downsample as a box of its own
        Module downsample = children(g, stages.get(1).path().child("BasicBlock_0")).stream()
                .filter(m -> "Sequential".equals(m.className())).findFirst().orElseThrow();
        assertTrue(children(g, downsample.path()).size() >= 1, "the downsample's convolution is inside it");
        assertTrue(g.totalParameters() > 11_000_000 && g.totalParameters() < 12_000_000, "" + g.totalParameters());

        ModelGraph depth1 = Views.apply(g, ViewOptions.defaults().withDepth(1).withFold(false));
        List<String> drawnStages = depth1.nodes(ModuleNode.class).stream().map(m -> m.module().title())
                .filter(t -> t.startsWith("Sequential")).toList();
        assertEquals(4, drawnStages.size(), "depth 1 shows the model's children: " + drawnStages);
        assertClassShownOnce(Drawing.mermaid(g, ViewOptions.everything()));
        assertClassShownOnce(Drawing.mermaid(g, ViewOptions.defaults()));
    }

    @Test
    void transformerWithEveryClassAsAFunctionIsRootedAtTheEncoder() {
        TorchExports.requireTorch();
        ModelGraph g = OnnxReader.read(TorchExports.transformerEncoderEveryClassAsFunction());
        assertEquals("functions", g.info().hierarchy());
        assertEquals("TransformerEncoder", g.modules().root().className());
        List<Module> layers = children(g, ModulePath.ROOT).stream()
                .filter(m -> "TransformerEncoderLayer".equals(m.className())).toList();
        assertEquals(List.of("TransformerEncoderLayer_0", "TransformerEncoderLayer_1"), names(layers));
        assertTrue(children(g, layers.get(0).path()).stream()
                .anyMatch(m -> "MultiheadAttention".equals(m.className())), names(children(g, layers.get(0).path())).toString());
        assertClassShownOnce(Drawing.mermaid(g, ViewOptions.everything()));
    }

    @Test
    void transformerWithItsLayerClassAsAFunctionKeepsTorchsNames() {
        TorchExports.requireTorch();
        ModelGraph g = OnnxReader.read(TorchExports.transformerEncoderFunctions());
        assertEquals("torch", g.info().hierarchy());
        assertEquals(null, g.modules().root().className(), "the model's class is not a function here");
        List<Module> layers = g.modules().all().stream()
                .filter(m -> "TransformerEncoderLayer".equals(m.className())).toList();
        assertEquals(2, layers.size(), names(List.copyOf(g.modules().all())).toString());
        assertClassShownOnce(Drawing.mermaid(g, ViewOptions.everything()));
    }

    @Test
    void scriptedPostProcessingSitsInTheModuleAroundIt() {
        TorchExports.requireTorch();
        ModelGraph g = OnnxReader.read(TorchExports.scriptedPostProcessing());
        assertEquals("torch", g.info().hierarchy());
        List<OperationNode> unscoped = g.nodes(OperationNode.class).stream()
                .filter(n -> !n.name().startsWith("/")).toList();
        assertFalse(unscoped.isEmpty(), "torch writes the scripted helper's operations without a scope");
        for (OperationNode n : unscoped) {
            assertEquals(ModulePath.of("roi_heads"), n.scope(), n.name());
        }
    }
}
