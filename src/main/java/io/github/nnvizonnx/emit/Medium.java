package io.github.nnvizonnx.emit;

import java.util.Locale;

/**
 * Where a drawing is shown, in the units its renderer lays it out in; {@link Direction#AUTO} is resolved for it.
 * {@code width}/{@code height} bound the displayed picture (height 0: unbounded, the reader scrolls), and the
 * rank and node sizes are what one rank of a chain and one node beside another take along and across the flow,
 * measured on real drawings (Mermaid 11's dagre in px, Graphviz dot in pt).
 */
public enum Medium {
    /** GitHub's Markdown column: Mermaid scaled down to 880 px wide, never up; the page scrolls. */
    COLUMN(880, 0, new Spacing(270, 80), new Spacing(105, 200)),
    /** A laptop screen, landscape, for SVG and PNG. */
    SCREEN(1200, 750, new Spacing(170, 50), new Spacing(70, 130)),
    /** A paper's text block, 6.5 × 9 in (468 × 648 pt), for PDF and the paper theme. */
    PAGE(468, 648, new Spacing(170, 50), new Spacing(70, 130));

    /** What one rank takes along the flow and one node across it. */
    record Spacing(double perRank, double perNode) {
    }

    private final double width;
    private final double height;
    private final Spacing leftToRight;
    private final Spacing topToBottom;

    Medium(double width, double height, Spacing leftToRight, Spacing topToBottom) {
        this.width = width;
        this.height = height;
        this.leftToRight = leftToRight;
        this.topToBottom = topToBottom;
    }

    /** Where a format is usually shown: Mermaid in a Markdown column, PDF on a page, the rest on a screen. */
    public static Medium forFormat(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "mermaid", "markdown" -> COLUMN;
            case "pdf", "tikz" -> PAGE;
            default -> SCREEN;
        };
    }

    /** The estimated natural {width, height} of a drawing of {@code shape} flowing {@code direction}. */
    double[] size(DrawingShape shape, Direction direction) {
        boolean lr = direction == Direction.LR;
        Spacing s = lr ? leftToRight : topToBottom;
        double along = shape.ranks() * s.perRank();
        double across = shape.widestRank() * s.perNode();
        return lr ? new double[] {along, across} : new double[] {across, along};
    }

    /** How much a picture of {@code size} is scaled to be shown here: at most 1 (never enlarged). */
    double scale(double[] size) {
        double byWidth = width / Math.max(size[0], 1);
        double byHeight = height == 0 ? Double.MAX_VALUE : height / Math.max(size[1], 1);
        return Math.min(1, Math.min(byWidth, byHeight));
    }

    /** Whether, of two directions equally legible here, top to bottom is preferred (a page is portrait). */
    boolean prefersTopToBottom() {
        return this == PAGE;
    }

    /** The tallest Mermaid drawing, in px as shown in the column: beyond it a reader scrolls through a strip. */
    public static final int MAX_COLUMN_HEIGHT = 5_000;
    /** The smallest text, in pt, on a printed page. */
    public static final double MIN_PAGE_TEXT = 5;

    /**
     * Whether {@code diagram} (its direction resolved) is too big to read here, so that less detail should be drawn:
     * in the column, taller than {@link #MAX_COLUMN_HEIGHT}; on a page, its smallest text (edge labels) scaled below
     * {@link #MIN_PAGE_TEXT}; on a screen never (a viewer zooms).
     */
    public boolean tooBig(Diagram diagram) {
        double[] size = size(DrawingShape.of(diagram), diagram.options().direction());
        return switch (this) {
            case COLUMN -> size[1] * scale(size) > MAX_COLUMN_HEIGHT;
            case PAGE -> diagram.options().style().edgeFontSize() * scale(size) < MIN_PAGE_TEXT;
            case SCREEN -> false;
        };
    }
}
