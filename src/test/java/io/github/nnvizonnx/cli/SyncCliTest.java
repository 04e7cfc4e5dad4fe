package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.testsupport.ConverterFixtures;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.RealModels;
import io.github.nnvizonnx.testsupport.TorchExports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnviz-onnx sync} on Markdown files marking real models: the README's own, and the backend corpus's. */
class SyncCliTest {
    private static final Path INTRO = ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx");

    @TempDir
    Path dir;

    /** What the main command prints for {@code model} with {@code options}: what a marker's block must hold. */
    private static String drawn(Path model, String... options) {
        List<String> args = new ArrayList<>(List.of(model.toString()));
        args.addAll(List.of(options));
        args.add("-q");
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        return run.out();
    }

    private static String block(String mermaid) {
        return "```mermaid\n" + mermaid + "```\n";
    }

    private static Path corpusModel(String name) {
        ExternalTools.require("Debian package libonnx-testdata (" + RealModels.BACKEND_CORPUS + ")",
                Files.isDirectory(RealModels.BACKEND_CORPUS));
        return RealModels.BACKEND_CORPUS.resolve("node").resolve(name).resolve("model.onnx");
    }

    @Test
    void theReadmeDiagramsAreCurrent() {
        CommandRun check = CommandRun.of("sync", "--check",
                ExternalTools.projectDir().resolve("README.md").toString());
        assertEquals(0, check.code(), "README diagrams are stale (./nnviz-onnx sync README.md): " + check.out()
                + check.err());
        assertEquals("", check.out());
        assertTrue(check.err().contains("3 of 3 diagrams current"), check.err());
    }

