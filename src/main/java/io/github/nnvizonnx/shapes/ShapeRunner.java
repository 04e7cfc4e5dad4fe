package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.TensorInfo;
import java.util.Map;

/**
 * Runs a model once and reports the tensors it saw. The onnxruntime implementation lives in
 * {@code io.github.nnvizonnx.shapes.ort}, the only place that touches onnxruntime's classes, and is loaded only when
 * a run is asked for.
 */
public interface ShapeRunner {
    /**
     * Runs {@code plan}; returns, by tensor name, the element type and shape of every tensor output it produced and
     * of every input it fed. Outputs that are not tensors come with their type ({@code seq(float32)}) and no shape.
     */
    Map<String, TensorInfo> run(RunPlan plan) throws ShapeRunException;

    /** Asks a run in progress to stop; called from another thread. The run then fails. */
    void cancel();
}
