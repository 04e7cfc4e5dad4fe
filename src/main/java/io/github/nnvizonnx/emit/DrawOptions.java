package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.emit.style.Style;
import io.github.nnvizonnx.emit.style.Theme;

/** Settings every emitter honours: flow direction, the visual style, and whether to add a legend of op families. */
public record DrawOptions(Direction direction, Style style, boolean legend) {
    public static DrawOptions defaults() {
        return new DrawOptions(Direction.LR, Theme.DEFAULT.style(), false);
    }

    public DrawOptions withDirection(Direction newDirection) {
        return new DrawOptions(newDirection, style, legend);
    }
}
