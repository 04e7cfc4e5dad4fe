package io.github.nnvizonnx.shapes.child;

import io.github.nnvizonnx.internal.cleanup.ExitCleanup;
import io.github.nnvizonnx.internal.cleanup.FolderTree;
import io.github.nnvizonnx.internal.cleanup.ProcessTree;
import io.github.nnvizonnx.model.TensorInfo;
import io.github.nnvizonnx.shapes.ByteText;
import io.github.nnvizonnx.shapes.RunPlan;
import io.github.nnvizonnx.shapes.ShapeRunException;
import io.github.nnvizonnx.shapes.ShapeRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs onnxruntime in a child process held by the operating system's limits ({@link ChildCommand}) and by
 * {@link MemoryWatch}: whatever a model does there, this process only ever sees a result, or a failed run with a
 * one-line reason. The child starts when this runner is made, so that its JVM and onnxruntime load while the model is
 * still read here; {@link #runAll} sends it the plan. One plan per runner. Closing ends the child (with anything it
 * started) and deletes its private folder.
 */
public final class ChildRunner implements ShapeRunner {
    /** Threads onnxruntime may use for one operation: the run measures shapes, it is no benchmark. */
    private static final int MAX_THREADS = 4;
    /** The JVM's own threads (some 15) and onnxruntime's, with room. */
    private static final int THREAD_LIMIT = 64;

    private final ExitCleanup.Tracked<Path> folder;
    private final ExitCleanup.Tracked<Process> process;
    private final MemoryWatch watch;
    private final Path results;
    private final long memoryLimit;
    private final int threads;
    private volatile boolean cancelled;
    private boolean used;

    private ChildRunner(ExitCleanup.Tracked<Path> folder, ExitCleanup.Tracked<Process> process, MemoryWatch watch,
                        Path results, long memoryLimit, int threads) {
        this.folder = folder;
        this.process = process;
        this.watch = watch;
        this.results = results;
        this.memoryLimit = memoryLimit;
        this.threads = threads;
    }

    /** Starts the child of a run that may use {@code memoryLimit} bytes and take {@code timeLimit}. */
    public static ChildRunner start(long memoryLimit, Duration timeLimit) throws ShapeRunException {
        String classPath = ChildClassPath.find();
        int threads = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
        ExitCleanup.Tracked<Path> folder = null;
        try {
            folder = ExitCleanup.createTempDirectory("nnviz-onnx-run");
            Path results = folder.get().resolve("results.txt");
            ProcessBuilder builder = ChildCommand.builder(folder.get(), results, memoryLimit, timeLimit, threads,
                    classPath);
            ExitCleanup.Tracked<Process> process = ExitCleanup.start(builder);
            MemoryWatch watch = MemoryWatch.start(process.get().toHandle(),
                    ChildCommand.RESIDENT_BASE + memoryLimit, THREAD_LIMIT);
            return new ChildRunner(folder, process, watch, results, memoryLimit, threads);
        } catch (IOException e) {
            if (folder != null) {
                FolderTree.delete(folder.get());
                folder.close();
            }
            throw new ShapeRunException("cannot start onnxruntime's process (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public Map<String, TensorInfo> run(RunPlan plan) throws ShapeRunException {
        return runAll(new RunPlan(plan.model(), plan.externalDataFolder(), plan.inputs(), plan.extraOutputs(),
                List.of(), plan.inlineFunctions())).get(0);
    }

    @Override
    public List<Map<String, TensorInfo>> runAll(RunPlan plan) throws ShapeRunException {
        synchronized (this) {
            if (used) {
                throw new IllegalStateException("a child runs one plan");
            }
            used = true;
        }
        Process child = process.get();
        try (Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            RunProtocol.writePlan(plan, threads, in);
        } catch (IOException e) {
            // the child ended before it read the plan: its exit says why
        }
        int code = waitFor(child);
        if (cancelled) {
            throw new ShapeRunException("the run was stopped");
        }
        if (watch.overrun() != null) {
            throw new ShapeRunException("onnxruntime was stopped: " + watch.overrun() + " (--shapes-memory-limit "
                    + ByteText.of(memoryLimit) + ")");
        }
        String crash = CrashLog.signal(folder.get().resolve(ChildCommand.CRASH_LOG));
        if (crash != null) {
            throw new ShapeRunException("onnxruntime's process crashed (" + crash + ")");
        }
        RunProtocol.Result result = code == 0 ? read() : null;
        if (result == null) {
            throw new ShapeRunException("onnxruntime's process " + ended(code));
        }
        if (result.failure() != null) {
            boolean memory = result.failure().contains("alloc") || result.failure().contains("memory");
            throw new ShapeRunException(result.failure() + (memory ? "; the run may use at most "
                    + ByteText.of(memoryLimit) + " (--shapes-memory-limit)" : ""));
        }
        return result.runs();
    }

    private RunProtocol.Result read() {
        try (BufferedReader in = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            return RunProtocol.readResult(in);
        } catch (IOException e) {
            return null;
        }
    }

    private static int waitFor(Process child) throws ShapeRunException {
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShapeRunException("interrupted while onnxruntime was running");
        }
    }

    /** How the child ended without a result, for a warning: a signal's name where the exit code is one. */
    static String ended(int code) {
        return switch (code) {
            case 0 -> "ended without a readable result";
            case 134 -> "crashed (SIGABRT: a fatal error in the JVM or onnxruntime)";
            case 137 -> "was killed (SIGKILL)";
            case 139 -> "crashed (SIGSEGV)";
            case 152 -> "used up its CPU time limit (SIGXCPU)";
            default -> code > 128 ? "ended on signal " + (code - 128) : "ended with exit code " + code
                    + " before it reported";
        };
    }

    /** Kills the child and everything it started; the run then fails. */
    @Override
    public void cancel() {
        cancelled = true;
        ProcessHandle handle = process.get().toHandle();
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
    }

    /** Ends the child if it still runs, waits for it, and deletes its folder, crash log included. */
    @Override
    public void close() {
        Process child = process.get();
        if (child.isAlive()) {
            cancel(); // SIGKILL, not SIGTERM: the JVM's exit would run onnxruntime's teardown, where it has crashed
            ProcessTree.awaitExit(child.toHandle(), ProcessTree.GRACE);
        }
        process.close();
        FolderTree.delete(folder.get());
        folder.close();
    }
}
