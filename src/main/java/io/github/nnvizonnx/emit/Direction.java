package io.github.nnvizonnx.emit;

/** Which way data flows in the drawing: left to right or top to bottom. */
public enum Direction {
    /** Left to right. */
    LR,
    /** Top to bottom. */
    TB
}
