package io.github.nnvizonnx.api;

import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.Medium;
import io.github.nnvizonnx.emit.DrawOptions;
import io.github.nnvizonnx.emit.GithubFit;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
import java.io.IOException;
import java.util.Locale;

/**
 * {@link Fit#GITHUB}: the most detailed view, from the one asked for down through the fixed depths, whose Mermaid
 * GitHub renders. The budget is lowered too while the drawing is taller than GitHub's column allows
 * ({@link DetailFitting}): a long chain must not become a strip a reader scrolls through for minutes.
 */
final class GithubFitting {
    /** Nodes from which the depths are collapsed two at a time, on two cores. */
    private static final int LARGE_MODEL = 20_000;

    private GithubFitting() {
    }

    /** The model drawn at the view chosen; a warning goes to {@code reporter} when even depth 1 is too big. */
    static Drawn choose(ModelGraph full, ViewOptions view, DrawOptions draw, Marking marking, Reporter reporter)
            throws IOException {
        ModelGraph prepared = Views.prepare(full, view, marking::foldGroup);
        @SuppressWarnings("unchecked")
        GithubFit.Choice<ViewOptions>[] last = new GithubFit.Choice[1];
        DetailFitting.Drawn drawn = DetailFitting.fit(view, draw.direction(), Medium.COLUMN, v -> {
            last[0] = GithubFit.choose(Views.fitCandidates(v, Views.maxDepth(full)),
                    c -> marking.diagram(Views.collapse(prepared, c), c, draw),
                    c -> Views.nodeCountAfterCollapse(prepared, c),
                    full.nodes().size() >= LARGE_MODEL);
            return new DetailFitting.Drawn(last[0].diagram(), last[0].view());
        });
        GithubFit.Choice<ViewOptions> choice = last[0];
        if (!choice.fits()) {
            reporter.warning(tooBig(choice));
        }
        String budgetNote = DetailFitting.note(choice.view(), view, Medium.COLUMN);
        return new Drawn(drawn.diagram(), choice.view(), budgetNote.isEmpty() ? note(choice, view) : budgetNote);
    }

    /** A diagram, the view it is drawn at, and why that view differs from the one asked for (or empty). */
    record Drawn(Diagram diagram, ViewOptions view, String note) {
    }

    /** Empty when the view asked for fits, else why its depth was lowered. */
    private static String note(GithubFit.Choice<ViewOptions> choice, ViewOptions requested) {
        if (!choice.fits() || choice.view().equals(requested)) {
            return "";
        }
        return " (lowered from " + requested.depthText() + " by --fit github to stay within"
                + " GitHub's limits: " + GithubFit.MAX_EDGES + " edges, 50,000 characters)";
    }

    private static String tooBig(GithubFit.Choice<ViewOptions> choice) {
        ViewOptions drawn = choice.view();
        String where = drawn.depth() == null && !drawn.autoDepth() ? "every level" : "depth " + drawn.depthText();
        return String.format(Locale.ROOT, "even at %s the Mermaid has %d edges and %,d characters, over GitHub's"
                + " limits (%d edges, 50,000 characters): GitHub will not render it; try --layer, --collapse or"
                + " --format svg", where, choice.edges(), choice.characters(), GithubFit.MAX_EDGES);
    }
}
