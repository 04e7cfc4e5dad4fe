package io.github.nnvizonnx.shapes;

import java.util.Locale;

/** Where tensor shapes come from. */
public enum ShapeMode {
    /** No shapes at all: edges are drawn bare. */
    NONE,
    /** What the file declares (graph inputs and outputs, value_info, initializer dims, constants). */
    DECLARED,
    /** The declared shapes, then one onnxruntime run that measures every tensor of the top-level graph. */
    RUN;

    /** The name users type: {@code none}, {@code declared}, {@code run}. */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
