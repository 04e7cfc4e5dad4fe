package io.github.nnvizonnx.internal.cleanup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.HashSet;
import java.util.Set;

/**
 * What must not outlive the JVM when it is stopped early (SIGTERM, Ctrl-C): child processes, which would otherwise
 * be re-parented and keep running, and temporary files. They are made here and tracked for as long as their owner
 * keeps them; a shutdown hook ends and deletes whatever is still tracked.
 *
 * <p>Making and tracking happen under one lock that the hook takes too, so a signal can never fall between the two;
 * once the hook has run, nothing more is made, as it would be left behind.
 */
public final class ExitCleanup {
    /** Something made here; closing it stops the tracking (the owner has ended or deleted it, or kept it). */
    public static final class Tracked<T> implements AutoCloseable {
        private final T value;
        private final Set<T> trackedIn;

        private Tracked(T value, Set<T> trackedIn) {
            this.value = value;
            this.trackedIn = trackedIn;
        }

        public T get() {
            return value;
        }

        @Override
        public void close() {
            synchronized (LOCK) {
                trackedIn.remove(value);
            }
        }
    }

    /** What a tracked thing is made by. */
    private interface Maker<T> {
        T make() throws IOException;
    }

    private static final Object LOCK = new Object();
    private static final Set<Process> PROCESSES = new HashSet<>();
    private static final Set<Path> FILES = new HashSet<>();
    private static final Set<Path> FOLDERS = new HashSet<>();
    private static boolean exiting;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExitCleanup::cleanUp, "nnviz-onnx exit cleanup"));
    }

    private ExitCleanup() {
    }

    /** Starts the process; if the JVM exits while it is tracked, it is ended with all its descendants. */
    public static Tracked<Process> start(ProcessBuilder builder) throws IOException {
        return track(builder::start, PROCESSES);
    }

    /** Like {@link Files#createTempFile(Path, String, String, FileAttribute[])}; deleted if the JVM exits first. */
    public static Tracked<Path> createTempFile(Path dir, String prefix, String suffix, FileAttribute<?>... attributes)
            throws IOException {
        return track(() -> Files.createTempFile(dir, prefix, suffix, attributes), FILES);
    }

    /** Like {@link Files#createTempDirectory(String, FileAttribute[])}; deleted with its files if the JVM exits. */
    public static Tracked<Path> createTempDirectory(String prefix, FileAttribute<?>... attributes) throws IOException {
        return track(() -> Files.createTempDirectory(prefix, attributes), FOLDERS);
    }

    private static <T> Tracked<T> track(Maker<T> maker, Set<T> trackedIn) throws IOException {
        synchronized (LOCK) {
            if (exiting) {
                throw new IOException("nnviz-onnx is stopping");
            }
            T value = maker.make();
            trackedIn.add(value);
            return new Tracked<>(value, trackedIn);
        }
    }

    /** Processes first: a child may still be writing the files that are to be deleted. */
    private static void cleanUp() {
        synchronized (LOCK) {
            exiting = true;
            PROCESSES.forEach(process -> ProcessTree.end(process.toHandle(), ProcessTree.GRACE));
            for (Path file : FILES) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // nothing more can be done while the JVM exits
                }
            }
            FOLDERS.forEach(FolderTree::delete);
        }
    }
}
