package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.testsupport.RealModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line tool whose output write fails midway, as on a full disk: it says so in one line, exits 1, keeps
 * the good file it was asked to replace and leaves no temporary file. The failure is real: the tool runs in a JVM
 * under a file size limit (ulimit -f), where the JVM ignores SIGXFSZ and a write past the limit fails with EFBIG.
 */
class AtomicOutputCliTest {
    private static final String GOOD = "{\"an\": \"earlier, good output\"}\n";
    private static final int LIMIT_KB = 64;

    @TempDir
    Path dir;

    @Test
    void aWriteFailingMidwayKeepsTheGoodFileAndLeavesNoTempFile() throws Exception {
        Path target = Files.writeString(dir.resolve("model.json"), GOOD);
        Path model = RealModels.miniLm(); // its JSON is megabytes, far past the limit
        Process p = new ProcessBuilder("bash", "-c", "ulimit -f " + LIMIT_KB
                + " && exec \"$0\" -XX:-UsePerfData -cp \"$1\" io.github.nnvizonnx.cli.Main \"$2\" -q -o \"$3\"",
                javaCommand(), System.getProperty("java.class.path"), model.toString(), target.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the tool finished");

        assertEquals(ErrorHandlers.BAD_INPUT, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("nnviz-onnx: cannot write output: "), err);
        assertFalse(err.contains("\tat "), err);
        assertEquals(GOOD, Files.readString(target), "the good file is untouched");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temp file is left behind");
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
