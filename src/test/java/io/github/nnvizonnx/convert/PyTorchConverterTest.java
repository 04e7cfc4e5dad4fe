package io.github.nnvizonnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.Parameter;
import io.github.nnvizonnx.read.ModuleClassMap;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.ConverterFixtures;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.TorchExports;
import io.github.nnvizonnx.transform.ViewOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converter run for real: Debian's python with torch 1.13 exports, the reader reads the class map back. */
@Tag("slow") // real torch exports: left out of the quick tier (-Pquick)
class PyTorchConverterTest {
    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private ConversionSettings settings(String python, String input, Path cache) {
        return new ConversionSettings(python, input, cache, Duration.ofMinutes(5), true, log::add);
    }

    private Converter.Export convert(String spec, String input, Path cache) {
        return new PyTorchConverter().convert(ModelSpec.recognise(spec).orElseThrow(),
                settings(TorchExports.PYTHON, input, cache));
    }

    private static Module module(ModelGraph g, String dotted) {
        return g.modules().find(dotted).orElseThrow(() -> new AssertionError("no module " + dotted));
    }

    @Test
    void batchNormStaysVisibleUnlessTheDeployedFormIsAsked() {
        TorchExports.requireTorch();
        ModelGraph asWritten = OnnxReader.read(convert("resnet18", null, ConverterFixtures.sharedCache()).onnx());
        assertEquals(20, countOps(asWritten, "BatchNormalization"), "every BatchNorm2d of resnet18, in its module");
        assertEquals("BatchNorm2d", module(asWritten, "layer1.0.bn1").className());
        ConversionSettings deployed = new ConversionSettings(TorchExports.PYTHON, null,
                ConverterFixtures.sharedCache(), Duration.ofMinutes(5), true, log::add, true);
        ModelGraph fused = OnnxReader.read(new PyTorchConverter().convert(ModelSpec.recognise("resnet18")
                .orElseThrow(), deployed).onnx());
        assertEquals(0, countOps(fused, "BatchNormalization"), "folded into the convolutions");
        assertEquals(countOps(asWritten, "Conv"), countOps(fused, "Conv"));
    }

    private static long countOps(ModelGraph g, String opType) {
        return g.nodes(io.github.nnvizonnx.model.OperationNode.class).stream()
                .filter(op -> op.opType().equals(opType)).count();
    }

    @Test
    void resnet18CarriesBlockAndLayerClasses() {
        TorchExports.requireTorch();
        ModelGraph g = OnnxReader.read(convert("resnet18", null, ConverterFixtures.sharedCache()).onnx());

        assertEquals("torch", g.info().hierarchy());
        assertTrue(g.info().metadata().containsKey(ModuleClassMap.METADATA_KEY));
        assertEquals("ResNet", g.modules().root().className());
        assertEquals("torchvision.models.resnet.BasicBlock", module(g, "layer1.0").qualifiedClassName());
        assertEquals("BasicBlock", module(g, "layer4.1").className());
        assertEquals("Sequential", module(g, "layer2").className());
        assertEquals("Sequential", module(g, "layer2.0.downsample").className());
        assertEquals("Conv2d", module(g, "layer2.0.downsample.0").className());
        assertEquals("Linear", module(g, "fc").className());

        ViewOptions depth2 = ViewOptions.defaults().withDepth(2).withFold(false);
        String mermaid = Drawing.mermaid(g, depth2);
        assertTrue(mermaid.contains("[\"layer1 (Sequential)\"]"), mermaid);
        assertTrue(mermaid.contains("<b>layer1.0</b><br/>BasicBlock"), mermaid);
        assertTrue(mermaid.contains("fc (Linear)"), mermaid);

        String dot = Drawing.draw("dot", g, depth2);
        assertTrue(dot.contains("\"label\"=<layer1 (Sequential)>"), dot);
        assertTrue(dot.contains("<B>layer1.0</B><BR/>BasicBlock"), dot);
        assertTrue(dot.contains("fc (Linear)"), dot);

        // With the stages open, layer1's two identical blocks are one box with the class and the count (by default,
        // with its BatchNorms drawn, the budget keeps layer1 closed); a block's second ReLU call is its own node,
        // named after the module it calls.
        String folded = Drawing.draw("dot", g, ViewOptions.defaults().withDepth(3));
        assertTrue(folded.contains("\"label\"=<layer1.0&#8211;1 (BasicBlock) &#215;2>"), folded);
        assertTrue(folded.contains("relu#2 (ReLU)"), folded);
        assertEquals("ReLU", module(g, "layer1.0.relu#2").className());
    }

