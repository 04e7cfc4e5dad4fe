package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OperationNode;

/** The one status line printed on stderr after a diagram is written. */
final class Summary {
    private Summary() {
    }

    static String of(ModelGraph full, ModelGraph drawn, Integer depth) {
        int operations = full.nodes(OperationNode.class).size();
        int modules = full.modules().size() - 1;
        return String.format(java.util.Locale.ROOT, "nnviz-onnx: %s: %d operations, %d modules (hierarchy: %s), %s parameters;"
                        + " drawn at depth %s: %d nodes, %d edges",
                full.info().source(), operations, modules, full.info().hierarchy(),
                humanCount(full.totalParameters()), depth == null ? "all" : depth,
                drawn.graph().vertexSet().size(), drawn.graph().edgeSet().size());
    }

    static String humanCount(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(java.util.Locale.ROOT, "%.1fB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(java.util.Locale.ROOT, "%.1fM", n / 1e6);
        }
        if (n >= 10_000L) {
            return String.format(java.util.Locale.ROOT, "%.1fk", n / 1e3);
        }
        return Long.toString(n);
    }
}
