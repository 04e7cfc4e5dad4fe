package io.github.nnvizonnx.convert;

import io.github.nnvizonnx.internal.cleanup.ExitCleanup;
import io.github.nnvizonnx.internal.cleanup.ProcessTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program directly (no shell, so specs need no quoting) with a time limit. Its stdout and stderr go, in order,
 * into one log file: a file cannot fill up and block the program the way an unread pipe can.
 */
final class Subprocess {
    /** How the program ended: its exit code and everything it printed. */
    record Outcome(int exitCode, String output) {
        /** The non-blank lines of the output. */
        List<String> lines() {
            return output.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** The program ran longer than allowed and was killed. */
    static final class TimedOut extends Exception {
        TimedOut(String message) {
            super(message);
        }
    }

    private Subprocess() {
    }

    static Outcome run(List<String> command, Map<String, String> extraEnvironment, Path log, Duration timeout)
            throws IOException, TimedOut {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(extraEnvironment);
        try (ExitCleanup.Tracked<Process> tracked = ExitCleanup.start(builder)) {
            Process process = tracked.get();
            process.getOutputStream().close(); // no input: a model that reads stdin sees end-of-file, not a hang
            if (!waitFor(process, timeout, command.get(0))) {
                ProcessTree.end(process.toHandle(), ProcessTree.GRACE);
                throw new TimedOut(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Outcome(process.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        }
    }

    private static boolean waitFor(Process process, Duration timeout, String program) throws IOException {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            ProcessTree.end(process.toHandle(), ProcessTree.GRACE);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + program, e);
        }
    }
}
