package io.github.nnvizonnx.shapes;

/**
 * Loads onnxruntime's native library on another core while the model is read, so that a run does not wait for it
 * afterwards (for a small model, loading it is most of the run). Closing waits for the loading to end: the library
 * is unpacked into a temporary folder that is removed when loading ends, and a process that exited in the middle
 * would leave it behind. A failure is not reported here; the run reports it, as a warning.
 */
public final class RuntimePreload implements AutoCloseable {
    private final Thread loader;

    private RuntimePreload(Thread loader) {
        this.loader = loader;
    }

    /** Starts loading when {@code wanted} (a run will be asked for); otherwise does nothing. */
    public static RuntimePreload startIf(boolean wanted) {
        if (!wanted) {
            return new RuntimePreload(null);
        }
        Thread loader = new Thread(RuntimePreload::load, "onnxruntime-loader");
        loader.setDaemon(true);
        loader.start();
        return new RuntimePreload(loader);
    }

    private static void load() {
        try {
            io.github.nnvizonnx.shapes.ort.OrtShapeRunner.loadRuntime();
        } catch (ShapeRunException | LinkageError e) {
            // the run reports it
        }
    }

    @Override
    public void close() {
        if (loader == null) {
            return;
        }
        boolean interrupted = false;
        while (loader.isAlive()) {
            try {
                loader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
