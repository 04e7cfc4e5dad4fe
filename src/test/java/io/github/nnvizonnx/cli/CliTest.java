package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.testsupport.OutputSyntax;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import io.github.nnvizonnx.testsupport.RealModels;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    @TempDir
    Path dir;

    private Path model;
    private String out;
    private String err;

    @BeforeEach
    void smallModel() {
        var g = io.github.nnvizonnx.proto.Onnx.GraphProto.newBuilder().setName("g")
                .addInput(OnnxBuilder.tensor("x", 1, 4)).addOutput(OnnxBuilder.tensor("y", 1, 4))
                .addInitializer(OnnxBuilder.weight("w", 4, 4))
                .addNode(OnnxBuilder.node("/block/fc/MatMul", "MatMul", OnnxBuilder.in("x", "w"), "h"))
                .addNode(OnnxBuilder.node("/block/act/Relu", "Relu", OnnxBuilder.in("h"), "y"));
        model = OnnxBuilder.write(dir, "small.onnx", OnnxBuilder.model(g));
    }

    private int run(String... args) {
        CommandRun run = CommandRun.of(args);
        out = run.out();
        err = run.err();
        return run.code();
    }

    private void assertOneErrorLine() {
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("nnviz-onnx: "), err);
        assertFalse(err.contains("\tat "), "no stack trace");
    }

    @Test
    void drawsMermaidToStdout() {
        assertEquals(0, run(model.toString(), "--format", "mermaid", "--depth", "all"));
        assertTrue(out.matches(OutputSyntax.MERMAID_START), out);
        assertTrue(out.contains("subgraph"), out);
        assertTrue(err.contains("2 operations"), err);
        assertEquals(0, run(model.toString(), "-q", "--direction", "TB"));
        assertTrue(out.contains("\nflowchart TB\n"), out);
        assertEquals("", err);
    }

    @Test
    void writesOutputFileChosenByExtension() throws IOException {
        Path target = dir.resolve("diagram.mmd");
        assertEquals(0, run(model.toString(), "-o", target.toString(), "-q"));
        assertEquals("", out);
        assertTrue(Files.readString(target).matches(OutputSyntax.MERMAID_START));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void outputExtensionPicksTheFormatAndFormatOptionWins() throws IOException {
        String[][] cases = {{"d.md", "```mermaid\n%%{init: "}, {"d.mmd", "%%{init: "},
            {"d.dot", "digraph \"nnviz\""}, {"d.gv", "digraph \"nnviz\""}, {"d.graphml", "<?xml"},
            {"d.json", "{"}};
        for (String[] c : cases) {
            Path target = dir.resolve(c[0]);
            assertEquals(0, run(model.toString(), "-q", "-o", target.toString()), c[0]);
            assertTrue(Files.readString(target).startsWith(c[1]), c[0] + ": " + Files.readString(target));
        }
        Path forced = dir.resolve("forced.txt");
        assertEquals(0, run(model.toString(), "-q", "-o", forced.toString(), "--format", "dot"));
        assertTrue(Files.readString(forced).startsWith("digraph"));
        Path nested = dir.resolve("nested.graphml");
        assertEquals(0, run(model.toString(), "-q", "-o", nested.toString(), "--format", "graphml-nested"));
        assertTrue(Files.readString(nested).contains("yfiles.foldertype=\"group\""), "groups only when asked");
        assertFalse(Files.readString(dir.resolve("d.graphml")).contains("yfiles.foldertype"), "flat by default");
        Path mmdAsDot = dir.resolve("odd.mmd");
        assertEquals(0, run(model.toString(), "-q", "-o", mmdAsDot.toString(), "--format", "dot"));
        assertTrue(Files.readString(mmdAsDot).startsWith("digraph"), "--format wins over the extension");
    }

    @Test
    void jsonRedrawsIdenticallyToTheOnnxFile() throws IOException {
        String minilm = RealModels.miniLm().toString();
        Path json = dir.resolve("minilm.json");
        assertEquals(0, run(minilm, "-q", "-o", json.toString()));
        for (String depth : List.of("1", "2", "all")) {
            assertEquals(0, run(minilm, "-q", "--format", "mermaid", "--depth", depth));
            String fromOnnx = out;
            assertEquals(0, run(json.toString(), "-q", "--format", "mermaid", "--depth", depth));
            assertEquals(fromOnnx, out, "depth " + depth);
        }
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": \"nnviz-onnx-model\", \"version\": 1}");
        assertEquals(1, run(broken.toString()));
        assertOneErrorLine();
        Path foreign = Files.writeString(dir.resolve("foreign.json"), "{\"hello\": 1}");
        assertEquals(1, run(foreign.toString()));
        assertOneErrorLine();
        assertTrue(err.contains("not an nnviz-onnx model"), err);
    }

    @Test
    void badInputIsOneLineExitOneAndNoOutputFile() throws IOException {
        Path target = dir.resolve("out.mmd");
        assertEquals(1, run(dir.resolve("missing.onnx").toString(), "-o", target.toString()));
        assertOneErrorLine();
        assertTrue(err.contains("no such file"));
        Path truncated = Files.write(dir.resolve("cut.onnx"), java.util.Arrays.copyOf(Files.readAllBytes(model), 40));
        assertEquals(1, run(truncated.toString(), "-o", target.toString()));
        assertOneErrorLine();
        assertFalse(Files.exists(target));
        Path text = Files.writeString(dir.resolve("readme.onnx"), "not a model");
        assertEquals(1, run(text.toString()));
        assertOneErrorLine();
    }

    @Test
    void failedRunNeverReplacesAGoodFile() throws IOException {
        Path target = Files.writeString(dir.resolve("keep.mmd"), "flowchart LR\n    a --> b\n");
        Path empty = Files.createFile(dir.resolve("empty.onnx"));
        assertEquals(1, run(empty.toString(), "-o", target.toString()));
        assertEquals("flowchart LR\n    a --> b\n", Files.readString(target));
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run(model.toString(), "--depth", "zero"));
        assertOneErrorLine();
        assertEquals(2, run(model.toString(), "--format", "pptx"));
        assertOneErrorLine();
        assertTrue(err.contains("mermaid"), "lists the installed formats: " + err);
        assertEquals(2, run(model.toString(), "--layer", "nowhere"));
        assertOneErrorLine();
        assertTrue(err.contains("block"), "names the top-level modules: " + err);
        assertEquals(2, run(model.toString(), "--hierarchy", "keras"));
        assertOneErrorLine();
        assertEquals(2, run(model.toString(), "-o", dir.resolve("x.unknown").toString()));
        assertOneErrorLine();
        assertEquals(2, run());
        assertOneErrorLine();
        assertEquals(2, run(model.toString(), "--no-such-option"));
        assertOneErrorLine();
    }

    @Test
    void aStdoutThatFailsIsOneLineAndExitOne() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        // no onnxruntime run: one slower than a second (a loaded machine) would add a status line before the error
        CommandRun run = CommandRun.writingTo(full, model.toString(), "--format", "mermaid", "--shapes", "declared");
        assertEquals(1, run.code(), run.err());
        assertEquals(List.of("nnviz-onnx: cannot write to standard output: No space left on device"), run.errLines());
    }

    /** picocli wraps a line longer than the width to column 0, which breaks the examples apart. */
    @Test
    void helpFitsEightyColumns() {
        for (CommandLine cl : List.of(NnvizCommand.commandLine(), NnvizCommand.commandLine().getSubcommands()
                .get("convert"), NnvizCommand.commandLine().getSubcommands().get("sync"))) {
            cl.setUsageHelpAutoWidth(false);
            cl.setUsageHelpWidth(80);
            String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<String> lines = help.lines().toList();
            lines.forEach(line -> assertTrue(line.length() <= 80, "longer than 80 columns: " + line));
            for (String example : cl.getCommandSpec().usageMessage().footer()) {
                assertTrue(lines.contains(example), "wrapped: " + example);
            }
        }
    }

    @Test
    void helpShowsExamplesAndFormatsAndVersionPrints() {
        assertEquals(0, run("--help"));
        assertTrue(out.contains("Examples:") && out.contains("--depth") && out.contains("mermaid"), out);
        assertEquals(0, run("--version"));
        assertTrue(out.startsWith("nnviz-onnx "), out);
    }

    @Test
    void layerAndCollapseOnARealModel() {
        String minilm = RealModels.miniLm().toString();
        assertEquals(0, run(minilm, "--layer", "encoder.layer.0", "--depth", "all", "-q"));
        assertTrue(out.contains("subgraph s0[\"attention\"]") && !out.contains("[\"embeddings\"]"), out);
        // Boundary tensors: the hidden state and the attention mask come in, the layer's result goes out.
        assertEquals(3, out.lines().filter(l -> l.contains("([")).count(), out);
        assertEquals(0, run(minilm, "--collapse", "encoder", "--depth", "all", "-q"));
        assertFalse(out.contains("layer.0"), "encoder collapsed whole");
        assertTrue(out.contains("<b>encoder</b>"), out);
    }
}
