package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a model once and reports the tensors it saw. The onnxruntime implementation lives in
 * {@code io.github.nnvizonnx.shapes.ort}, the only place that touches onnxruntime's classes, and is loaded only when
 * a run is asked for.
 */
public interface ShapeRunner extends AutoCloseable {
    /**
     * Runs {@code plan}; returns, by tensor name, the element type and shape of every tensor output it produced and
     * of every input it fed. Outputs that are not tensors come with their type ({@code seq(float32)}) and no shape.
     */
    Map<String, TensorInfo> run(RunPlan plan) throws ShapeRunException;

    /**
     * Runs {@code plan} and then each of its variants, and returns what each run saw, the base run first. A variant
     * that fails gives null: the base run stands without it. Runners that can reuse one session do.
     */
    default List<Map<String, TensorInfo>> runAll(RunPlan plan) throws ShapeRunException {
        List<Map<String, TensorInfo>> seen = new ArrayList<>();
        seen.add(run(plan));
        for (int i = 0; i < plan.variants().size(); i++) {
            try {
                seen.add(run(plan.variant(i)));
            } catch (ShapeRunException e) {
                seen.add(null);
            }
        }
        return seen;
    }

    /** Asks a run in progress to stop; called from another thread. The run then fails. */
    void cancel();

    /** Releases what the runner holds (a child process, its files); after its runs. */
    @Override
    default void close() {
    }
}