    @Test
    void aBuilderWithAPretrainedBackboneDownloadsNothing() {
        // lraspp loads ImageNet weights into its backbone unless weights_backbone=None too; this machine is offline.
        TorchExports.requireTorch();
        Converter.Export export = convert("lraspp_mobilenet_v3_large", null, dir);
        ModelGraph g = OnnxReader.read(export.onnx());

        assertFalse(export.fromCache());
        assertEquals("LRASPP", g.modules().root().className());
        assertEquals("LRASPPHead", module(g, "classifier").className());
    }

    @Test
    void nnvizIntroductionNetworkHasItsBlockClass() {
        TorchExports.requireTorch();
        Path source = ExternalTools.projectDir().resolve("testdata/nnviz_intro.py");
        ModelGraph g = OnnxReader.read(convert(source + ":Net", "1x16", dir).onnx());

        assertEquals("nnviz_intro.Net", g.modules().root().qualifiedClassName());
        assertEquals("LinearBlock", module(g, "block1").className());
        assertEquals("LinearBlock", module(g, "block2").className());
        assertEquals("Linear", module(g, "block2.linear").className());
        assertEquals("ReLU", module(g, "block1.relu").className());
        assertEquals("Linear", module(g, "head").className());
        assertEquals(612, g.totalParameters(), "16*16+16 per block, 16*4+4 for the head");
    }

    @Test
    void modelFromAFileWithConstructorArguments() {
        TorchExports.requireTorch();
        Path tower = ConverterFixtures.writeTower(dir);
        ModelGraph g = OnnxReader.read(
                convert(tower + ":Tower;width=32;depth=3;name=wide", "1x16", dir.resolve("cache")).onnx());

        assertEquals("Tower", g.modules().root().className());
        for (String stage : List.of("stages.0", "stages.1", "stages.2")) {
            assertEquals("tower.Stage", module(g, stage).qualifiedClassName());
            assertEquals("GELU", module(g, stage + ".act").className());
        }
        assertTrue(g.modules().find("stages.3").isEmpty(), "depth=3 makes three stages");
        Parameter stem = g.parameters().stream().filter(p -> p.name().equals("stem.weight")).findFirst()
                .orElseThrow();
        assertEquals(List.of(32L, 16L), stem.dims(), "width=32");
    }

    @Test
    void secondRunUsesTheCacheAndAnEditedSourceExportsAgain() throws IOException {
        TorchExports.requireTorch();
        Path tower = ConverterFixtures.writeTower(dir);
        Path cache = dir.resolve("cache");
        String spec = tower + ":Tower;name='t'";
        Converter.Export first = convert(spec, "1x16", cache);
        assertFalse(first.fromCache());
        FileTime written = FileTime.fromMillis(0);
        Files.setLastModifiedTime(first.onnx(), written); // any later export would change it

        log.clear();
        Converter.Export second = convert(spec, "1x16", cache);
        assertTrue(second.fromCache());
        assertEquals(first.onnx(), second.onnx());
        assertEquals(written, Files.getLastModifiedTime(second.onnx()), "python did not run again");
        assertEquals(List.of("using cached export " + first.onnx()), log);

        Converter.Export otherInput = convert(spec, "2x16", cache);
        assertNotEquals(first.onnx(), otherInput.onnx());
        Files.writeString(tower, ConverterFixtures.TOWER_PY + "\n# edited\n");
        Converter.Export edited = convert(spec, "1x16", cache);
        assertFalse(edited.fromCache());
        assertNotEquals(first.onnx(), edited.onnx());
    }

