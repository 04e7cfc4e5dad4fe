package io.github.nnvizonnx.emit.render;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders DOT text with Graphviz's own dot program, in dot's own output formats (svg, pdf, png), by piping it through
 * {@code dot -T<format>}: graphviz-java's command-line engine writes work folders under
 * {@code java.io.tmpdir/GraphvizJava} that it never removes (and fails on a second render in one JVM once they are
 * redirected), while a pipe needs no file at all.
 */
public final class GraphvizRenderer {
    private static final long TIMEOUT_MINUTES = 10;

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
        Path dot = dotExecutable();
        if (dot == null) {
            throw new RenderException("rendering " + format + " needs Graphviz's dot, which is not installed"
                    + " (apt-get install graphviz, brew install graphviz, or graphviz.org); --format dot writes the"
                    + " DOT source without it");
        }
        Process process = new ProcessBuilder(List.of(dot.toString(), "-T" + format)).start();
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> feed(process, dotSource));
        try {
            process.getInputStream().transferTo(out);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new RenderException("Graphviz took longer than " + TIMEOUT_MINUTES + " minutes; try a smaller"
                        + " --depth or --layer");
            }
            feeding.join();
            if (process.exitValue() != 0) {
                String message = new String(errors.join(), StandardCharsets.UTF_8).lines().findFirst()
                        .orElse("exit code " + process.exitValue());
                throw new RenderException("Graphviz could not render the diagram: " + message);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RenderException("rendering was interrupted", e);
        }
    }

    private static void feed(Process process, String dotSource) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(dotSource.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // dot stopped reading (it failed early); its exit code and stderr tell why
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new ByteArrayOutputStream().toByteArray();
        }
    }
}
