package io.github.nnvizonnx.emit;

/** Settings every emitter honours. */
public record DrawOptions(Direction direction) {
    public static DrawOptions defaults() {
        return new DrawOptions(Direction.LR);
    }
}