    @Test
    void syncWritesEachBlockAsTheMainCommandDrawsItAndCheckAgrees() throws IOException {
        Path models = Files.createDirectories(dir.resolve("docs/models"));
        Files.copy(INTRO, models.resolve("intro.onnx"));
        Files.copy(corpusModel("test_lstm_defaults"), models.resolve("lstm.onnx"));
        Path doc = dir.resolve("docs/guide.md");
        String text = "# Guide\n\n<!-- nnviz-onnx models/intro.onnx --depth 1 -->\n```mermaid\nflowchart LR\n"
                + "    old\n```\n\nThe LSTM:\n\n<!-- nnviz-onnx 'models/lstm.onnx' --direction LR -->\n\nThe end.\n";
        Files.writeString(doc, text);

        CommandRun stale = CommandRun.of("sync", "--check", doc.toString());
        assertEquals(1, stale.code(), stale.err());
        assertEquals(doc + ":3\n" + doc + ":11\n", stale.out());
        assertEquals(text, Files.readString(doc), "--check changes nothing");

        CommandRun sync = CommandRun.of("sync", doc.toString());
        assertEquals(0, sync.code(), sync.err());
        assertTrue(sync.err().contains("nnviz-onnx: updated " + doc + " (2 of 2 diagrams)"), sync.err());
        String expected = "# Guide\n\n<!-- nnviz-onnx models/intro.onnx --depth 1 -->\n"
                + block(drawn(models.resolve("intro.onnx"), "--depth", "1")) + "\nThe LSTM:\n\n"
                + "<!-- nnviz-onnx 'models/lstm.onnx' --direction LR -->\n"
                + block(drawn(models.resolve("lstm.onnx"), "--direction", "LR")) + "\nThe end.\n";
        assertEquals(expected, Files.readString(doc));
        assertTrue(expected.contains("LinearBlock ×2") && expected.contains("flowchart LR"), expected);

        Files.setLastModifiedTime(doc, FileTime.fromMillis(0));
        CommandRun again = CommandRun.of("sync", doc.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(FileTime.fromMillis(0), Files.getLastModifiedTime(doc), "a current file is not touched");
        CommandRun current = CommandRun.of("sync", "--check", dir.toString());
        assertEquals(0, current.code(), current.err());
        assertEquals("", current.out());
        assertTrue(current.err().contains("2 of 2 diagrams current"), current.err());
    }

    @Test
    void lineEndingsAndAMissingFinalNewlineAreKept() throws IOException {
        Files.copy(INTRO, dir.resolve("intro.onnx"));
        Path doc = dir.resolve("crlf.md");
        byte[] before = "Intro\r\n\r\n<!-- nnviz-onnx intro.onnx --no-fold -->".getBytes(StandardCharsets.UTF_8);
        Files.write(doc, before);
        assertEquals(0, CommandRun.of("sync", "-q", doc.toString()).code());
        String after = Files.readString(doc);
        assertEquals("Intro\r\n\r\n<!-- nnviz-onnx intro.onnx --no-fold -->\r\n"
                + block(drawn(dir.resolve("intro.onnx"), "--no-fold")).replace("\n", "\r\n").stripTrailing(), after);
        assertEquals(0, CommandRun.of("sync", "--check", doc.toString()).code());
    }

    @Test
    void aMarkerThatCannotBeDrawnIsReportedByLineAndItsFileIsNotWritten() throws IOException {
        Files.copy(INTRO, dir.resolve("intro.onnx"));
        Path broken = dir.resolve("broken.md");
        String text = String.join("\n", "<!-- nnviz-onnx intro.onnx -->", "<!-- nnviz-onnx missing.onnx -->",
                "<!-- nnviz-onnx intro.onnx -o out.svg -->", "<!-- nnviz-onnx intro.onnx --depht 2 -->",
                "<!-- nnviz-onnx intro.onnx --layer nope -->", "<!-- nnviz-onnx intro.onnx --depth -->",
                "<!-- nnviz-onnx intro.onnx", "<!-- nnviz-onnx intro.onnx --open -->", "");
        Files.writeString(broken, text);
        Path fine = Files.createDirectories(dir.resolve("sub")).resolve("fine.md");
        Files.writeString(fine, "<!-- nnviz-onnx ../intro.onnx -->\n");

        CommandRun sync = CommandRun.of("sync", "-q", broken.toString(), fine.toString());
        assertEquals(1, sync.code(), sync.err());
        assertEquals(text, Files.readString(broken), "a file with an error is not written");
        assertEquals("<!-- nnviz-onnx ../intro.onnx -->\n" + block(drawn(dir.resolve("intro.onnx"))),
                Files.readString(fine), "the other file is");
        List<String> errors = sync.errLines().stream().filter(l -> l.startsWith("nnviz-onnx: " + broken)).toList();
        String at = "nnviz-onnx: " + broken + ":";
        assertEquals(List.of(at + "2: no such file: " + dir.resolve("missing.onnx"),
                at + "3: -o is not for a marker: sync writes the diagram as Mermaid into the block below it",
                at + "4: Unknown options: '--depht', '2'",
                at + "5: no module named 'nope'; top-level modules: block1, block2, head",
                at + "6: Missing required parameter for option '--depth' (N|auto|all)",
                at + "7: the marker must end with --> on its own line: <!-- nnviz-onnx MODEL [OPTIONS] -->",
                at + "8: --open is not for a marker: sync writes the diagram as Mermaid into the block below it"),
                errors.stream().sorted().toList());
        assertFalse(sync.err().contains("\tat "), sync.err());

        CommandRun check = CommandRun.of("sync", "--check", broken.toString());
        assertEquals(1, check.code());
        assertEquals(broken + ":1\n", check.out(), "the marker that can be drawn is listed as stale");
    }

    @Test
    void foldersAreSearchedForMarkdownFilesOutsideHiddenFolders() throws IOException {
        Files.copy(INTRO, dir.resolve("intro.onnx"));
        Path nested = Files.createDirectories(dir.resolve("a/b")).resolve("deep.markdown");
        Path hidden = Files.createDirectories(dir.resolve(".cache")).resolve("skipped.md");
        Path other = dir.resolve("notes.txt");
        for (Path file : List.of(nested, hidden, other)) {
            Files.writeString(file, "<!-- nnviz-onnx " + dir.resolve("intro.onnx") + " -->\n");
        }
        CommandRun check = CommandRun.of("sync", "--check", dir.toString(), nested.toString());
        assertEquals(1, check.code(), check.err());
        assertEquals(nested + ":1\n", check.out(), "each file once, though named twice");
        CommandRun explicit = CommandRun.of("sync", "--check", other.toString());
        assertEquals(other + ":1\n", explicit.out(), "a file named on the command line is read whatever its name");
    }

    @Test
    void theDiagramDoesNotDependOnWhereTheFilesAre() throws IOException {
        List<String> blocks = new ArrayList<>();
        for (String place : List.of("one", "two/levels")) {
            Path folder = Files.createDirectories(dir.resolve(place));
            Files.copy(corpusModel("test_gru_defaults"), folder.resolve("gru.onnx"));
            Path doc = folder.resolve("doc.md");
            Files.writeString(doc, "<!-- nnviz-onnx gru.onnx -->\n");
            assertEquals(0, CommandRun.of("sync", "-q", doc.toString()).code());
            blocks.add(Files.readString(doc));
        }
        assertEquals(blocks.get(0), blocks.get(1));
        assertFalse(blocks.get(0).contains(dir.toString()), blocks.get(0));
    }

    @Test
    @Tag("slow") // a torch export
    void aSpecsPythonFileIsRelativeToTheMarkdownFile() throws IOException {
        TorchExports.requireTorch();
        Path docs = Files.createDirectories(dir.resolve("docs"));
        ConverterFixtures.writeTower(docs);
        String options = " --input 1x16 --depth all --python " + TorchExports.PYTHON + " --cache-dir "
                + ConverterFixtures.sharedCache();
        Path doc = docs.resolve("net.md");
        String marker = "<!-- nnviz-onnx \"tower.py:Tower;width=32;depth=3;name='wide'\"" + options + " -->\n";
        Files.writeString(doc, marker);
        CommandRun sync = CommandRun.of("sync", doc.toString());
        assertEquals(0, sync.code(), sync.err());
        String drawn = drawn(Path.of(docs.resolve("tower.py") + ":Tower;width=32;depth=3;name='wide'"),
                options.strip().split(" "));
        assertEquals(marker + block(drawn), Files.readString(doc));
        assertTrue(drawn.contains("stages.0–2 (Stage) ×3") && drawn.contains("stem (Linear)"), drawn);
        assertEquals(0, CommandRun.of("sync", "--check", doc.toString()).code());
    }

    @Test
    void badUsageOfSyncItselfIsExitCode2() throws IOException {
        assertEquals(2, CommandRun.of("sync").code());
        assertEquals(2, CommandRun.of("sync", "--bogus", "x.md").code());
        CommandRun missing = CommandRun.of("sync", dir.resolve("none.md").toString());
        assertEquals(1, missing.code());
        assertEquals(List.of("nnviz-onnx: " + dir.resolve("none.md") + ": no such file or folder"),
                missing.errLines().stream().filter(l -> l.contains("none.md")).toList());
        Path notText = dir.resolve("latin1.md");
        byte[] latin1 = {'<', '!', '-', '-', ' ', (byte) 0xE9, '\n'};
        Files.write(notText, latin1);
        CommandRun unreadable = CommandRun.of("sync", notText.toString());
        assertEquals(1, unreadable.code());
        assertTrue(unreadable.err().contains(notText + ": " + notText + " is not UTF-8 text"), unreadable.err());
        assertArrayEquals(latin1, Files.readAllBytes(notText));
        assertTrue(Stream.of(CommandRun.of("sync", "--help").out().split("\n"))
                .anyMatch(l -> l.contains("sync --check README.md")));
    }
}
