package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.testsupport.ChildCli;
import io.github.nnvizonnx.testsupport.ExternalTools;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A diagram that cannot be written to the real standard output (a full device, a closed descriptor) is an error:
 * one line on stderr and exit 1, never a silent success with the diagram lost.
 */
@Tag("slow") // child JVMs: left out of the quick tier (-Pquick)
class StdoutFailureTest {
    private static final File DEV_FULL = new File("/dev/full");
    private static final String MODEL = ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx").toString();

    private record Run(int code, List<String> errLines) {
    }

    /** Only opens /dev/full as the child's stdout, as a shell's {@code > /dev/full} would; it is never replaced. */
    @Test
    void aFullStdoutIsReported() throws Exception {
        ExternalTools.require("/dev/full", DEV_FULL.exists());
        // --shapes declared: an onnxruntime run slower than a second (a loaded machine) would add a status line
        Run diagram = run(ChildCli.builder(List.of(), MODEL, "--format", "mermaid", "--shapes", "declared")
                .redirectOutput(DEV_FULL));
        assertEquals(new Run(1, List.of("nnviz-onnx: cannot write to standard output: No space left on device")),
                diagram);
        Run help = run(ChildCli.builder(List.of(), "--help").redirectOutput(DEV_FULL));
        assertEquals(new Run(1, List.of("nnviz-onnx: cannot write to standard output")), help);
    }

    @Test
    void aClosedStdoutIsReported() throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "exec \"$@\" >&-", "bash"));
        command.addAll(ChildCli.builder(List.of(), MODEL, "--format", "mermaid", "--shapes", "declared").command());
        Run run = run(new ProcessBuilder(command));
        assertEquals(1, run.code(), run.errLines().toString());
        assertEquals(1, run.errLines().size(), run.errLines().toString());
        assertTrue(run.errLines().get(0).startsWith("nnviz-onnx: cannot write to standard output: "),
                run.errLines().get(0));
    }

    /** {@code | head}: the reader is gone before the diagram is written; the tool stops quietly, as shell tools do. */
    @Test
    void aReaderThatLeavesEarlyEndsTheRunQuietly() throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "\"$@\" | true; exit ${PIPESTATUS[0]}",
                "bash"));
        command.addAll(ChildCli.builder(List.of(), MODEL, "--format", "dot", "-q").command());
        Run run = run(new ProcessBuilder(command));
        assertEquals(new Run(ErrorHandlers.BROKEN_PIPE, List.of()), run);
    }

    private static Run run(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the tool finished");
        return new Run(process.exitValue(), err.lines().toList());
    }
}