    @Test
    void pythonWithoutTorchGetsOneClearMessage() {
        Path python = ConverterFixtures.pythonWithoutTorch(dir);
        ConversionException e = assertThrows(ConversionException.class, () -> new PyTorchConverter().convert(
                ModelSpec.recognise("resnet18").orElseThrow(), settings(python.toString(), null, dir)));
        assertTrue(e.getMessage().startsWith("torch is not installed for "), e.getMessage());
        assertTrue(e.getMessage().contains("--python"), e.getMessage());
        assertEquals(List.of(), e.details());
        assertFalse(e.badUsage());
    }

    @Test
    void failingModelShowsTheErrorAndTheEndOfItsTraceback() {
        TorchExports.requireTorch();
        Path tower = ConverterFixtures.writeTower(dir);
        ConversionException e = assertThrows(ConversionException.class,
                () -> convert(tower + ":Broken", null, dir));
        assertTrue(e.getMessage().endsWith("(exit code 1): ValueError: this model cannot be built"), e.getMessage());
        assertTrue(e.details().stream().anyMatch(l -> l.contains("tower.py")), String.join("\n", e.details()));
        assertTrue(e.details().size() <= PyTorchConverter.DETAIL_LINES);

        ConversionException typeError = assertThrows(ConversionException.class,
                () -> convert(tower + ":Tower;name=3", null, dir));
        assertTrue(typeError.getMessage().endsWith("TypeError: name must be a string, got 3"),
                "3 is a Python literal, so it stays an int: " + typeError.getMessage());
    }

    @Test
    void shorthandInputsHoldWhatTheShapesRunFeeds() throws IOException {
        TorchExports.requireTorch();
        // forward checks the example values while the exporter traces it: ids and mask ones, the waveform zeros
        Path tagger = dir.resolve("tagger.py");
        Files.writeString(tagger, String.join("\n",
                "import torch",
                "class Tagger(torch.nn.Module):",
                "    def __init__(self):",
                "        super().__init__()",
                "        self.embed = torch.nn.Embedding(4, 3)",
                "    def forward(self, input_ids, attention_mask, wave):",
                "        if not (bool((input_ids == 1).all()) and bool((attention_mask == 1).all())",
                "                and bool((wave == 0).all())):",
                "            raise ValueError('unexpected example values')",
                "        if input_ids.dtype != torch.int64 or wave.dtype != torch.float32:",
                "            raise ValueError('unexpected example types')",
                "        return self.embed(input_ids) * attention_mask.unsqueeze(-1) + wave.mean()",
                ""));
        ModelGraph g = OnnxReader.read(convert(tagger + ":Tagger",
                "input_ids=tokens8;attention_mask=tokens8;wave=audio", dir.resolve("cache")).onnx());
        Map<String, String> inputs = g.nodes(io.github.nnvizonnx.model.InputNode.class).stream()
                .collect(java.util.stream.Collectors.toMap(n -> n.tensor().name(),
                        n -> n.tensor().elementType() + " " + n.tensor().shape().compact()));
        assertEquals(Map.of("input_ids", "int64 1×8", "attention_mask", "int64 1×8", "wave", "float32 1×16000"),
                inputs);
    }

    @Test
    void malformedInputSpecIsBadUsage() {
        TorchExports.requireTorch();
        ConversionException e = assertThrows(ConversionException.class, () -> convert("resnet18", "1xq", dir));
        assertTrue(e.badUsage());
        assertTrue(e.getMessage().contains("'1xq' is not a shape"), e.getMessage());
    }

    @Test
    void aConverterThatHangsIsStopped() {
        Path python = ConverterFixtures.pythonThatHangs(dir);
        ConversionSettings settings = new ConversionSettings(python.toString(), null, dir, Duration.ofSeconds(1),
                true, log::add);
        ConversionException e = assertThrows(ConversionException.class, () -> new PyTorchConverter().convert(
                ModelSpec.recognise("resnet18").orElseThrow(), settings));
        assertTrue(e.getMessage().contains("did not finish within 1 s"), e.getMessage());
    }

    @Test
    void missingInterpreterIsNamed() {
        ConversionException e = assertThrows(ConversionException.class, () -> new PyTorchConverter().convert(
                ModelSpec.recognise("resnet18").orElseThrow(),
                settings(dir.resolve("no-such-python").toString(), null, dir)));
        assertTrue(e.getMessage().contains("cannot run python '" + dir.resolve("no-such-python") + "'"),
                e.getMessage());
    }
}
