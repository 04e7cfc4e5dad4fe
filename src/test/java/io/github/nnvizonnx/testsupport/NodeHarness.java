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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the Node.js test harnesses under {@code src/test} (mermaid, mxGraph) share: their pinned npm packages
 * installed once, a run of {@code node} with a time limit, and a strict reader of the JSON report they print.
 */
final class NodeHarness {
    private static final long NPM_TIMEOUT_MINUTES = 10;
    /** Each harness checked in this JVM, with why its packages are unusable (null: they are installed). */
    private static final Map<Path, String> CHECKED = new HashMap<>();

    private NodeHarness() {
    }

    /** Parses a harness's report: objects to LinkedHashMap, arrays to List, numbers to Double. */
    static Object parseJson(String json) {
        return new Json(json).document();
    }

    /**
     * Makes sure {@code harness/node_modules} holds the pinned packages ({@code requiredFiles} relative to it show
     * they are there), running {@code npm ci} at most once per harness and JVM; skips or fails the calling test
     * (see {@link ExternalTools}) when that is impossible.
     */
    static synchronized void install(Path harness, List<String> requiredFiles) {
        if (CHECKED.containsKey(harness)) {
            String problem = CHECKED.get(harness);
            ExternalTools.require(problem == null ? "" : problem, problem == null);
            return;
        }
        Path lock = harness.resolve("package-lock.json");
        String problem = null;
        if (!isUpToDate(harness, lock, requiredFiles)) {
            problem = ExternalTools.onPath("npm") ? npmCi(harness, lock, requiredFiles)
                    : "npm on PATH (to install the pinned packages of " + harness + " into its node_modules)";
        }
        CHECKED.put(harness, problem);
        ExternalTools.require(problem == null ? "" : problem, problem == null);
    }

    /** Runs {@code npm ci} under a file lock; returns null on success, else a description of the problem. */
    @SuppressWarnings("try") // the FileLock is only held, never referenced
    private static String npmCi(Path harness, Path lock, List<String> requiredFiles) {
        // Serialize with other JVMs (parallel surefire forks, IDE runs) sharing this checkout.
        Path lockFile = ExternalTools.projectDir().resolve("target").resolve(harness.getFileName() + "-npm-ci.lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                if (isUpToDate(harness, lock, requiredFiles)) {
                    return null; // another JVM just installed it
                }
                Run run;
                try {
                    run = run(List.of("npm", "ci", "--no-audit", "--no-fund"), harness, NPM_TIMEOUT_MINUTES);
                } catch (AssertionError timeout) {
                    return "the pinned packages of " + harness + ": " + timeout.getMessage();
                }
                if (run.exitCode == 0 && isUpToDate(harness, lock, requiredFiles)) {
                    return null;
                }
                return "the pinned packages of " + harness + ": npm ci in " + harness + " failed (exit "
                        + run.exitCode + "):\n" + tail(run.stderr) + tail(run.stdout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** node_modules holds the packages and npm's hidden lock file there is not older than package-lock.json. */
    private static boolean isUpToDate(Path harness, Path lock, List<String> requiredFiles) {
        Path modules = harness.resolve("node_modules");
        Path hidden = modules.resolve(".package-lock.json");
        if (!requiredFiles.stream().allMatch(f -> Files.isRegularFile(modules.resolve(f)))
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

    /** A finished process: its exit code and what it printed. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    static Run run(List<String> cmd, Path workDir, long timeoutMinutes) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("nnviz-node-out-", ".txt");
            err = Files.createTempFile("nnviz-node-err-", ".txt");
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

    static String tail(String s) {
        int max = 4000;
        return s.length() <= max ? s : "..." + s.substring(s.length() - max);
    }

    static void deleteRecursively(Path p) {
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
