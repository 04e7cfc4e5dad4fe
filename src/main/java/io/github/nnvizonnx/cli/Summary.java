package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.emit.GithubFit;
import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.transform.ViewOptions;
import java.util.ArrayList;
import java.util.List;

/** The one status line printed on stderr after a diagram is written. */
final class Summary {
    private Summary() {
    }

    /** One warning line per thing the reader noticed (printed even with --quiet). */
    static java.util.List<String> readerWarnings(ModelGraph read) {
        return read.info().warnings().stream()
                .map(w -> "nnviz-onnx: warning: " + read.info().source() + ": " + w).toList();
    }

    /** {@code note}: appended after the depth, e.g. why --fit github lowered it. */
    static String of(ModelGraph full, ModelGraph drawn, ViewOptions view, String note) {
        int operations = full.nodes(OperationNode.class).size();
        int modules = full.modules().size() - 1;
        return String.format(java.util.Locale.ROOT, "nnviz-onnx: %s: %d operations, %d modules (hierarchy: %s), %s parameters;"
                        + " drawn at depth %s%s%s: %d nodes, %d edges",
                full.info().source(), operations, modules, full.info().hierarchy(),
                DisplayText.humanCount(full.totalParameters()), detail(view), note, folds(drawn),
                drawn.graph().vertexSet().size(), drawn.graph().edgeSet().size());
    }

    private static String detail(ViewOptions view) {
        return view.autoDepth() ? "auto (at most " + view.maxNodes() + " nodes, --max-nodes)" : view.depthText();
    }

    /** The folds drawn, e.g. {@code ; folded encoder.layer.0–5 ×6}; the first few, with how many more. */
    static String folds(ModelGraph drawn) {
        List<String> folds = new ArrayList<>();
        for (Module m : drawn.modules().all()) {
            if (m.fold() != null) {
                folds.add(m.fold().qualifiedRange() + " " + m.fold().countText());
            }
        }
        if (folds.isEmpty()) {
            return "";
        }
        int shown = Math.min(folds.size(), 3);
        return "; folded " + String.join(", ", folds.subList(0, shown))
                + (folds.size() > shown ? " and " + (folds.size() - shown) + " more" : "");
    }

    /**
     * What --fit github chose, for the summary line: empty when the view asked for fits, else why it was lowered.
     */
    static String fitNote(GithubFit.Choice<ViewOptions> choice, ViewOptions requested) {
        if (!choice.fits() || choice.view().equals(requested)) {
            return "";
        }
        return " (lowered from " + requested.depthText() + " by --fit github to stay within"
                + " GitHub's limits: " + GithubFit.MAX_EDGES + " edges, 50,000 characters)";
    }

    /** The warning when even the shallowest depth is too big for GitHub; null when it fits. */
    static String fitWarning(GithubFit.Choice<ViewOptions> choice) {
        if (choice.fits()) {
            return null;
        }
        String drawn = choice.view().depth() == null && !choice.view().autoDepth() ? "every level"
                : "depth " + choice.view().depthText();
        return String.format(java.util.Locale.ROOT, "nnviz-onnx: warning: even at %s the Mermaid has %d edges and"
                + " %,d characters, over GitHub's limits (%d edges, 50,000 characters): GitHub will not render it;"
                + " try --layer, --collapse or --format svg", drawn, choice.edges(), choice.characters(),
                GithubFit.MAX_EDGES);
    }
}
