package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import io.github.nnvizonnx.testsupport.RealModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line tool in a JVM that runs out of something real, as a user's would: disk space while writing the
 * output (a file size limit, ulimit -f: the JVM ignores SIGXFSZ, so a write past it fails with EFBIG), or heap while
 * reading. Either way: one line on stderr, exit 1, the good output file untouched, no temporary file left.
 */
@Tag("slow") // child JVMs: left out of the quick tier (-Pquick)
class ConstrainedJvmCliTest {
    private static final String GOOD = "{\"an\": \"earlier, good output\"}\n";

    @TempDir
    Path dir;

    private record Run(int exitCode, String err) {
    }

    @Test
    void aWriteFailingMidwayKeepsTheGoodFileAndLeavesNoTempFile() throws Exception {
        Path target = Files.writeString(dir.resolve("model.json"), GOOD);
        Path model = RealModels.miniLm(); // its JSON is megabytes, far past the limit
        Run run = run("ulimit -f 64 && exec \"$0\" -XX:-UsePerfData -cp \"$1\" io.github.nnvizonnx.cli.Main \"$2\" -q"
                + " --shapes declared -o \"$3\"", model, target);

        assertOneLineError(run, "nnviz-onnx: cannot write to " + target + ": "); // names the file, not its temp
        assertEquals(GOOD, Files.readString(target), "the good file is untouched");
        assertOnlyFileIs(target);
    }

    @Test
    void aModelTooBigForTheHeapIsOneLineNotAStackTrace() throws Exception {
        String name = "n".repeat(3_000_000);
        Path model = OnnxBuilder.write(dir, "big-names.onnx", OnnxBuilder.model(GraphProto.newBuilder()
                .addInput(OnnxBuilder.tensor("x", 1)).addOutput(OnnxBuilder.tensor("y", 1))
                .addNode(OnnxBuilder.node("/" + name + "/" + name, "Relu", OnnxBuilder.in("x"), "y"))));
        Path target = Files.writeString(dir.resolve("model.json"), GOOD);
        Run run = run("exec \"$0\" -Xmx16m -XX:-UsePerfData -cp \"$1\" io.github.nnvizonnx.cli.Main \"$2\" -q"
                + " --shapes declared -o \"$3\"", model, target);

        assertOneLineError(run, "nnviz-onnx: out of memory");
        assertEquals(GOOD, Files.readString(target));
        assertTrue(Files.deleteIfExists(model));
        assertOnlyFileIs(target);
    }

    /** Runs a bash script with $0 the java command, $1 the test class path, $2 the model and $3 the output. */
    private static Run run(String script, Path model, Path output) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder("bash", "-c", script, java, System.getProperty("java.class.path"),
                model.toString(), output.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the tool finished");
        return new Run(p.exitValue(), err);
    }

    private static void assertOneLineError(Run run, String start) {
        assertEquals(ErrorHandlers.BAD_INPUT, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(start), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    private void assertOnlyFileIs(Path target) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temp file is left behind");
        }
    }
}
