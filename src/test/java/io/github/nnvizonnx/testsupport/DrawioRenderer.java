package io.github.nnvizonnx.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes and renders draw.io files with the real mxGraph library (npm {@code mxgraph}, pinned in
 * {@code src/test/drawio/package-lock.json}) in headless Debian Chromium, via {@code src/test/drawio/render.mjs}:
 * what the diagrams.net editor itself is built on. Needs {@code node}, {@code npm} the first time, and
 * {@code /usr/bin/chromium}; otherwise the calling test is skipped (or fails under {@code NNVIZ_REQUIRE_TOOLS=1}).
 */
public final class DrawioRenderer {
    private static final String HARNESS_DIR = "src/test/drawio";
    private static final long RENDER_TIMEOUT_MINUTES = 10;

    private DrawioRenderer() {
    }

    /**
     * One file as mxGraph decoded it: {@code parents} maps each cell's id to its parent's (null for the root),
     * {@code rendered} counts the cells the view drew.
     */
    public record Result(String file, boolean ok, String error, int vertices, int edges, int rendered,
                         Map<String, String> parents) {
    }

    /** Decodes and renders every {@code *.drawio} file of {@code dir}; with {@code png}, writes each as a PNG too. */
    public static Map<String, Result> renderAll(Path dir, boolean png) {
        ExternalTools.require("node on PATH (draw.io render check)", ExternalTools.onPath("node"));
        ExternalTools.require(MermaidRenderer.CHROMIUM + " (Debian package chromium; draw.io render check)",
                Files.isExecutable(MermaidRenderer.CHROMIUM));
        Path harness = ExternalTools.projectDir().resolve(HARNESS_DIR);
        NodeHarness.install(harness, List.of("mxgraph/javascript/mxClient.min.js", "playwright-core/package.json"));
        List<String> cmd = new ArrayList<>(List.of("node", "render.mjs", dir.toAbsolutePath().toString()));
        if (png) {
            cmd.add("--png");
        }
        NodeHarness.Run run = NodeHarness.run(cmd, harness, RENDER_TIMEOUT_MINUTES);
        if (run.exitCode() != 0) {
            throw new AssertionError("render.mjs failed (exit " + run.exitCode() + ")\nstderr:\n"
                    + NodeHarness.tail(run.stderr()) + "\nstdout:\n" + NodeHarness.tail(run.stdout()));
        }
        Map<String, Result> results = new LinkedHashMap<>();
        Map<?, ?> top = (Map<?, ?>) NodeHarness.parseJson(run.stdout());
        for (Object o : (List<?>) top.get("results")) {
            Map<?, ?> r = (Map<?, ?>) o;
            Map<String, String> parents = new LinkedHashMap<>();
            if (r.get("cells") instanceof Map<?, ?> cells) {
                cells.forEach((id, parent) -> parents.put((String) id, (String) parent));
            }
            String file = (String) r.get("file");
            results.put(file, new Result(file, Boolean.TRUE.equals(r.get("ok")), (String) r.get("error"),
                    count(r.get("vertices")), count(r.get("edges")), count(r.get("rendered")), parents));
        }
        return results;
    }

    private static int count(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }
}
