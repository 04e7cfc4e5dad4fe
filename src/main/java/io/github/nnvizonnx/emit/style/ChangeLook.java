package io.github.nnvizonnx.emit.style;

import io.github.nnvizonnx.model.ChangeKind;

/**
 * How a comparison's marks are drawn, the same in every format: a colour for each kind of change, and a second cue
 * that survives grayscale printing and colour blindness: added outlines are solid, heavy and doubled where the format
 * can; changed outlines heavy and dotted; removed parts dashed, thin, and faded (a pale fill, gray text), as ghosts.
 */
public enum ChangeLook {
    ADDED("#1a7f37", Border.SOLID, 3, true, null, null),
    REMOVED("#cf222e", Border.DASHED, 1.5, false, "#f6f8fa", "#8c959f"),
    CHANGED("#bc4c00", Border.DOTTED, 3, false, null, null);

    /** The colour of edges to or from a removed node: faded like it. */
    public static final String REMOVED_EDGE = "#afb8c1";

    private final String color;
    private final Border border;
    private final double widthFactor;
    private final boolean doubled;
    private final String fadedFill;
    private final String fadedText;

    ChangeLook(String color, Border border, double widthFactor, boolean doubled, String fadedFill,
               String fadedText) {
        this.color = color;
        this.border = border;
        this.widthFactor = widthFactor;
        this.doubled = doubled;
        this.fadedFill = fadedFill;
        this.fadedText = fadedText;
    }

    /** The look of {@code kind}. */
    public static ChangeLook of(ChangeKind kind) {
        return valueOf(kind.name());
    }

    /** The outline's colour. */
    public String color() {
        return color;
    }

    /** The outline's pattern. */
    public Border border() {
        return border;
    }

    /** The outline's width for a style whose lines are {@code lineWidth} wide, rounded as it is written. */
    public double width(double lineWidth) {
        return Math.round(lineWidth * widthFactor * 100) / 100.0;
    }

    /** Whether the outline is drawn twice (formats that can: Graphviz's peripheries). */
    public boolean doubled() {
        return doubled;
    }

    /** The fill replacing the family's, or null to keep it. */
    public String fadedFill() {
        return fadedFill;
    }

    /** The text colour replacing the style's, or null to keep it. */
    public String fadedText() {
        return fadedText;
    }

    /** What a legend says of it. */
    public String description() {
        return switch (this) {
            case ADDED -> "added (only in the new model)";
            case REMOVED -> "removed (only in the old model)";
            case CHANGED -> "changed";
        };
    }
}
