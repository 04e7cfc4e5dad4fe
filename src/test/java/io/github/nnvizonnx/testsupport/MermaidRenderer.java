package io.github.nnvizonnx.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Checks that Mermaid text really renders, with the real mermaid 11 (pinned in
 * {@code src/test/mermaid/package-lock.json}) in headless Debian Chromium ({@code /usr/bin/chromium}), via
 * {@code src/test/mermaid/render.mjs}. Mermaid runs with its default configuration (maxEdges 500,
 * maxTextSize 50000) apart from {@code startOnLoad:false, securityLevel:'strict'}.
 *
 * <p>Needs {@code node} (and, the first time, {@code npm}) on PATH and {@code /usr/bin/chromium}; otherwise the
 * calling test is skipped, or fails under {@code NNVIZ_REQUIRE_TOOLS=1} (see {@link ExternalTools}).
 * {@code npm ci} runs at most once per JVM, when {@code node_modules} is missing or older than the lock file.
 *
 * <p>Render many diagrams with one {@link #renderAll(Path)} call: the browser starts once per call (~1-2 s).
 */
public final class MermaidRenderer {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String HARNESS_DIR = "src/test/mermaid";
    private static final long RENDER_TIMEOUT_MINUTES = 10;


    private MermaidRenderer() {
    }

    /**
     * Outcome for one {@code .mmd} file; {@code nodes}/{@code clusters} are SVG elements with class node/cluster.
     * Measured ({@link #measureAll}) as shown in GitHub's 880 px column: {@code width}/{@code height} in px and
     * {@code fontPx}, the median node-label font size as displayed (computed size times the scale); else 0.
     */
    public record Result(String file, boolean ok, String error, int nodes, int clusters, double width, double height,
                         double fontPx) {
        /** A result without measurements. */
        public Result(String file, boolean ok, String error, int nodes, int clusters) {
            this(file, ok, error, nodes, clusters, 0, 0, 0);
        }
    }

    /** Everything render.mjs reported, in file-name order. */
    public record RenderReport(String mermaidVersion, List<Result> results) {

        public RenderReport {
            results = List.copyOf(results);
        }

        public List<Result> failures() {
            return results.stream().filter(r -> !r.ok()).toList();
        }

        /** The result for a file name such as {@code "a.mmd"}. */
        public Result result(String file) {
            return results.stream().filter(r -> r.file().equals(file)).findFirst()
                    .orElseThrow(() -> new AssertionError("no render result for " + file + " in " + results));
        }
    }

    /** Renders every {@code *.mmd} file directly in {@code dirOfMmdFiles}. */
    public static RenderReport renderAll(Path dirOfMmdFiles) {
        return renderAll(dirOfMmdFiles, false);
    }

    /**
     * Renders every {@code *.mmd} file directly in {@code dirOfMmdFiles}.
     *
     * @param writeSvg also write {@code <name>.svg} next to each {@code <name>.mmd} (debugging)
     */
    public static RenderReport renderAll(Path dirOfMmdFiles, boolean writeSvg) {
        return renderAll(dirOfMmdFiles, writeSvg, false);
    }

    /** Renders every {@code *.mmd} file of {@code dirOfMmdFiles} and measures it as shown in GitHub's column. */
    public static RenderReport measureAll(Path dirOfMmdFiles) {
        return renderAll(dirOfMmdFiles, false, true);
    }

    private static RenderReport renderAll(Path dirOfMmdFiles, boolean writeSvg, boolean measure) {
        ExternalTools.require("node on PATH (Mermaid render check)", ExternalTools.onPath("node"));
        ExternalTools.require(CHROMIUM + " (Debian package chromium; Mermaid render check)",
                Files.isExecutable(CHROMIUM));
        Path harness = ExternalTools.projectDir().resolve(HARNESS_DIR);
        if (!Files.isRegularFile(harness.resolve("render.mjs"))) {
            throw new AssertionError("Mermaid harness not found: " + harness.resolve("render.mjs"));
        }
        NodeHarness.install(harness, List.of("mermaid/dist/mermaid.min.js", "playwright-core/package.json"));

        Path dir = dirOfMmdFiles.toAbsolutePath().normalize();
        long expected;
        try (Stream<Path> s = Files.list(dir)) {
            expected = s.filter(p -> p.getFileName().toString().endsWith(".mmd") && Files.isRegularFile(p)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of("node", "render.mjs", dir.toString()));
        if (writeSvg) {
            cmd.add("--svg");
        }
        if (measure) {
            cmd.add("--measure");
        }
        NodeHarness.Run run = NodeHarness.run(cmd, harness, RENDER_TIMEOUT_MINUTES);
        if (run.exitCode() != 0) {
            throw new AssertionError("render.mjs failed (exit " + run.exitCode() + ")\nstderr:\n"
                    + NodeHarness.tail(run.stderr()) + "\nstdout:\n" + NodeHarness.tail(run.stdout()));
        }
        RenderReport report;
        try {
            report = parseReport(run.stdout());
        } catch (RuntimeException e) {
            throw new AssertionError("cannot parse render.mjs output: " + e.getMessage() + "\nstdout:\n"
                    + NodeHarness.tail(run.stdout()) + "\nstderr:\n" + NodeHarness.tail(run.stderr()), e);
        }
        if (report.results().size() != expected) {
            throw new AssertionError("render.mjs reported " + report.results().size() + " results for " + expected
                    + " .mmd files in " + dir);
        }
        return report;
    }

    /** Renders one diagram (in a temporary directory that is deleted afterwards). */
    public static Result renderOne(String mermaidText) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("nnviz-mermaid-");
            Files.writeString(tmp.resolve("diagram.mmd"), mermaidText, StandardCharsets.UTF_8);
            return renderAll(tmp).results().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            NodeHarness.deleteRecursively(tmp);
        }
    }

    // ---------------------------------------------------------------- JSON

    /** Parses render.mjs's stdout: {@code {"mermaidVersion":"..","results":[{"file":..,"ok":..,...}]}}. */
    static RenderReport parseReport(String json) {
        Object root = NodeHarness.parseJson(json);
        if (!(root instanceof Map<?, ?> top)) {
            throw new IllegalArgumentException("top level is not an object");
        }
        List<Result> results = new ArrayList<>();
        if (!(top.get("results") instanceof List<?> list)) {
            throw new IllegalArgumentException("no \"results\" array");
        }
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("file") instanceof String file)
                    || !(m.get("ok") instanceof Boolean ok)) {
                throw new IllegalArgumentException("bad result entry: " + o);
            }
            Object error = m.get("error");
            results.add(new Result(file, ok, error == null ? null : error.toString(),
                    intOr0(m.get("nodes")), intOr0(m.get("clusters")), doubleOr0(m.get("width")),
                    doubleOr0(m.get("height")), doubleOr0(m.get("fontPx"))));
        }
        return new RenderReport(String.valueOf(top.get("mermaidVersion")), results);
    }

    private static int intOr0(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }

    private static double doubleOr0(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }
}
