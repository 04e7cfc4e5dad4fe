package io.github.nnvizonnx.shapes.ort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files onnxruntime's telemetry SDK (1.29 and later, on Linux and macOS) makes when the environment is created,
 * deleted again when this process made them: {@code mat-debug-<pid>.log} and {@code .ses} in {@code $TMPDIR}, and an
 * events database with a device id in {@code $XDG_CACHE_HOME/Microsoft/DeveloperTools/.onnxruntime}. Neither
 * {@code setTelemetry(false)} nor a Java temp folder stops them: the native code reads the process environment, which
 * Java cannot change for itself (the launcher sets {@code ORT_DISABLE_TELEMETRY=1}, which does). The SDK makes them
 * all while the environment starts and does not make them again, so deleting them right after is enough.
 *
 * <p>Only what did not exist before is deleted: another process may be using the files it made.
 */
final class TelemetryFiles {
    private static final String CACHE_FOLDER = "Microsoft/DeveloperTools/.onnxruntime";
    /** An SQLite database with its write-ahead log and shared-memory index (or rollback journal), and an id. */
    private static final List<String> CACHE_FILES = List.of("onnxruntime.db", "onnxruntime.db-wal",
            "onnxruntime.db-shm", "onnxruntime.db-journal", "deviceid");

    /** The files and folders to look at, each with whether it existed before, outermost folders last. */
    private final List<Path> candidates;
    private final List<Boolean> existed;

    private TelemetryFiles(List<Path> candidates) {
        this.candidates = candidates;
        this.existed = candidates.stream().map(Files::exists).toList();
    }

    /** Notes what exists now, before onnxruntime's environment is created. */
    static TelemetryFiles before() {
        return before(System.getenv(), ProcessHandle.current().pid());
    }

    static TelemetryFiles before(Map<String, String> environment, long pid) {
        List<Path> candidates = new ArrayList<>();
        Path temp = Path.of(nonEmpty(environment.get("TMPDIR"), "/tmp"));
        candidates.add(temp.resolve("mat-debug-" + pid + ".log"));
        candidates.add(temp.resolve(".ses"));
        Path cacheRoot = cacheRoot(environment);
        if (cacheRoot != null) {
            Path folder = cacheRoot.resolve(CACHE_FOLDER);
            for (String file : CACHE_FILES) {
                candidates.add(folder.resolve(file));
            }
            // the folders last, innermost first: each is deleted only when this process made it and it is empty
            for (Path f = folder; f != null && !f.equals(cacheRoot); f = f.getParent()) {
                candidates.add(f);
            }
        }
        return new TelemetryFiles(candidates);
    }

    /** Deletes what appeared since {@link #before}; best effort, silently. */
    void deleteNew() {
        for (int i = 0; i < candidates.size(); i++) {
            if (!existed.get(i)) {
                deleteQuietly(candidates.get(i));
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> left = Files.list(path)) {
                    if (left.findAny().isPresent()) {
                        return; // another process's files, or ones this class does not know
                    }
                }
            }
            Files.deleteIfExists(path);
        } catch (IOException | SecurityException e) {
            // left behind; nothing the run itself needs
        }
    }

    /** Where the SDK keeps its database: {@code $XDG_CACHE_HOME}, or {@code ~/.cache}. */
    private static Path cacheRoot(Map<String, String> environment) {
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Path.of(xdg);
        }
        String home = environment.get("HOME");
        return home == null || home.isEmpty() ? null : Path.of(home, ".cache");
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
