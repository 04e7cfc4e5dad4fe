package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.HostileRuns;
import io.github.nnvizonnx.testsupport.OutputSyntax;
import io.github.nnvizonnx.testsupport.WatchedCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models that attack the onnxruntime run, drawn by the command line tool as a user runs it: whatever the run does
 * (asks for 6.4 GB, reads a 6 GiB weight, crashes, never ends), the whole process tree stays under 1 GB, the run
 * ends at its limit, and the tool prints the diagram with the declared shapes, one warning line, exit 0, and leaves
 * no crash log, temporary file nor process behind.
 */
@Tag("slow") // child JVMs: left out of the quick tier (-Pquick)
class ContainedRunTest {
    private static final long ONE_GB = 1_000_000_000L;

    @TempDir
    Path dir;

    private Path work;
    private Path tmp;

    @BeforeEach
    void folders() throws IOException {
        work = Files.createDirectories(dir.resolve("work"));
        tmp = Files.createDirectories(dir.resolve("tmp"));
        ExternalTools.require("Linux /proc (the tree's memory is read there)", Files.isDirectory(Path.of("/proc/self")));
    }

    private WatchedCli.Run draw(Path model, Consumer<ProcessHandle> whileRunning, String... options)
            throws Exception {
        String[] args = Stream.concat(Stream.of(model.toString(), "-q"), Stream.of(options)).toArray(String[]::new);
        return WatchedCli.run(work, tmp, whileRunning, args);
    }

    /** The outcome every contained run shares; returns the warning. */
    private String assertContained(WatchedCli.Run run) throws IOException {
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches(OutputSyntax.MERMAID_START), "a diagram and only a diagram: " + run.out());
        assertFalse(run.out().contains("fatal error") || run.out().contains("SIGSEGV"), "no crash banner: " + run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("nnviz-onnx: warning: "), run.err());
        assertTrue(run.err().strip().endsWith("; edges show the declared shapes"), run.err());
        assertTrue(run.peakTreeBytes() < ONE_GB, "whole tree at most " + run.peakTreeBytes() + " bytes");
        assertEquals(List.of(), WatchedCli.crashLogs(work, tmp), "no crash log anywhere");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "nothing left in the temp folder");
        }
        for (long pid : run.started()) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " ended");
        }
        return run.err();
    }

    /** {@link #assertContained}, and the figures for the README's table. */
    private String assertContained(String what, WatchedCli.Run run) throws IOException {
        String warning = assertContained(run);
        System.out.printf("%s: %d ms, whole tree at most %d MiB: %s%n", what, run.millis(), run.peakTreeBytes() >> 20,
                warning.strip());
        return warning;
    }

    /** What to do with the tool and its run's process, 1.5 s into the run (onnxruntime loaded, the model going). */
    private interface InTheRun {
        void act(ProcessHandle tool, ProcessHandle run) throws IOException, InterruptedException;
    }

    private static Consumer<ProcessHandle> inTheRun(InTheRun action) {
        return tool -> {
            try {
                ProcessHandle run = WatchedCli.awaitDescendant(tool, "IsolatedRun");
                Thread.sleep(1500);
                action.act(tool, run);
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        };
    }

    @Test
    void aTensorSizedAtRunTimeStopsAtTheMemoryLimit() throws Exception {
        Path model = HostileRuns.runTimeSizedTensor(work, 40_000); // 6.4 GB of float32
        assertTrue(Files.size(model) < 400, Files.size(model) + " bytes");
        WatchedCli.Run run = draw(model, p -> { }, "--shapes-memory-limit", "256m");
        String warning = assertContained("run-time-sized 6.4 GB tensor under 256m", run);
        assertTrue(warning.contains("memory") || warning.contains("allocat"), warning);
    }

    @Test
    void memoryTheAddressSpaceLimitLetsThroughIsStoppedByTheWatch() throws Exception {
        Path model = HostileRuns.runTimeSizedTensor(work, 10_000); // 400 MB: within the address space allowed
        WatchedCli.Run run = draw(model, p -> { }, "--shapes-memory-limit", "256m");
        String warning = assertContained("run-time-sized 400 MB tensor under 256m", run);
        assertTrue(warning.contains("memory"), warning);
    }

    @Test
    void aSparseSixGibWeightStaysBoundedUnderTheDefaultLimit() throws Exception {
        Path model = HostileRuns.sparseExternalWeight(work, 6L << 30);
        assertEquals(6L << 30, Files.size(work.resolve("weights.bin")));
        WatchedCli.Run run = draw(model, p -> { });
        assertContained("sparse 6 GiB external weight under the default 2g", run);
    }

    @Test
    void aCrashOfTheRunIsOneWarningAndLeavesNoCrashLog() throws Exception {
        ExternalTools.require("kill on the PATH (procps), to send SIGSEGV", ExternalTools.onPath("kill"));
        Path model = HostileRuns.endlessLoop(work);
        WatchedCli.Run run = draw(model, inTheRun((tool, child) -> {
            Process kill = new ProcessBuilder("kill", "-SEGV", Long.toString(child.pid())).start();
            assertEquals(0, kill.waitFor());
        }));
        String warning = assertContained("run killed with SIGSEGV", run);
        assertTrue(warning.contains("crashed"), warning);
    }

    @Test
    void aRunPastTheTimeLimitIsKilled() throws Exception {
        Path model = HostileRuns.endlessLoop(work);
        WatchedCli.Run run = draw(model, p -> { }, "--shapes-time-limit", "3");
        String warning = assertContained("endless loop under a 3 s limit", run);
        assertTrue(warning.contains("took longer than 3 s (--shapes-time-limit)"), warning);
    }

    @Test
    void stoppingTheToolEndsTheRunAndLeavesNothing() throws Exception {
        Path model = HostileRuns.endlessLoop(work);
        ProcessHandle[] child = new ProcessHandle[1];
        WatchedCli.Run run = draw(model, inTheRun((tool, started) -> {
            child[0] = started;
            tool.destroy(); // SIGTERM, as Ctrl-C or a service manager sends
        }));
        assertEquals(143, run.exitCode(), run.err());
        assertTrue(child[0].onExit().get(10, java.util.concurrent.TimeUnit.SECONDS) != null);
        assertFalse(child[0].isAlive(), "the run's process ended with the tool");
        assertEquals(List.of(), WatchedCli.crashLogs(work, tmp));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the run's folder is deleted");
        }
    }

    @Test
    void anExplodingFunctionModelDrawnFlatIsNotRun() throws Exception {
        Path model = HostileRuns.explodingFunctions(work, 41, false); // 2^40 operations once expanded
        WatchedCli.Run run = draw(model, p -> { }, "--hierarchy", "flat");
        String warning = assertContained(run);
        assertTrue(warning.contains("1,099,511,627,776 operations (its local functions expanded)"), warning);
        // the run's process, started while the model was read, got no plan and was ended (assertContained)
    }
}
