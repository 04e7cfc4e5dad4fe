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
    private static final long NPM_TIMEOUT_MINUTES = 10;

    /** Set once {@code npm ci} has been checked (and run if needed) in this JVM. */
    private static boolean npmChecked;
    /** Why the npm install is unusable (non-null only after a failed {@code npm ci}); not retried per JVM. */
    private static String npmProblem;

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
        ensureNodeModules(harness);

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
        Run run = run(cmd, harness, RENDER_TIMEOUT_MINUTES);
        if (run.exitCode != 0) {
            throw new AssertionError("render.mjs failed (exit " + run.exitCode + ")\nstderr:\n" + tail(run.stderr)
                    + "\nstdout:\n" + tail(run.stdout));
        }
        RenderReport report;
        try {
            report = parseReport(run.stdout);
        } catch (RuntimeException e) {
            throw new AssertionError("cannot parse render.mjs output: " + e.getMessage() + "\nstdout:\n"
                    + tail(run.stdout) + "\nstderr:\n" + tail(run.stderr), e);
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
            deleteRecursively(tmp);
        }
    }

    // ---------------------------------------------------------------- npm ci

    private static synchronized void ensureNodeModules(Path harness) {
        if (npmChecked) {
            ExternalTools.require(npmProblem == null ? "" : npmProblem, npmProblem == null);
            return;
        }
        npmChecked = true;
        Path lock = harness.resolve("package-lock.json");
        if (isUpToDate(harness, lock)) {
            return;
        }
        if (!ExternalTools.onPath("npm")) {
            npmProblem = "npm on PATH (to install the pinned mermaid/playwright-core into " + harness
                    + "/node_modules)";
        } else {
            npmProblem = npmCi(harness, lock);
        }
        ExternalTools.require(npmProblem == null ? "" : npmProblem, npmProblem == null);
    }

    /** Runs {@code npm ci} under a file lock; returns null on success, else a description of the problem. */
    @SuppressWarnings("try") // the FileLock is only held, never referenced
    private static String npmCi(Path harness, Path lock) {
        // Serialize with other JVMs (parallel surefire forks, IDE runs) sharing this checkout.
        Path lockFile = ExternalTools.projectDir().resolve("target").resolve("mermaid-npm-ci.lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                if (isUpToDate(harness, lock)) {
                    return null; // another JVM just installed it
                }
                Run run;
                try {
                    run = run(List.of("npm", "ci", "--no-audit", "--no-fund"), harness, NPM_TIMEOUT_MINUTES);
                } catch (AssertionError timeout) {
                    return "the pinned mermaid/playwright-core packages: " + timeout.getMessage();
                }
                if (run.exitCode == 0 && isUpToDate(harness, lock)) {
                    return null;
                }
                return "the pinned mermaid/playwright-core packages: npm ci in " + harness + " failed (exit "
                        + run.exitCode + "):\n" + tail(run.stderr) + tail(run.stdout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** node_modules holds both packages and npm's hidden lock file there is not older than package-lock.json. */
    private static boolean isUpToDate(Path harness, Path lock) {
        Path modules = harness.resolve("node_modules");
        Path hidden = modules.resolve(".package-lock.json");
        if (!Files.isRegularFile(modules.resolve("mermaid/dist/mermaid.min.js"))
                || !Files.isRegularFile(modules.resolve("playwright-core/package.json"))
                || !Files.isRegularFile(hidden)) {
            return false;
        }
        try {
            FileTime installed = Files.getLastModifiedTime(hidden);
            return installed.compareTo(Files.getLastModifiedTime(lock)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- processes

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run run(List<String> cmd, Path workDir, long timeoutMinutes) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("nnviz-mermaid-out-", ".txt");
            err = Files.createTempFile("nnviz-mermaid-err-", ".txt");
            Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done;
            try {
                done = p.waitFor(timeoutMinutes, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done = false;
            }
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly); // Chromium children first
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish within " + timeoutMinutes
                        + " min\nstderr:\n" + tail(Files.readString(err, StandardCharsets.UTF_8)));
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd, e);
        } finally {
            deleteRecursively(out);
            deleteRecursively(err);
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String tail(String s) {
        int max = 4000;
        return s.length() <= max ? s : "..." + s.substring(s.length() - max);
    }

    private static void deleteRecursively(Path p) {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            // best effort: temp files only
        }
    }

    // ---------------------------------------------------------------- JSON

    /** Parses render.mjs's stdout: {@code {"mermaidVersion":"..","results":[{"file":..,"ok":..,...}]}}. */
    static RenderReport parseReport(String json) {
        Object root = new Json(json).document();
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

    /** Minimal strict JSON reader: objects to LinkedHashMap, arrays to List, numbers to Double. */
    private static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object document() {
            Object v = value();
            ws();
            if (i != s.length()) {
                throw error("trailing characters");
            }
            return v;
        }

        private Object value() {
            ws();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected character '" + c + "'");
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++; // {
            ws();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                ws();
                if (peek() != '"') {
                    throw error("expected a key");
                }
                String key = string();
                ws();
                expect(':');
                m.put(key, value());
                ws();
                if (peek() == ',') {
                    i++;
                } else {
                    expect('}');
                    return m;
                }
            }
        }

        private List<Object> array() {
            List<Object> a = new ArrayList<>();
            i++; // [
            ws();
            if (peek() == ']') {
                i++;
                return a;
            }
            while (true) {
                a.add(value());
                ws();
                if (peek() == ',') {
                    i++;
                } else {
                    expect(']');
                    return a;
                }
            }
        }

        private String string() {
            i++; // opening quote
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (i >= s.length()) {
                    throw error("unterminated escape");
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        i += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private Double number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            try {
                return Double.valueOf(s.substring(start, i));
            } catch (NumberFormatException ex) {
                throw error("bad number");
            }
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, i)) {
                throw error("expected " + word);
            }
            i += word.length();
            return v;
        }

        private void ws() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private IllegalArgumentException error(String msg) {
            return new IllegalArgumentException("JSON: " + msg + " at offset " + i);
        }
    }
}
