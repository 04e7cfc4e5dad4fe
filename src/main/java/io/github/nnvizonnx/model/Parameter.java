package io.github.nnvizonnx.model;

import java.util.List;

/**
 * A weight tensor (an ONNX initializer) described without its values: name, element type and dims, and the module
 * it is attributed to (the deepest module that contains all of its consumers).
 */
public record Parameter(String name, String elementType, List<Long> dims, ModulePath scope) {
    public Parameter {
        dims = List.copyOf(dims);
    }

    /** Number of elements; a negative or absurd dim counts as zero rather than overflowing. */
    public long count() {
        long n = 1;
        for (long d : dims) {
            if (d < 0) {
                return 0;
            }
            n = DisplayText.saturatingMultiply(n, d);
        }
        return n;
    }

    /** The same parameter, placed in {@code newScope}. */
    public Parameter inScope(ModulePath newScope) {
        return new Parameter(name, elementType, dims, newScope);
    }
}
