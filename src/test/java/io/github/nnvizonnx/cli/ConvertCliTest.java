package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.ConverterFixtures;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.TorchExports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnviz-onnx SPEC} and {@code nnviz-onnx convert SPEC}: PyTorch models converted on the way. */
@Tag("slow") // real torch exports: left out of the quick tier (-Pquick)
class ConvertCliTest {
    @TempDir
    Path dir;

    private CommandRun run(Path cache, String... args) {
        return CommandRun.of(Stream.concat(Stream.of(args), Stream.of("--python", TorchExports.PYTHON,
                "--cache-dir", cache.toString())).toArray(String[]::new));
    }

    private String tower() {
        return ConverterFixtures.writeTower(dir) + ":Tower;width=32;depth=3;name='wide'";
    }

    private static void assertNoStackTrace(CommandRun r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception:"), r.err());
    }

    @Test
    void torchvisionNameDrawsClassNames() {
        TorchExports.requireTorch();
        CommandRun r = run(ConverterFixtures.sharedCache(), "resnet18", "--format", "mermaid", "--depth", "2",
                "--no-fold", "-q");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("subgraph s0[\"layer1 (Sequential)\"]"), r.out());
        assertTrue(r.out().contains("<b>layer1.0</b><br/>BasicBlock"), r.out());
        assertTrue(r.out().contains("fc (Linear)"), r.out());
    }

    @Test
    void pythonFileWithArgumentsToFileThenFromTheCache() throws IOException {
        TorchExports.requireTorch();
        String spec = tower();
        Path cache = dir.resolve("cache");
        Path mmd = dir.resolve("net.mmd");
        CommandRun first = run(cache, spec, "--input", "1x16", "-o", mmd.toString(), "--depth", "all",
                "--no-fold");
        assertEquals(0, first.code(), first.err());
        String diagram = Files.readString(mmd);
        assertTrue(diagram.contains("subgraph s0[\"stages (Sequential)\"]"), diagram);
        assertTrue(diagram.contains("[\"stages.2 (Stage)\"]"), diagram);
        assertTrue(diagram.contains("stem (Linear)"), diagram);
        assertTrue(first.err().contains("nnviz-onnx: exporting " + spec), first.err());
        assertTrue(first.errLines().get(first.errLines().size() - 1).startsWith("nnviz-onnx: " + spec + ": "),
                "the summary names the spec, not the cache file: " + first.err());

        Path export = onlyExport(cache);
        Files.setLastModifiedTime(export, FileTime.fromMillis(0));
        CommandRun second = run(cache, spec, "--input", "1x16", "-o", mmd.toString(), "--depth", "all",
                "--no-fold");
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("nnviz-onnx: using cached export " + export), second.err());
        assertFalse(second.err().contains("exporting"), second.err());
        assertEquals(FileTime.fromMillis(0), Files.getLastModifiedTime(export), "no new export was written");
        assertEquals(diagram, Files.readString(mmd));

        CommandRun quiet = run(cache, spec, "--input", "1x16", "-q");
        assertEquals("", quiet.err());

        CommandRun again = run(cache, spec, "--input", "1x16", "--no-cache");
        assertTrue(again.err().contains("nnviz-onnx: exporting"), again.err());
    }

    @Test
    void aCachedExportThatDoesNotReadIsExportedAgain() throws IOException {
        TorchExports.requireTorch();
        String spec = tower();
        Path cache = dir.resolve("cache");
        assertEquals(0, run(cache, "convert", spec, "--input", "1x16", "-o", dir.resolve("a.onnx").toString()).code());
        Path export = onlyExport(cache);
        byte[] good = Files.readAllBytes(export);
        Files.write(export, Arrays.copyOf(good, good.length / 2)); // cut short, as by a full disk

        CommandRun draw = run(cache, spec, "--input", "1x16", "--depth", "all", "--no-fold");
        assertEquals(0, draw.code(), draw.err());
        assertTrue(draw.err().contains("nnviz-onnx: dropping the cached export, " + export + " is not a valid ONNX"
                + " file"), draw.err());
        assertTrue(draw.err().contains("nnviz-onnx: exporting " + spec), draw.err());
        assertTrue(draw.out().contains("stages.2 (Stage)"), draw.out());
        assertEquals("Stage", OnnxReader.read(export).modules().find("stages.1").orElseThrow().className());

        Files.writeString(export, "not an ONNX file");
        Path copy = dir.resolve("b.onnx");
        CommandRun convert = run(cache, "convert", spec, "--input", "1x16", "-o", copy.toString(), "-q");
        assertEquals(0, convert.code(), convert.err());
        assertEquals("Stage", OnnxReader.read(copy).modules().find("stages.1").orElseThrow().className());
    }

    @Test
    void aCachedExportIsExportedAgainOnlyOnce() throws IOException {
        // A "python" that writes a file no reader accepts, and counts its runs.
        Path runs = dir.resolve("runs");
        Path python = ConverterFixtures.executable(dir, "python-writing-garbage",
                "echo run >> '" + runs + "'; printf 'not onnx' > \"$3\"");
        String[] args = {"resnet18", "-q", "--python", python.toString(), "--cache-dir", dir.resolve("c").toString()};

        CommandRun fresh = CommandRun.of(args);
        assertEquals(1, fresh.code());
        assertEquals(1, fresh.errLines().size(), fresh.err());
        assertEquals(1, Files.readAllLines(runs).size(), "a fresh export is not exported again");

        CommandRun cached = CommandRun.of(args);
        assertEquals(1, cached.code());
        assertEquals(1, cached.errLines().size(), cached.err());
        assertTrue(cached.err().contains("is not a valid ONNX file"), cached.err());
        assertEquals(2, Files.readAllLines(runs).size(), "the cached export was replaced once");
    }

    private static Path onlyExport(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("exports"))) {
            List<Path> exports = files.filter(f -> f.toString().endsWith(".onnx")).toList();
            assertEquals(1, exports.size(), "exports: " + exports);
            return exports.get(0);
        }
    }

    @Test
    void convertOnlyExports() {
        TorchExports.requireTorch();
        Path onnx = dir.resolve("tower.onnx");
        CommandRun r = run(dir.resolve("cache"), "convert", tower(), "--input", "1x16", "-o", onnx.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().endsWith("nnviz-onnx: wrote " + onnx + System.lineSeparator()), r.err());
        ModelGraph g = OnnxReader.read(onnx);
        assertEquals("Stage", g.modules().find("stages.1").orElseThrow().className());
    }

    @Test
    void convertNeedsASpecAndAnOutput() {
        Path onnx = ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx");
        CommandRun notASpec = run(dir, "convert", onnx.toString(), "-o", dir.resolve("x.onnx").toString());
        assertEquals(2, notASpec.code());
        assertEquals(1, notASpec.errLines().size(), notASpec.err());
        assertTrue(notASpec.err().contains("is not a model spec"), notASpec.err());

        CommandRun noOutput = run(dir, "convert", "resnet18");
        assertEquals(2, noOutput.code());
        assertTrue(noOutput.err().contains("'--output=FILE'"), noOutput.err());
    }

    @Test
    void withoutTorchOneClearLineAndExitOne() {
        Path python = ConverterFixtures.pythonWithoutTorch(dir);
        CommandRun r = CommandRun.of("resnet18", "-q", "--python", python.toString(), "--cache-dir", dir.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("nnviz-onnx: torch is not installed for "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void failingModelShowsItsErrorLineThenTheEndOfTheTraceback() {
        TorchExports.requireTorch();
        CommandRun r = run(dir, ConverterFixtures.writeTower(dir) + ":Broken", "-q");
        assertEquals(1, r.code());
        List<String> lines = r.errLines();
        assertTrue(lines.get(0).startsWith("nnviz-onnx: cannot convert ") && lines.get(0).endsWith(
                "ValueError: this model cannot be built"), r.err());
        assertTrue(lines.size() > 1 && lines.stream().skip(1).allMatch(l -> l.startsWith("  ")), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void anEmptyPythonIsAUsageError() {
        Path onnx = ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx");
        for (String model : List.of("resnet18", onnx.toString())) {
            for (String python : List.of("", " ")) {
                CommandRun r = CommandRun.of(model, "--python", python, "--cache-dir", dir.toString());
                assertEquals(2, r.code(), r.err());
                assertEquals(1, r.errLines().size(), r.err());
                assertTrue(r.err().contains("--python"), r.err());
            }
        }
    }

    @Test
    void malformedSpecsAreUsageErrors() throws IOException {
        Path py = Files.writeString(dir.resolve("net.py"), "x = 1\n");
        for (String spec : List.of(py.toString(), "resnet18;=3")) {
            CommandRun r = run(dir, spec);
            assertEquals(2, r.code(), spec);
            assertEquals(1, r.errLines().size(), r.err());
        }
        CommandRun missing = run(dir, dir.resolve("gone.py") + ":Net");
        assertEquals(1, missing.code());
        assertEquals(List.of("nnviz-onnx: no such file: " + dir.resolve("gone.py")), missing.errLines());
    }
}
