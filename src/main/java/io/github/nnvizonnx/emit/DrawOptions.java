package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.emit.style.Style;
import io.github.nnvizonnx.emit.style.Theme;

/**
 * Settings every emitter honours: flow direction, the visual style, whether to add a legend of op families, whether
 * tensor labels name the element type too ({@code showDtypes}), the resolution of raster output ({@code dpi}) and
 * how long Graphviz's dot may take to render SVG, PDF or PNG ({@code renderTimeLimit}).
 */
public record DrawOptions(Direction direction, Style style, boolean legend, boolean showDtypes, int dpi,
                          java.time.Duration renderTimeLimit) {
    /** How long dot may take by default: a drawing of a few thousand nodes renders in seconds. */
    public static final java.time.Duration DEFAULT_RENDER_TIME_LIMIT = java.time.Duration.ofSeconds(60);
    /**
     * Dots per inch of PNG output: twice the 72 of Graphviz's own default, so that text is crisp on a laptop's
     * high-density screen shown at half size, and a figure of a few hundred nodes stays a few megapixels.
     */
    public static final int DEFAULT_DPI = 144;

    /** Checks the resolution. */
    public DrawOptions {
        if (dpi < 1 || dpi > 1200) {
            throw new IllegalArgumentException("the resolution must be from 1 to 1200 dpi, not " + dpi);
        }
        if (renderTimeLimit.isNegative() || renderTimeLimit.isZero()) {
            throw new IllegalArgumentException("the render time limit must be positive");
        }
    }

    /** Options rendering within {@link #DEFAULT_RENDER_TIME_LIMIT}. */
    public DrawOptions(Direction direction, Style style, boolean legend, boolean showDtypes, int dpi) {
        this(direction, style, legend, showDtypes, dpi, DEFAULT_RENDER_TIME_LIMIT);
    }

    /** Options at {@link #DEFAULT_DPI}. */
    public DrawOptions(Direction direction, Style style, boolean legend, boolean showDtypes) {
        this(direction, style, legend, showDtypes, DEFAULT_DPI);
    }

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
        return new DrawOptions(newDirection, style, legend, showDtypes, dpi, renderTimeLimit);
    }

    /** The same options, with element types on tensor labels or without. */
    public DrawOptions withShowDtypes(boolean show) {
        return new DrawOptions(direction, style, legend, show, dpi, renderTimeLimit);
    }

    /** The same options rendering raster output at {@code dotsPerInch}. */
    public DrawOptions withDpi(int dotsPerInch) {
        return new DrawOptions(direction, style, legend, showDtypes, dotsPerInch, renderTimeLimit);
    }

    /** The same options, giving dot at most {@code limit} to render. */
    public DrawOptions withRenderTimeLimit(java.time.Duration limit) {
        return new DrawOptions(direction, style, legend, showDtypes, dpi, limit);
    }
}
