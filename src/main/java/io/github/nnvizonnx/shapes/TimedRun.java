package io.github.nnvizonnx.shapes;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a task on its own daemon thread with a time limit. Past {@code statusAfter} it calls {@code onSlow} once;
 * past the limit it calls {@code cancel}, gives the task a moment to stop, and otherwise abandons it (a daemon never
 * keeps the program alive).
 */
final class TimedRun {
    /** How long a cancelled task gets to release what it holds before it is abandoned. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    /** The task's work. */
    interface Task<T> {
        T call() throws Exception;
    }

    private TimedRun() {
    }

    static <T> T call(Task<T> task, Duration limit, Duration statusAfter, Runnable onSlow, Runnable cancel)
            throws ShapeRunException {
        FutureTask<T> future = new FutureTask<>(task::call);
        Thread thread = new Thread(future, "nnviz-onnx-shapes");
        thread.setDaemon(true);
        thread.start();
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            if (statusAfter.compareTo(limit) < 0) {
                try {
                    return future.get(statusAfter.toNanos(), TimeUnit.NANOSECONDS);
                } catch (TimeoutException slow) {
                    onSlow.run();
                }
            }
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            cancel.run();
            try {
                thread.join(GRACE.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw new ShapeRunException("onnxruntime took longer than " + seconds(limit) + " (--shapes-time-limit)");
        } catch (InterruptedException e) {
            cancel.run();
            Thread.currentThread().interrupt();
            throw new ShapeRunException("interrupted while onnxruntime was running");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ShapeRunException failure) {
                throw failure;
            }
            throw new ShapeRunException(describe(cause), cause);
        }
    }

    /** {@code 60 s}, {@code 2.5 s}, {@code 50 ms}. */
    static String seconds(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s",
                millis / 1000.0);
    }

    private static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "not enough memory for the run (" + t.getMessage() + ")";
        }
        if (t instanceof LinkageError) {
            return "onnxruntime could not be loaded (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")";
        }
        return "the run failed (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")";
    }
}
