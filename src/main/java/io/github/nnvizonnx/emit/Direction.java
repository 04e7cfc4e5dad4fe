package io.github.nnvizonnx.emit;

/** Which way data flows in the drawing: left to right, top to bottom, or chosen for where it is shown. */
public enum Direction {
    /** Left to right. */
    LR,
    /** Top to bottom. */
    TB,
    /** Chosen per drawing from its shape and its {@link Medium} ({@link AutoDirection}). */
    AUTO
}
