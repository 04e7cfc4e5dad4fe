package io.github.nnvizonnx.json;

/** Constants of the JSON model format. */
final class ModelJson {
    /** The value of the top-level {@code format} field. */
    static final String FORMAT = "nnviz-onnx-model";
    /** Bumped when a reader of an older version could misread a newer file. */
    static final int VERSION = 1;

    private ModelJson() {
    }
}
