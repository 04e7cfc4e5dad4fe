package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.testsupport.ChildCli;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.HangGuard;
import io.github.nnvizonnx.testsupport.ProcessTreeStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool stopped by SIGTERM (what Process.destroy sends; Ctrl-C's SIGINT takes the same way out of the JVM) ends
 * the programs it started, with their own children, and deletes its temporary files.
 */
@Tag("slow") // child JVMs: left out of the quick tier (-Pquick)
class StopCleanupTest {
    private static final String MODEL = ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx").toString();

    @TempDir
    Path dir;

    @Test
    void stoppedWhileDotRendersLeavesNoDotAndNoTempFile() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        ProcessTreeStub dot = ProcessTreeStub.write(bin, "dot", "<svg");
        Path out = Files.createDirectories(dir.resolve("out"));
        ProcessBuilder builder = ChildCli.builder(List.of(), MODEL, "-q", "-o", out.resolve("big.svg").toString());
        ChildCli.putFirstOnPath(builder, bin);

        stopOnceStarted(builder, dot);
        dot.assertEnded();
        assertEquals(List.of(), filesIn(out), "no temporary file, no output");
    }

    @Test
    void stoppedWhileConvertingLeavesNoPythonAndNoLog() throws Exception {
        ProcessTreeStub python = ProcessTreeStub.write(dir, "python");
        Path cache = dir.resolve("cache");
        ProcessBuilder builder = ChildCli.builder(List.of(), "resnet18", "-q", "--python",
                python.program().toString(), "--cache-dir", cache.toString());

        stopOnceStarted(builder, python);
        python.assertEnded();
        assertEquals(List.of(), filesIn(cache.resolve("exports")), "no converter log left");
    }

    private void stopOnceStarted(ProcessBuilder builder, ProcessTreeStub child) throws Exception {
        Process tool = builder.redirectErrorStream(true).redirectOutput(dir.resolve("tool.log").toFile()).start();
        try {
            child.awaitStarted();
        } finally {
            tool.destroy();
            assertTrue(tool.waitFor(HangGuard.AMOUNT, HangGuard.UNIT), "the tool exited");
        }
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
