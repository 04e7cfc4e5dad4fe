package io.github.nnvizonnx.emit;

/** Settings every emitter honours. {@code showDtypes}: tensor labels name the element type too. */
public record DrawOptions(Direction direction, boolean showDtypes) {
    public DrawOptions(Direction direction) {
        this(direction, false);
    }

    public static DrawOptions defaults() {
        return new DrawOptions(Direction.LR);
    }
}
