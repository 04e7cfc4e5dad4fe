package io.github.nnvizonnx.testsupport;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a page of the html format as a reader would, in headless Debian Chromium through playwright-core (pinned in
 * {@code src/test/html/package-lock.json}), with every network request blocked: {@code src/test/html/explore.mjs}.
 * Its report (a JSON object, described in the script) says what the page drew and what each interaction changed.
 * Needs {@code node} (and, the first time, {@code npm}) and {@code /usr/bin/chromium}, else the test is skipped
 * ({@link ExternalTools}).
 */
public final class HtmlExplorer {
    private static final java.util.regex.Pattern MODEL = java.util.regex.Pattern.compile(
            "<script id=\"nnviz-model\" type=\"application/octet-stream\">([A-Za-z0-9+/=]*)</script>");

    /** The model a page carries, decoded as the page decodes it (gzip in base64). */
    public static JsonObject embeddedModel(String page) throws java.io.IOException {
        java.util.regex.Matcher m = MODEL.matcher(page);
        if (!m.find()) {
            throw new AssertionError("the page carries no model");
        }
        byte[] gzip = java.util.Base64.getDecoder().decode(m.group(1));
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(gzip))) {
            return com.google.gson.JsonParser.parseString(
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    private static final String HARNESS_DIR = "src/test/html";
    private static final long TIMEOUT_MINUTES = 10;

    private HtmlExplorer() {
    }

    /**
     * Opens {@code page}, hovers an operation, opens a closed module, opens a folded run, searches {@code search}
     * (when not null) and exports the view; saves a screenshot before and after when {@code screenshot} is not null.
     */
    public static JsonObject explore(Path page, String search, Path screenshot) {
        ExternalTools.require("node on PATH (html page check)", ExternalTools.onPath("node"));
        ExternalTools.require(MermaidRenderer.CHROMIUM + " (Debian package chromium; html page check)",
                Files.isExecutable(MermaidRenderer.CHROMIUM));
        Path harness = ExternalTools.projectDir().resolve(HARNESS_DIR);
        NodeHarness.install(harness, List.of("playwright-core/package.json"));
        List<String> command = new ArrayList<>(List.of("node", "explore.mjs", page.toAbsolutePath().toString()));
        if (search != null) {
            command.addAll(List.of("--search", search));
        }
        if (screenshot != null) {
            command.addAll(List.of("--screenshot", screenshot.toAbsolutePath().toString()));
        }
        NodeHarness.Run run = NodeHarness.run(command, harness, TIMEOUT_MINUTES);
        if (run.exitCode() != 0) {
            throw new AssertionError("explore.mjs failed (exit " + run.exitCode() + ")\nstderr:\n"
                    + NodeHarness.tail(run.stderr()) + "\nstdout:\n" + NodeHarness.tail(run.stdout()));
        }
        return JsonParser.parseString(run.stdout()).getAsJsonObject();
    }
}
