package io.github.nnvizonnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.ConverterFixtures;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.TorchExports;
import io.github.nnvizonnx.transform.ViewOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models saved as PyTorch users keep them (made at test time by {@code testdata/save_torch_archive.py} with Debian's
 * torch 1.13), converted and drawn: TorchScript archives, whole pickled models, and state dicts.
 */
@Tag("slow") // real torch archives and exports: left out of the quick tier (-Pquick)
class SavedModelsTest {
    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private ConversionSettings settings(boolean trustPickle) {
        return new ConversionSettings(TorchExports.PYTHON, null, ConverterFixtures.sharedCache(), Duration.ofMinutes(9),
                true, log::add, false, trustPickle);
    }

    private ModelGraph convert(Path saved, boolean trustPickle) {
        ModelSpec spec = ModelSpec.recognise(saved.toString()).orElseThrow();
        return OnnxReader.read(new PyTorchConverter().convert(spec, settings(trustPickle)).onnx());
    }

    private ModelGraph convert(String spec) {
        return OnnxReader.read(new PyTorchConverter().convert(ModelSpec.recognise(spec).orElseThrow(),
                settings(false)).onnx());
    }

    private static Module module(ModelGraph g, String dotted) {
        return g.modules().find(dotted).orElseThrow(() -> new AssertionError("no module " + dotted));
    }

    private static List<String> nodeNames(ModelGraph g) {
        return g.nodes(OperationNode.class).stream().map(OperationNode::name).toList();
    }

    @Test
    void aTracedResnet18DrawsItsStagesAndBlocksAsItsPythonModelDoes() {
        TorchExports.requireTorch();
        Path traced = TorchExports.savedModel("resnet18-traced");
        assertEquals(ModelSpec.Kind.TORCHSCRIPT, ModelSpec.recognise(traced.toString()).orElseThrow().kind());
        ModelGraph g = convert(traced, false);

        // torch.jit.load'ed modules export scopes without the list's name in an item: /layer1/0/conv1/Conv
        assertTrue(nodeNames(g).contains("/layer1/0/conv1/Conv"), () -> nodeNames(g).toString());
        assertEquals("Conv2d", module(g, "layer1.0.conv1").className());
        assertEquals("ResNet", g.modules().root().className());
        for (String stage : List.of("layer1", "layer2", "layer3", "layer4")) {
            assertEquals("Sequential", module(g, stage).className());
            assertEquals("torchvision.models.resnet.BasicBlock", module(g, stage + ".0").qualifiedClassName());
            assertEquals("BasicBlock", module(g, stage + ".1").className());
        }
        assertEquals("1×3×224×224", Drawing.mermaid(g, ViewOptions.defaults().withDepth(1)).lines()
                .filter(l -> l.contains("<b>input</b>")).findFirst().orElseThrow().replaceAll(".*<br/>|\"].*", ""),
                "the example input read from the first layer: a Conv2d of 3 channels");

        ModelGraph fromPython = convert("resnet18");
        for (ViewOptions view : List.of(ViewOptions.defaults().withDepth(2),
                ViewOptions.defaults().withDepth(2).withFold(false))) {
            assertEquals(Drawing.mermaid(fromPython, view), Drawing.mermaid(g, view), view.toString());
        }
        String depth2 = Drawing.mermaid(g, ViewOptions.defaults().withDepth(2).withFold(false));
        assertTrue(depth2.contains("<b>layer4.1</b><br/>BasicBlock"), depth2);

        // Every operation, layer1.0 collapsed by its module path: the same nodes and edges as the Python model's.
        // Only their labels may differ: the tracer names a module called twice (a block's relu) at its first call.
        ViewOptions collapsed = ViewOptions.defaults().withCollapse(List.of("layer1.0")).withDepth(null)
                .withFold(false);
        String drawn = Drawing.mermaid(g, collapsed);
        assertTrue(drawn.contains("[[\"<b>layer1.0</b><br/>BasicBlock\"]]"), drawn);
        assertFalse(drawn.contains("subgraph s0[\"layer1.0"), drawn);
        assertEquals(Drawing.mermaid(fromPython, collapsed).lines().filter(l -> l.contains("-->")).count(),
                drawn.lines().filter(l -> l.contains("-->")).count());
        assertEquals(g.nodes(OperationNode.class).size(), fromPython.nodes(OperationNode.class).size());
    }

