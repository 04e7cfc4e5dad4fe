package io.github.nnvizonnx.shapes;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the user asked of the shapes pass. {@code dims} binds symbolic dims by name ({@code batch} to 1);
 * {@code inputs} gives whole input shapes; {@code memoryLimitBytes} caps what a run may need for its inputs and
 * the tensors it returns; {@code timeLimit} caps the run itself.
 */
public record ShapeRequest(ShapeMode mode, Map<String, Long> dims, List<InputShape> inputs, long memoryLimitBytes,
                           Duration timeLimit) {
    public static final long DEFAULT_MEMORY_LIMIT = 2L << 30;
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    public ShapeRequest {
        dims = Map.copyOf(dims);
        inputs = List.copyOf(inputs);
    }

    public static ShapeRequest of(ShapeMode mode) {
        return new ShapeRequest(mode, Map.of(), List.of(), DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT);
    }
}
