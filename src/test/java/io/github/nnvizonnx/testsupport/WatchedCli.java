package io.github.nnvizonnx.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The command line tool in a JVM of its own, in a working folder with a temp folder of its own, watched from outside
 * as a user's machine would see it: the resident memory of the whole process tree (summed over the tool and every
 * process it started, read from {@code /proc} every few milliseconds), the processes it started, its wall time.
 */
public final class WatchedCli {
    /** How one run went. {@code peakTreeBytes} is 0 where there is no {@code /proc}. */
    public record Run(int exitCode, String out, String err, long peakTreeBytes, long millis, Set<Long> started) {
    }

    private WatchedCli() {
    }

    /**
     * Runs the tool with {@code args} in {@code workDir}, its temp folder {@code tmp} (java.io.tmpdir and TMPDIR);
     * {@code whileRunning} gets the tool's process once it has started (to signal a child of it, say).
     */
    public static Run run(Path workDir, Path tmp, Consumer<ProcessHandle> whileRunning, String... args)
            throws IOException, InterruptedException {
        ProcessBuilder builder = ChildCli.builder(List.of("-Djava.io.tmpdir=" + tmp, "-XX:-UsePerfData"), args)
                .directory(workDir.toFile());
        builder.environment().put("TMPDIR", tmp.toString());
        Path out = Files.createTempFile("watched-cli", ".out");
        Path err = Files.createTempFile("watched-cli", ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        Set<Long> started = new HashSet<>();
        long[] peak = {0};
        Thread watcher = new Thread(() -> watch(process.toHandle(), started, peak), "watched-cli");
        watcher.setDaemon(true);
        watcher.start();
        whileRunning.accept(process.toHandle());
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("the tool was still running after 120 s");
        }
        watcher.join(1000);
        try {
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), peak[0], millis, started);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void watch(ProcessHandle root, Set<Long> started, long[] peak) {
        while (root.isAlive()) {
            long sum = 0;
            List<ProcessHandle> tree = new ArrayList<>();
            tree.add(root);
            root.descendants().forEach(tree::add);
            for (ProcessHandle p : tree) {
                sum += residentBytes(p.pid());
                if (p != root) {
                    synchronized (started) {
                        started.add(p.pid());
                    }
                }
            }
            peak[0] = Math.max(peak[0], sum);
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** VmRSS of {@code pid}, in bytes; 0 when it has ended or there is no {@code /proc}. */
    public static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // ended meanwhile
        }
        return 0;
    }

    /** The first descendant of {@code root} whose command line contains {@code text}, waiting up to 60 s. */
    public static ProcessHandle awaitDescendant(ProcessHandle root, String text) throws InterruptedException {
        for (int i = 0; i < 6000 && root.isAlive(); i++) {
            ProcessHandle found = root.descendants().filter(p -> commandLine(p.pid()).contains(text)).findFirst()
                    .orElse(null);
            if (found != null) {
                return found;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no process running " + text);
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The crash logs a JVM would leave ({@code hs_err_pid*.log}, {@code core*}, {@code replay_pid*}) under each of
     * {@code folders}. */
    public static List<Path> crashLogs(Path... folders) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(f -> f.getFileName().toString().matches("hs_err.*|core(\\..*)?|replay_pid.*"))
                        .forEach(found::add);
            }
        }
        return found;
    }
}
