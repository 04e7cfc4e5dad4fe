package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.ConverterFixtures;
import io.github.nnvizonnx.testsupport.TorchExports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnviz-onnx model.pt}: saved PyTorch models given as MODEL, drawn or answered in one line. */
@Tag("slow") // real torch archives and exports: left out of the quick tier (-Pquick)
class SavedModelCliTest {
    @TempDir
    Path dir;

    private static CommandRun run(String... args) {
        return CommandRun.of(Stream.concat(Stream.of(args), Stream.of("--python", TorchExports.PYTHON,
                "--cache-dir", ConverterFixtures.sharedCache().toString())).toArray(String[]::new));
    }

    @Test
    void aTracedArchiveIsDrawnAndConvertedWithCollapseByItsModulePath() {
        TorchExports.requireTorch();
        String tower = TorchExports.savedModel("tower-traced").toString();
        CommandRun drawn = run(tower, "--depth", "1", "-q");
        assertEquals(0, drawn.code(), drawn.err());
        assertTrue(drawn.out().contains("<b>blocks.0–2</b><br/>Block ×3"), drawn.out());

        CommandRun collapsed = run(tower, "--depth", "all", "--no-fold", "--collapse", "blocks.1", "-q");
        assertEquals(0, collapsed.code(), collapsed.err());
        assertTrue(collapsed.out().contains("<b>blocks.1</b><br/>Block"), collapsed.out());
        assertTrue(collapsed.out().contains("linear (Linear)"), "the other blocks are open: " + collapsed.out());

        Path onnx = dir.resolve("tower.onnx");
        CommandRun converted = run("convert", tower, "-o", onnx.toString(), "-q");
        assertEquals(0, converted.code(), converted.err());
        ModelGraph g = OnnxReader.read(onnx);
        assertEquals("Block", g.modules().find("blocks.0").orElseThrow().className());
    }

    @Test
    void aPickledModelWithoutTrustIsAUsageErrorInOneLine() {
        TorchExports.requireTorch();
        Path out = dir.resolve("r.mmd");
        CommandRun r = run(TorchExports.savedModel("resnet18-pickled").toString(), "-o", out.toString());
        assertEquals(ErrorHandlers.USAGE, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("torchvision.models.resnet.ResNet") && r.err().contains("--trust-pickle"),
                r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aStateDictIsOneLineThatSaysHowToDrawIt() {
        TorchExports.requireTorch();
        CommandRun r = run(TorchExports.savedModel("resnet18-state-dict").toString());
        assertEquals(ErrorHandlers.BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("weights only") && r.err().contains("model.py:Net"), r.err());
    }
}
