package io.github.nnvizonnx.internal.cleanup;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Ends a child process together with everything it started. */
public final class ProcessTree {
    /** How long a tree is given to exit after SIGTERM before it is killed outright. */
    public static final Duration GRACE = Duration.ofSeconds(2);

    private ProcessTree() {
    }

    /**
     * Asks the process and its descendants to stop (SIGTERM), waits up to {@code grace}, then kills what is left
     * (SIGKILL). The descendants are listed first: once their parent is gone they are re-parented and can no longer
     * be found from it.
     */
    public static void end(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = Stream.concat(root.descendants(), Stream.of(root)).toList();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : tree) {
            if (!awaitExit(process, Duration.ofNanos(deadline - System.nanoTime()))) {
                process.destroyForcibly();
            }
        }
        tree.forEach(process -> awaitExit(process, GRACE));
    }

    /** Whether the process has ended, waiting for it up to {@code timeout}. */
    public static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