    @Test
    void aScriptedResnet18DrawsItsTopLevelModulesWithClasses() {
        TorchExports.requireTorch();
        ModelGraph g = convert(TorchExports.savedModel("resnet18-scripted"), false);
        assertEquals("ResNet", g.modules().root().className());
        assertEquals("Conv2d", module(g, "conv1").className());
        assertEquals("Linear", module(g, "fc").className());
        for (String stage : List.of("layer1", "layer2", "layer3", "layer4")) {
            assertEquals("Sequential", module(g, stage).className());
            assertEquals("BasicBlock", module(g, stage + ".0").className());
        }
        String depth1 = Drawing.mermaid(g, ViewOptions.defaults().withDepth(1));
        assertTrue(depth1.contains("<b>layer1</b><br/>Sequential"), depth1);
        assertTrue(depth1.contains("fc (Linear)"), depth1);
    }

    @Test
    void aTracedVitFoldsItsEncoderLayers() {
        TorchExports.requireTorch();
        ModelGraph g = convert(TorchExports.savedModel("vit_b_16-traced"), false);
        assertEquals("VisionTransformer", g.modules().root().className());
        assertEquals("EncoderBlock", module(g, "encoder.layers.encoder_layer_11").className());
        String drawn = Drawing.mermaid(g, ViewOptions.defaults());
        assertTrue(drawn.contains("encoder_layer_0–11 (EncoderBlock) ×12"), drawn);
    }

    @Test
    void aScriptedVitThatTorchCannotExportIsOneLineThatSaysWhatHelps() {
        // torch 1.13 cannot export scripted nn.MultiheadAttention (its fast path asks aten::is_autocast_enabled)
        TorchExports.requireTorch();
        ConversionException e = assertThrows(ConversionException.class,
                () -> convert(TorchExports.savedModel("vit_b_16-scripted"), false));
        assertTrue(e.getMessage().contains("did not export to ONNX") && e.getMessage().contains("torch.jit.trace")
                && !e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.badUsage());
    }

    @Test
    void aTracedModuleListOfRepeatedBlocksFoldsAndTakesItsFirstLayersInput() {
        TorchExports.requireTorch();
        ModelGraph g = convert(TorchExports.savedModel("tower-traced"), false);
        assertEquals("Block", module(g, "blocks.2").className());
        String drawn = Drawing.mermaid(g, ViewOptions.defaults().withDepth(1));
        assertTrue(drawn.contains("<b>blocks.0–2</b><br/>Block ×3"), drawn);
        assertTrue(drawn.contains("<b>input</b><br/>1×16"), "the stem is a Linear of 16 features: " + drawn);
    }

    @Test
    void aPickledModelIsLoadedOnlyWhenTrusted() {
        TorchExports.requireTorch();
        Path pickled = TorchExports.savedModel("resnet18-pickled");
        ModelSpec spec = ModelSpec.recognise(pickled.toString()).orElseThrow();
        assertEquals(ModelSpec.Kind.PICKLE, spec.kind());
        assertEquals("torchvision.models.resnet.ResNet", spec.symbol(), "read from the pickle without loading it");

        log.clear();
        ConversionException refused = assertThrows(ConversionException.class,
                () -> new PyTorchConverter().convert(spec, settings(false)));
        assertTrue(refused.badUsage());
        assertTrue(refused.getMessage().contains("--trust-pickle"), refused.getMessage());
        assertTrue(log.isEmpty(), "no python was started: " + log);

        ModelGraph g = convert(pickled, true);
        assertEquals("BasicBlock", module(g, "layer3.1").className());
        ViewOptions depth2 = ViewOptions.defaults().withDepth(2);
        assertEquals(Drawing.mermaid(convert("resnet18"), depth2), Drawing.mermaid(g, depth2));
    }

    @Test
    void aPickledModelWhoseClassCannotBeImportedIsOneLine() {
        TorchExports.requireTorch();
        ConversionException e = assertThrows(ConversionException.class,
                () -> convert(TorchExports.savedModel("tower-pickled"), true));
        assertTrue(e.getMessage().contains("__main__") && !e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.badUsage());
    }

