package io.github.nnvizonnx.emit.style;

import java.util.Locale;

/**
 * How a node's outline is drawn. Beside the fill, a second cue that survives printing in grayscale: the paper theme
 * gives each op family its own pair of gray and border.
 */
public enum Border {
    /** A plain line. */
    SOLID(1),
    /** Dashes. */
    DASHED(1),
    /** Dots. */
    DOTTED(1),
    /** A plain line two and a half times as thick. */
    BOLD(2.5);

    private final double widthFactor;

    Border(double widthFactor) {
        this.widthFactor = widthFactor;
    }

    /** The outline's width for a style whose lines are {@code lineWidth} wide; rounded, as it is written as text. */
    public double width(double lineWidth) {
        return Math.round(lineWidth * widthFactor * 100) / 100.0;
    }

    /** The border named {@code name} ({@code solid}, {@code dashed}, …), in any case. */
    public static Border byName(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown border '" + name + "' (solid, dashed, dotted, bold)");
        }
    }
}
