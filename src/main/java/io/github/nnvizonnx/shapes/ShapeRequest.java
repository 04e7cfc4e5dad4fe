package io.github.nnvizonnx.shapes;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the user asked of the shapes pass. {@code dims} binds symbolic dims by name ({@code batch} to 1);
 * {@code inputs} gives whole input shapes; {@code memoryLimitBytes} caps what a run may need for its inputs and
 * the tensors it returns; {@code timeLimit} caps the run itself; {@code operationLimit}: no run on a model with more
 * operations (onnxruntime takes some 20 s to load and run 100,000 operations).
 */
public record ShapeRequest(ShapeMode mode, Map<String, Long> dims, List<InputShape> inputs, long memoryLimitBytes,
                           Duration timeLimit, long operationLimit) {
    /** What a run may need by default: 2 GiB. */
    public static final long DEFAULT_MEMORY_LIMIT = 2L << 30;
    /** How long a run may take by default: one minute. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);
    /** The operation count above which no run is made by default. */
    public static final long DEFAULT_OPERATION_LIMIT = 20_000;

    /** Copies {@code dims} and {@code inputs}: a request does not change after it is made. */
    public ShapeRequest {
        dims = Map.copyOf(dims);
        inputs = List.copyOf(inputs);
    }

    /** A request with the default operation limit. */
    public ShapeRequest(ShapeMode mode, Map<String, Long> dims, List<InputShape> inputs, long memoryLimitBytes,
                        Duration timeLimit) {
        this(mode, dims, inputs, memoryLimitBytes, timeLimit, DEFAULT_OPERATION_LIMIT);
    }

    /** A request for {@code mode} with the default limits and nothing bound. */
    public static ShapeRequest of(ShapeMode mode) {
        return new ShapeRequest(mode, Map.of(), List.of(), DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT);
    }
}
