package io.github.nnvizonnx.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.internal.cleanup.ProcessTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A stand-in for a slow external program (dot, python): a shell script that starts a child of its own, records both
 * process ids, and waits ten minutes, far beyond {@link HangGuard#LIMIT}, so that a tree nobody ended is still there
 * when the test looks. Tests use it to see that the whole tree is ended, not only the direct child.
 */
public record ProcessTreeStub(Path program, Path pidFile) {
    /** Far above any wait a test needs; no test should ever sit through it. */
    private static final Duration GENEROUS = HangGuard.LIMIT;

    /** Writes the script as {@code dir/name}. */
    public static ProcessTreeStub write(Path dir, String name) {
        return write(dir, name, "");
    }

    /** Writes the script as {@code dir/name}; once both processes run, it prints {@code output} (no quotes in it). */
    public static ProcessTreeStub write(Path dir, String name, String output) {
        Path pids = dir.resolve(name + ".pids");
        // the ids appear at once (mv), so a reader never sees half of them
        Path program = ConverterFixtures.executable(dir, name, "sleep 600 &\necho $$ $! > '" + pids + ".part'\nmv '"
                + pids + ".part' '" + pids + "'\nprintf '%s' '" + output + "'\nwait");
        return new ProcessTreeStub(program, pids);
    }

    /** Waits until the program and its child are running, and returns their process ids. */
    public List<Long> awaitStarted() throws InterruptedException {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (!Files.exists(pidFile)) {
            assertTrue(System.nanoTime() < deadline, program + " did not start");
            Thread.sleep(50);
        }
        try {
            return Arrays.stream(Files.readString(pidFile).trim().split(" ")).map(Long::valueOf).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that the program and its child have both ended (a process just killed may need a moment to go). */
    public void assertEnded() throws InterruptedException {
        List<ProcessHandle> running = awaitStarted().stream().flatMap(pid -> ProcessHandle.of(pid).stream())
                .filter(process -> !ProcessTree.awaitExit(process, GENEROUS)).toList();
        running.forEach(ProcessHandle::destroyForcibly); // a failed test leaves nothing behind either
        assertEquals(List.of(), running.stream().map(ProcessHandle::pid).toList(),
                program.getFileName() + " processes still running");
    }
}
