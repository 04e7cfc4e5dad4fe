package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.api.Drawing;
import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OperationNode;
import java.util.Locale;

/** The one status line printed on stderr after a diagram is written. */
final class Summary {
    private Summary() {
    }

    /** The model read, and what was drawn of it at which depth (and why that depth, when --fit lowered it). */
    static String of(Drawing drawing) {
        ModelGraph full = drawing.model();
        ModelGraph drawn = drawing.diagram().model();
        int operations = full.nodes(OperationNode.class).size();
        int modules = full.modules().size() - 1;
        return String.format(Locale.ROOT, "nnviz-onnx: %s: %d operations, %d modules (hierarchy: %s), %s parameters;"
                        + " drawn at depth %s%s: %d nodes, %d edges",
                full.info().source(), operations, modules, full.info().hierarchy(),
                DisplayText.humanCount(full.totalParameters()), drawing.depth() == null ? "all" : drawing.depth(),
                drawing.depthNote(), drawn.graph().vertexSet().size(), drawn.graph().edgeSet().size());
    }
}
