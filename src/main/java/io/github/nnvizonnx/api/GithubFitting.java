package io.github.nnvizonnx.api;

import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.DrawOptions;
import io.github.nnvizonnx.emit.GithubFit;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/** {@link Fit#GITHUB}: the deepest depth, from the one asked for down, whose Mermaid GitHub renders. */
final class GithubFitting {
    /** Nodes from which the depths are collapsed two at a time, on two cores. */
    private static final int LARGE_MODEL = 20_000;

    private GithubFitting() {
    }

    /** The model drawn at the depth chosen; a warning goes to {@code reporter} when even depth 1 is too big. */
    static Drawn choose(ModelGraph full, ViewOptions view, DrawOptions draw, Reporter reporter) throws IOException {
        ModelGraph prepared = Views.prepare(full, view);
        GithubFit.Choice choice = GithubFit.choose(GithubFit.candidates(view.depth(), Views.maxDepth(full)),
                d -> Diagram.view(Views.collapse(prepared, view.withDepth(d))).from(full, draw),
                d -> Views.nodeCountAfterCollapse(prepared, view.withDepth(d)),
                full.nodes().size() >= LARGE_MODEL);
        if (!choice.fits()) {
            reporter.warning(tooBig(choice));
        }
        return new Drawn(choice.diagram(), choice.depth(), note(choice, view.depth()));
    }

    /** A diagram, the depth it is drawn at, and why that depth differs from the one asked for (or empty). */
    record Drawn(Diagram diagram, Integer depth, String note) {
    }

    /** Empty when the depth asked for fits, else why it was lowered. */
    private static String note(GithubFit.Choice choice, Integer requested) {
        if (!choice.fits() || Objects.equals(choice.depth(), requested)) {
            return "";
        }
        return " (lowered from " + (requested == null ? "all" : requested) + " by --fit github to stay within"
                + " GitHub's limits: " + GithubFit.MAX_EDGES + " edges, 50,000 characters)";
    }

    private static String tooBig(GithubFit.Choice choice) {
        String drawn = choice.depth() == null ? "every level" : "depth " + choice.depth();
        return String.format(Locale.ROOT, "even at %s the Mermaid has %d edges and %,d characters, over GitHub's"
                + " limits (%d edges, 50,000 characters): GitHub will not render it; try --layer, --collapse or"
                + " --format svg", drawn, choice.edges(), choice.characters(), GithubFit.MAX_EDGES);
    }
}
