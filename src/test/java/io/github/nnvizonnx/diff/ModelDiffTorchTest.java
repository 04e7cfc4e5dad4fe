package io.github.nnvizonnx.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.api.Drawing;
import io.github.nnvizonnx.api.Nnviz;
import io.github.nnvizonnx.model.Change;
import io.github.nnvizonnx.model.ChangeKind;
import io.github.nnvizonnx.model.DiffSummary;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.ConvertedModels;
import io.github.nnvizonnx.testsupport.DynamoRewrite;
import io.github.nnvizonnx.testsupport.TorchExports;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comparisons of real torch exports: two sizes of a ResNet, and one model exported by different conventions. */
@Tag("slow") // real torch exports: left out of the quick tier (-Pquick)
class ModelDiffTorchTest {
    private static final Set<String> RESNET34_EXTRA_BLOCKS = Set.of("layer1.2", "layer2.2", "layer2.3", "layer3.2",
            "layer3.3", "layer3.4", "layer3.5", "layer4.2");

    @Test
    void resnet34AgainstResnet18HasTheExtraBlocksAddedAndNothingRemoved() throws Exception {
        ModelGraph resnet18 = OnnxReader.read(ConvertedModels.get("resnet18", null));
        ModelGraph resnet34 = OnnxReader.read(ConvertedModels.get("resnet34", null));
        ModelDiff diff = ModelDiff.of(resnet18, resnet34);
        assertEquals(RESNET34_EXTRA_BLOCKS, blocksMarked(diff, ChangeKind.ADDED));
        DiffSummary summary = diff.summary();
        assertEquals(0, summary.modulesRemoved(), summary.line());
        assertEquals(0, summary.operationsRemoved(), summary.line());
        assertEquals(0, summary.operationsChanged(), summary.line());
        assertEquals(resnet34.totalParameters() - resnet18.totalParameters(),
                summary.parametersAfter() - summary.parametersBefore());

        // drawn: the added blocks fold apart from the blocks both have, and are marked added as one
        Drawing drawing = Nnviz.diff(ConvertedModels.get("resnet18", null), ConvertedModels.get("resnet34", null))
                .format("dot").draw();
        Module layer3Added = drawing.diagram().model().modules().all().stream()
                .filter(m -> m.fold() != null && m.title().equals("layer3.2–5")).findFirst().orElseThrow();
        assertEquals(ChangeKind.ADDED, marked(drawing, layer3Added).kind());
    }

    @Test
    void resnet18AgainstResnet34DrawsTheMissingBlocksAsGhostsInTheirPlace() {
        ModelGraph resnet18 = OnnxReader.read(ConvertedModels.get("resnet18", null));
        ModelGraph resnet34 = OnnxReader.read(ConvertedModels.get("resnet34", null));
        ModelDiff diff = ModelDiff.of(resnet34, resnet18);
        assertEquals(RESNET34_EXTRA_BLOCKS, blocksMarked(diff, ChangeKind.REMOVED));
        List<String> layer3 = diff.merged().modules().children(ModulePath.of("layer3")).stream()
                .map(m -> m.path().dotted()).toList();
        assertEquals(List.of("layer3.0", "layer3.1", "layer3.2", "layer3.3", "layer3.4", "layer3.5"), layer3);
        assertEquals(56, diff.summary().operationsRemoved(), diff.summary().line());
    }

    @Test
    void aTorchScriptExportMatchesTheFunctionsExportOfTheSameModel() {
        // The functions export keeps no leaf modules (conv1, relu) and names blocks after their class
        // (layer1.BasicBlock_0): matched by the operations they hold, nothing is added, removed or changed.
        DiffSummary summary = ModelDiff.of(OnnxReader.read(TorchExports.resnet18()),
                OnnxReader.read(TorchExports.resnet18Functions())).summary();
        assertEquals(0, summary.operationsAdded() + summary.operationsRemoved() + summary.operationsChanged(),
                summary.line());
        assertEquals(0, summary.modulesAdded(), summary.line());
    }

    @Test
    void aTorchScriptExportMatchesTheSameModelInTheDynamoConvention(@TempDir Path dir) {
        Path torchScript = ConvertedModels.get("resnet18", null);
        Path dynamo = DynamoRewrite.rewrite(torchScript, dir.resolve("resnet18-dynamo.onnx"));
        ModelGraph dynamoModel = OnnxReader.read(dynamo);
        assertEquals("dynamo", dynamoModel.info().hierarchy());
        DiffSummary summary = ModelDiff.of(OnnxReader.read(torchScript), dynamoModel).summary();
        assertEquals(0, summary.operationsAdded() + summary.operationsRemoved() + summary.operationsChanged(),
                summary.line());
        assertTrue(summary.modulesAdded() + summary.modulesRemoved() <= 8, "near fully: " + summary.line());
    }

    /** The blocks ({@code layerN.M}) that {@code diff} marks {@code kind}. */
    private static Set<String> blocksMarked(ModelDiff diff, ChangeKind kind) {
        Set<String> blocks = new TreeSet<>();
        for (Module m : diff.merged().modules().all()) {
            Change change = diff.marks().ofModule(m.path());
            if (m.path().length() == 2 && change != null && change.kind() == kind) {
                blocks.add(m.path().dotted());
            }
        }
        return blocks;
    }

    private static Change marked(Drawing drawing, Module box) {
        return drawing.diagram().change(box);
    }
}
