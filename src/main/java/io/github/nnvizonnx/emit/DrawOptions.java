package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.emit.style.Style;
import io.github.nnvizonnx.emit.style.Theme;

/**
 * Settings every emitter honours: flow direction, the visual style, whether to add a legend of op families, and
 * whether tensor labels name the element type too ({@code showDtypes}).
 */
public record DrawOptions(Direction direction, Style style, boolean legend, boolean showDtypes) {
    /** Options without element types on tensor labels. */
    public DrawOptions(Direction direction, Style style, boolean legend) {
        this(direction, style, legend, false);
    }

    /** Left to right, the default theme, no legend. */
    public static DrawOptions defaults() {
        return new DrawOptions(Direction.LR, Theme.DEFAULT.style(), false);
    }

    /** The same options flowing in {@code newDirection}. */
    public DrawOptions withDirection(Direction newDirection) {
        return new DrawOptions(newDirection, style, legend, showDtypes);
    }

    /** The same options, with element types on tensor labels or without. */
    public DrawOptions withShowDtypes(boolean show) {
        return new DrawOptions(direction, style, legend, show);
    }
}
