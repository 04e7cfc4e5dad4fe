package io.github.nnvizonnx.emit.render;

import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizCmdLineEngine;
import guru.nidi.graphviz.engine.GraphvizException;
import guru.nidi.graphviz.engine.Rasterizer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders DOT text with Graphviz's own dot program, in dot's own output formats (svg, pdf, png).
 * graphviz-java's command-line engine keeps its work files under {@code java.io.tmpdir/GraphvizJava} and never removes
 * them; each render therefore points {@code java.io.tmpdir} at a private folder for its duration and deletes it after.
 */
public final class GraphvizRenderer {
    private static final int TIMEOUT_MINUTES = 10;

    private GraphvizRenderer() {
    }

    /** Whether Graphviz's dot is on the PATH. */
    public static boolean dotInstalled() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "dot"))) {
                return true;
            }
        }
        return false;
    }

    public static synchronized void render(String dot, String format, OutputStream out) throws IOException {
        if (!dotInstalled()) {
            throw new RenderException("rendering " + format + " needs Graphviz's dot, which is not installed"
                    + " (apt-get install graphviz, brew install graphviz, or graphviz.org); --format dot writes the"
                    + " DOT source without it");
        }
        Path workDir = Files.createTempDirectory("nnviz-render");
        String originalTmp = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", workDir.toString());
        try {
            Graphviz.useEngine(new GraphvizCmdLineEngine().timeout(TIMEOUT_MINUTES, TimeUnit.MINUTES));
            Graphviz.fromString(dot).rasterize(Rasterizer.builtIn(format)).toOutputStream(out);
        } catch (GraphvizException e) {
            throw new RenderException("Graphviz could not render the diagram: " + firstLine(e.getMessage()), e);
        } finally {
            Graphviz.releaseEngine();
            System.setProperty("java.io.tmpdir", originalTmp);
            deleteTree(workDir);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse("unknown error");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
