package io.github.nnvizonnx.internal.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The temporary files {@link AtomicFile} writes beside a target are named {@code .TARGET.nnviz-PID.RANDOM.tmp}, with
 * the process id of the run writing them. A run killed outright (SIGKILL, a power cut) cannot delete its own; the
 * next run writing the same target deletes those whose process is no longer alive (a live one is still writing).
 */
final class StaleTempFiles {
    private static final String MARK = ".nnviz-";
    static final String SUFFIX = ".tmp";

    private StaleTempFiles() {
    }

    /** The prefix of this process's temporary files for {@code target}. */
    static String prefix(Path target) {
        return "." + target.getFileName() + MARK + ProcessHandle.current().pid() + ".";
    }

    /** Deletes the temporary files beside {@code target} left by runs that are no longer alive; quietly best effort. */
    static void removeBeside(Path target) {
        Path dir = target.getParent();
        String start = "." + target.getFileName() + MARK;
        DirectoryStream.Filter<Path> ours = p -> {
            String name = p.getFileName().toString();
            return name.startsWith(start) && name.endsWith(SUFFIX);
        };
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(dir, ours)) {
            for (Path candidate : candidates) {
                long pid = pidIn(candidate.getFileName().toString().substring(start.length()));
                if (pid > 0 && ProcessHandle.of(pid).isEmpty() && Files.isRegularFile(candidate,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(candidate);
                }
            }
        } catch (IOException | SecurityException e) {
            // an unreadable folder: the write itself will say what is wrong
        }
    }

    /** The process id that starts {@code rest} ({@code 1234.5678.tmp}), or -1. */
    private static long pidIn(String rest) {
        int dot = rest.indexOf('.');
        try {
            return dot > 0 ? Long.parseLong(rest.substring(0, dot)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
