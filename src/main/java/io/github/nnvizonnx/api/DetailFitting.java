package io.github.nnvizonnx.api;

import io.github.nnvizonnx.emit.AutoDirection;
import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.Direction;
import io.github.nnvizonnx.emit.Medium;
import io.github.nnvizonnx.transform.ViewOptions;
import java.io.IOException;

/**
 * Less detail for a drawing too big for where it goes ({@link Medium#tooBig}): with the direction and the detail
 * both left to the tool ({@link Direction#AUTO}, {@code --depth auto}), the node budget is lowered step by step until
 * the drawing fits or the budget reaches {@link #MIN_BUDGET}. A direction or depth the user set is kept as asked.
 */
final class DetailFitting {
    /** The budget is lowered by this factor a step. */
    private static final double STEP = 0.8;
    /** Below this, a figure says too little to be worth shrinking further. */
    private static final int MIN_BUDGET = 12;

    /** Draws a view, its direction resolved for the medium, and the view it was drawn at. */
    interface Drawer {
        Drawn draw(ViewOptions view) throws IOException;
    }

    /** A drawing made at some view. */
    record Drawn(Diagram diagram, ViewOptions view) {
    }

    private DetailFitting() {
    }

    /** The drawing of {@code view}, or of the largest smaller budget that fits {@code medium}. */
    static Drawn fit(ViewOptions view, Direction direction, Medium medium, Drawer drawer) throws IOException {
        Drawn drawn = resolved(drawer.draw(view), medium);
        for (int budget = (int) (view.maxNodes() * STEP); direction == Direction.AUTO && view.autoDepth()
                && budget >= MIN_BUDGET && medium.tooBig(drawn.diagram()); budget = (int) (budget * STEP)) {
            drawn = resolved(drawer.draw(view.withBudget(budget)), medium);
        }
        return drawn;
    }

    private static Drawn resolved(Drawn drawn, Medium medium) {
        return new Drawn(AutoDirection.resolve(drawn.diagram(), medium), drawn.view());
    }

    /** Why the budget differs from the one asked for, or empty. */
    static String note(ViewOptions drawn, ViewOptions requested, Medium medium) {
        if (!drawn.autoDepth() || drawn.maxNodes() >= requested.maxNodes()) {
            return "";
        }
        String where = medium == Medium.COLUMN ? "at most " + Medium.MAX_COLUMN_HEIGHT + " px tall in GitHub's column"
                : "legible (text of " + (int) Medium.MIN_PAGE_TEXT + " pt or more) on a 6.5x9 in page";
        return " (fewer than --max-nodes " + requested.maxNodes() + ", so that the drawing is " + where + ")";
    }
}
