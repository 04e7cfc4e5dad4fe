package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.emit.GithubFit;
import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OperationNode;

/** The one status line printed on stderr after a diagram is written. */
final class Summary {
    private Summary() {
    }

    /** The status line, after one warning line per thing the reader noticed. */
    static String of(ModelGraph full, ModelGraph drawn, Integer depth) {
        int operations = full.nodes(OperationNode.class).size();
        int modules = full.modules().size() - 1;
        StringBuilder warnings = new StringBuilder();
        for (String warning : full.info().warnings()) {
            warnings.append("nnviz-onnx: warning: ").append(full.info().source()).append(": ").append(warning)
                    .append(System.lineSeparator());
        }
        return warnings + String.format(java.util.Locale.ROOT, "nnviz-onnx: %s: %d operations, %d modules (hierarchy: %s), %s parameters;"
                        + " drawn at depth %s: %d nodes, %d edges",
                full.info().source(), operations, modules, full.info().hierarchy(),
                DisplayText.humanCount(full.totalParameters()), depth == null ? "all" : depth,
                drawn.graph().vertexSet().size(), drawn.graph().edgeSet().size());
    }

    /** What --fit github chose, and why. */
    static String fit(GithubFit.Choice choice, Integer requested) {
        String drawn = choice.depth() == null ? "every level" : "depth " + choice.depth();
        String size = String.format(java.util.Locale.ROOT, "%d edges, %,d characters", choice.edges(),
                choice.characters());
        if (!choice.fits()) {
            return "nnviz-onnx: warning: even at " + drawn + " the Mermaid has " + size + ", over GitHub's limits ("
                    + GithubFit.MAX_EDGES + " edges, 50,000 characters): GitHub will not render it; try --layer,"
                    + " --collapse, or --format svg";
        }
        boolean lowered = !java.util.Objects.equals(choice.depth(), requested);
        return "nnviz-onnx: --fit github: drawn at " + drawn + " (" + size + ")"
                + (lowered ? ", the deepest that fits GitHub's limits" : "");
    }
}
