package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.emit.GithubFit;
import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OperationNode;

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
    static String of(ModelGraph full, ModelGraph drawn, Integer depth, String note) {
        int operations = full.nodes(OperationNode.class).size();
        int modules = full.modules().size() - 1;
        return String.format(java.util.Locale.ROOT, "nnviz-onnx: %s: %d operations, %d modules (hierarchy: %s), %s parameters;"
                        + " drawn at depth %s%s: %d nodes, %d edges",
                full.info().source(), operations, modules, full.info().hierarchy(),
                DisplayText.humanCount(full.totalParameters()), depth == null ? "all" : depth, note,
                drawn.graph().vertexSet().size(), drawn.graph().edgeSet().size());
    }

    /**
     * What --fit github chose, for the summary line: empty when the depth asked for fits, else why it was lowered.
     */
    static String fitNote(GithubFit.Choice choice, Integer requested) {
        if (!choice.fits() || java.util.Objects.equals(choice.depth(), requested)) {
            return "";
        }
        return " (lowered from " + (requested == null ? "all" : requested) + " by --fit github to stay within"
                + " GitHub's limits: " + GithubFit.MAX_EDGES + " edges, 50,000 characters)";
    }

    /** The warning when even the shallowest depth is too big for GitHub; null when it fits. */
    static String fitWarning(GithubFit.Choice choice) {
        if (choice.fits()) {
            return null;
        }
        String drawn = choice.depth() == null ? "every level" : "depth " + choice.depth();
        return String.format(java.util.Locale.ROOT, "nnviz-onnx: warning: even at %s the Mermaid has %d edges and"
                + " %,d characters, over GitHub's limits (%d edges, 50,000 characters): GitHub will not render it;"
                + " try --layer, --collapse or --format svg", drawn, choice.edges(), choice.characters(),
                GithubFit.MAX_EDGES);
    }
}