    @Test
    void aStateDictIsAnsweredWithoutPython() {
        TorchExports.requireTorch();
        Path weights = TorchExports.savedModel("resnet18-state-dict");
        ConversionException e = assertThrows(ConversionException.class,
                () -> ModelSpec.recognise(weights.toString()));
        assertTrue(e.getMessage().contains("weights only") && e.getMessage().contains("model.py:Net"),
                e.getMessage());
    }

    @Test
    void theCacheKeyFollowsTheArchivesContentNotItsPath() throws IOException {
        TorchExports.requireTorch();
        Path model = dir.resolve("model.pt");
        Files.copy(TorchExports.savedModel("tower-traced"), model);
        PyTorchConverter converter = new PyTorchConverter();
        ModelSpec spec = ModelSpec.recognise(model.toString()).orElseThrow();
        ExportKey traced = converter.key(spec, settings(false));
        Files.copy(TorchExports.savedModel("tower-scripted"), model, StandardCopyOption.REPLACE_EXISTING);
        ExportKey scripted = converter.key(spec, settings(false));
        assertNotEquals(traced.hash(), scripted.hash(), "another model under the same name is exported again");
        assertEquals(scripted.hash(), converter.key(spec, settings(false)).hash());
    }

    @Test
    void pickleNamesAreReadAsPythonsPickletoolsReadsThem() throws IOException, InterruptedException {
        TorchExports.requireTorch();
        for (String name : List.of("resnet18-pickled", "resnet18-pickled-protocol4", "resnet18-state-dict")) {
            Path saved = TorchExports.savedModel(name);
            byte[] pickle = dataPickle(saved);
            assertEquals(pickletoolsGlobals(saved), PickleGlobals.of(pickle), name);
        }
        assertEquals(Optional.of(new SavedModel(SavedModel.Kind.PICKLED_MODEL, "torchvision.models.resnet.ResNet")),
                SavedModel.inspect(TorchExports.savedModel("resnet18-pickled-protocol4")));
        assertEquals(Optional.of(new SavedModel(SavedModel.Kind.WEIGHTS, null)),
                SavedModel.inspect(TorchExports.savedModel("resnet18-state-dict")));
        assertEquals(Optional.of(new SavedModel(SavedModel.Kind.TORCHSCRIPT, null)),
                SavedModel.inspect(TorchExports.savedModel("tower-scripted")));
    }

    private static byte[] dataPickle(Path saved) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(saved.toFile())) {
            java.util.zip.ZipEntry entry = zip.stream().filter(e -> e.getName().endsWith("/data.pkl")).findFirst()
                    .orElseThrow();
            return zip.getInputStream(entry).readAllBytes();
        }
    }

    /** The names pickletools finds: GLOBAL's argument, and STACK_GLOBAL's from the two strings before it. */
    private static List<String> pickletoolsGlobals(Path saved) throws IOException, InterruptedException {
        String program = String.join("\n",
                "import io, pickletools, sys, zipfile",
                "z = zipfile.ZipFile(sys.argv[1])",
                "data = z.read([n for n in z.namelist() if n.endswith('/data.pkl')][0])",
                "strings, memo, top = [], {}, None",
                "for op, arg, pos in pickletools.genops(io.BytesIO(data)):",
                "    if op.name in ('GLOBAL', 'INST'): print(arg.replace(' ', '.'))",
                "    elif op.name == 'STACK_GLOBAL': print('.'.join(strings[-2:]))",
                "    if op.name in ('SHORT_BINUNICODE', 'BINUNICODE', 'BINUNICODE8'): strings.append(arg); top = arg",
                "    elif op.name == 'MEMOIZE': memo[len(memo)] = top",
                "    elif op.name in ('BINPUT', 'LONG_BINPUT'): memo[arg] = top",
                "    elif op.name in ('BINGET', 'LONG_BINGET'):",
                "        top = memo.get(arg)",
                "        if top is not None: strings.append(top)",
                "    else: top = None");
        Process p = new ProcessBuilder(TorchExports.PYTHON, "-c", program, saved.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes()));
        return out.lines().toList();
    }
}
