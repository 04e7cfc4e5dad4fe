package io.github.nnvizonnx.emit.render;

import io.github.nnvizonnx.internal.cleanup.ExitCleanup;
import io.github.nnvizonnx.internal.cleanup.ProcessTree;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Renders DOT text with Graphviz's own dot program, in dot's own output formats (svg, pdf, png), by piping it through
 * {@code dot -T<format>}: graphviz-java's command-line engine writes work folders under
 * {@code java.io.tmpdir/GraphvizJava} that it never removes (and fails on a second render in one JVM once they are
 * redirected), while a pipe needs no file at all.
 */
final class GraphvizRenderer {

    /**
     * dot's three pipes each get a thread of their own: any one of them left unserved can block dot, and the caller
     * stays free to watch the clock. Daemons, so that a stuck pipe never keeps the JVM alive.
     */
    private static final Executor PIPE_THREADS = task -> {
        Thread thread = new Thread(task, "graphviz pipe");
        thread.setDaemon(true);
        thread.start();
    };

    private GraphvizRenderer() {
    }

    /** Whether Graphviz's dot is on the PATH. */
    public static boolean dotInstalled() {
        return dotExecutable() != null;
    }

    private static Path dotExecutable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = dir.isEmpty() ? null : Path.of(dir, "dot");
            if (candidate != null && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public static void render(String dotSource, String format, OutputStream out) throws IOException {
        render(dotSource, format, List.of(), out, io.github.nnvizonnx.emit.DrawOptions.DEFAULT_RENDER_TIME_LIMIT);
    }

    /**
     * Renders with {@code options} added to dot's command line (e.g. {@code -Gdpi=144}); past {@code limit} (laying
     * out a huge or hostile graph can run for hours) dot's process tree is ended and rendering fails.
     */
    public static void render(String dotSource, String format, List<String> options, OutputStream out,
                              Duration limit) throws IOException {
        Path dot = dotExecutable();
        if (dot == null) {
            throw new RenderException("rendering " + format + " needs Graphviz's dot, which is not installed"
                    + " (apt-get install graphviz, brew install graphviz, or graphviz.org); --format dot writes the"
                    + " DOT source without it");
        }
        render(dot, dotSource, format, options, out, limit, System.err::println);
    }

    /**
     * Runs the given dot program; past {@code limit} it is stopped, with whatever it started, and rendering fails.
     * What dot warns about while it succeeds (a bitmap scaled down to fit, say) goes to {@code warnings}, as one line.
     */
    static void render(Path dot, String dotSource, String format, OutputStream out, Duration limit,
                       Consumer<String> warnings) throws IOException {
        render(dot, dotSource, format, List.of(), out, limit, warnings);
    }

    private static void render(Path dot, String dotSource, String format, List<String> options, OutputStream out,
                               Duration limit, Consumer<String> warnings) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(dot.toString(), "-T" + format));
        command.addAll(options);
        try (ExitCleanup.Tracked<Process> tracked = ExitCleanup.start(new ProcessBuilder(command))) {
            Process process = tracked.get();
            CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(
                    () -> readAll(process.getErrorStream()), PIPE_THREADS);
            byte[] input = dotSource.getBytes(StandardCharsets.UTF_8); // here: a failure to encode is ours to report
            CompletableFuture.runAsync(() -> feed(process, input), PIPE_THREADS);
            CompletableFuture<Void> copying = CompletableFuture.runAsync(() -> copy(process.getInputStream(), out),
                    PIPE_THREADS);
            awaitWithin(process, copying, limit);
            if (process.exitValue() != 0) {
                String message = new String(errors.join(), StandardCharsets.UTF_8).lines().findFirst()
                        .orElse("exit code " + process.exitValue());
                throw new RenderException("Graphviz could not render the diagram: " + message);
            }
            String warning = warningLine(new String(errors.join(), StandardCharsets.UTF_8));
            if (warning != null) {
                warnings.accept(warning);
            }
        }
    }

    /** dot's warnings as one line for the user, or null when it had none. */
    static String warningLine(String dotErrors) {
        List<String> lines = dotErrors.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return null;
        }
        String first = lines.get(0).replaceFirst("^(?i)warning:\\s*", "");
        return "nnviz-onnx: warning: Graphviz: " + first + (lines.size() > 1 ? " (and " + (lines.size() - 1)
                + " more line" + (lines.size() > 2 ? "s" : "") + ")" : "");
    }

    /** Waits until dot has written all its output and exited; otherwise ends it and says why. */
    private static void awaitWithin(Process process, CompletableFuture<Void> copying, Duration limit)
            throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            copying.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            if (!process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException();
            }
        } catch (TimeoutException e) {
            stop(process, copying);
            throw new RenderException("Graphviz took longer than " + describe(limit) + " (--render-time-limit); try"
                    + " a smaller --depth or --layer");
        } catch (ExecutionException e) {
            stop(process, copying); // the output cannot take more: dot would block on its full pipe forever
            throw rethrowable(e.getCause());
        } catch (InterruptedException e) {
            stop(process, copying);
            Thread.currentThread().interrupt();
            throw new RenderException("rendering was interrupted", e);
        }
    }

    /**
     * Ends dot's process tree and closes its output, then waits a moment for the copy to stop. A copy stuck writing
     * to a stalled destination may still be inside that write when this returns; it writes nothing more after it.
     */
    private static void stop(Process process, CompletableFuture<Void> copying) {
        ProcessTree.end(process.toHandle(), Duration.ZERO);
        try {
            process.getInputStream().close();
        } catch (IOException e) {
            // already closed: the copy has seen the end
        }
        try {
            copying.get(ProcessTree.GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the copy failed or is stuck on the output; either way its bytes are no longer wanted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static IOException rethrowable(Throwable cause) {
        if (cause instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        return new IOException(cause);
    }

    private static String describe(Duration limit) {
        return limit.toMillis() % 60_000 == 0 && !limit.isZero() ? limit.toMinutes() + " minutes"
                : limit.toMillis() / 1000.0 + " s";
    }

    private static void copy(InputStream dotOutput, OutputStream out) {
        try {
            dotOutput.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void feed(Process process, byte[] input) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input);
        } catch (IOException e) {
            // dot stopped reading (it failed early); its exit code and stderr tell why
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
