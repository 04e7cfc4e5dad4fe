package io.github.nnvizonnx.emit;

/**
 * Resolves {@link Direction#AUTO}: of left to right and top to bottom, the direction whose drawing, estimated from
 * its {@link DrawingShape}, is shown largest on the {@link Medium} (its text the least scaled down). A long chain
 * goes top to bottom in a Markdown column or on a page; a short or wide graph stays left to right on a screen.
 */
public final class AutoDirection {
    /** Within this factor two directions count as equally legible, and the medium's preference decides. */
    private static final double TIE = 1.05;

    private AutoDirection() {
    }

    /** The direction for {@code shape} shown on {@code medium}. */
    public static Direction choose(DrawingShape shape, Medium medium) {
        double lr = medium.scale(medium.size(shape, Direction.LR));
        double tb = medium.scale(medium.size(shape, Direction.TB));
        if (lr > tb * TIE) {
            return Direction.LR;
        }
        if (tb > lr * TIE) {
            return Direction.TB;
        }
        return medium.prefersTopToBottom() ? Direction.TB : Direction.LR;
    }

    /** {@code diagram} itself when its direction is set, else the same drawing flowing the direction chosen. */
    public static Diagram resolve(Diagram diagram, Medium medium) {
        if (diagram.options().direction() != Direction.AUTO) {
            return diagram;
        }
        return diagram.withDirection(choose(DrawingShape.of(diagram), medium));
    }
}
