package io.github.nnvizonnx.emit;

/** Which way data flows in the drawing: left to right or top to bottom. */
public enum Direction {
    LR, TB
}
