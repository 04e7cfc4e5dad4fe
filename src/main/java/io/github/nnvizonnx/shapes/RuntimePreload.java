package io.github.nnvizonnx.shapes;

import java.util.function.BooleanSupplier;

/**
 * Starts the run's child process (its JVM, then onnxruntime) on another core while the model is read, so that a run
 * does not wait for it afterwards: for a small model, starting it is most of the run. The child waits for its plan;
 * {@link #runners()} hands it to the shapes pass. Closing ends a child the pass did not use (the model was over a
 * limit, say) and deletes its folder. A failure to start is not reported here; the run reports it, as a warning.
 */
public final class RuntimePreload implements AutoCloseable {
    private final Thread starter;
    private ShapeRunner child;
    private ShapeRunException failure;
    private boolean handedOut;

    private RuntimePreload(ShapeRequest request, BooleanSupplier worthStarting) {
        this.starter = request == null ? null : new Thread(() -> {
            if (worthStarting.getAsBoolean()) {
                start(request);
            }
        }, "onnxruntime-starter");
    }

    /** Starts the child when {@code wanted} (a run will be asked for), with {@code request}'s limits. */
    public static RuntimePreload startIf(boolean wanted, ShapeRequest request) {
        return startIf(wanted, request, () -> true);
    }

    /**
     * Starts the child when {@code wanted} and, asked on the starting thread (off the reading's way), when
     * {@code worthStarting} says a run may well follow (the model is not plainly over a limit).
     */
    public static RuntimePreload startIf(boolean wanted, ShapeRequest request, BooleanSupplier worthStarting) {
        RuntimePreload preload = new RuntimePreload(wanted ? request : null, worthStarting);
        if (preload.starter != null) {
            preload.starter.setDaemon(true);
            preload.starter.start();
        }
        return preload;
    }

    private void start(ShapeRequest request) {
        try {
            ShapeRunner started = RunnerSource.isolated().open(request);
            synchronized (this) {
                child = started;
            }
        } catch (ShapeRunException e) {
            synchronized (this) {
                failure = e;
            }
        } catch (LinkageError e) {
            synchronized (this) {
                failure = new ShapeRunException("onnxruntime's process could not be started ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
        }
    }

    /** The preloaded child for the first run, then a fresh child for each further one. */
    public RunnerSource runners() {
        return request -> {
            awaitStarter();
            synchronized (this) {
                if (handedOut || starter == null || child == null && failure == null) { // none started
                    return RunnerSource.isolated().open(request);
                }
                handedOut = true;
                if (failure != null) {
                    throw failure;
                }
                return child;
            }
        };
    }

    @Override
    public void close() {
        awaitStarter();
        ShapeRunner started;
        synchronized (this) {
            started = child;
        }
        if (started != null) {
            started.close(); // once more after the pass closed it, or the first time if it never ran
        }
    }

    private void awaitStarter() {
        if (starter == null) {
            return;
        }
        boolean interrupted = false;
        while (starter.isAlive()) {
            try {
                starter.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
