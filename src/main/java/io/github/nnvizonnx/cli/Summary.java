package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.api.Drawing;
import io.github.nnvizonnx.model.DiffSummary;
import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.transform.ViewOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one status line printed on stderr after a diagram is written. */
final class Summary {
    private Summary() {
    }

    /** The model read, and what was drawn of it: the detail, why (when --fit lowered it), the folds, the size. */
    static String of(Drawing drawing) {
        ModelGraph full = drawing.model();
        ModelGraph drawn = drawing.diagram().model();
        int operations = full.nodes(OperationNode.class).size();
        int modules = full.modules().size() - 1;
        return String.format(Locale.ROOT, "nnviz-onnx: %s: %d operations, %d modules (hierarchy: %s), %s parameters;"
                        + " drawn at depth %s%s%s%s: %d nodes, %d edges",
                full.info().source(), operations, modules, full.info().hierarchy(),
                DisplayText.humanCount(full.totalParameters()), detail(drawing.view()), drawing.depthNote(),
                drawing.controlFlowNote(), folds(drawn), drawn.graph().vertexSet().size(), drawn.graph().edgeSet().size());
    }

    /**
     * The status line of a comparison ({@code nnviz-onnx diff}): the models, what was added, removed and changed,
     * the parameters before and after, and what was drawn; or that the models are identical.
     */
    static String ofDiff(Drawing drawing) {
        DiffSummary diff = drawing.diffSummary();
        if (diff.identical()) {
            return "nnviz-onnx: " + diff.line();
        }
        ModelGraph drawn = drawing.diagram().model();
        return String.format(Locale.ROOT, "nnviz-onnx: %s → %s: %s; drawn at depth %s%s%s%s: %d nodes, %d edges",
                diff.oldName(), diff.newName(), diff.line(), detail(drawing.view()), drawing.depthNote(),
                drawing.controlFlowNote(), folds(drawn), drawn.graph().vertexSet().size(),
                drawn.graph().edgeSet().size());
    }

    private static String detail(ViewOptions view) {
        return view.autoDepth() ? "auto (at most " + view.maxNodes() + " nodes, --max-nodes)" : view.depthText();
    }

    /** The folds drawn, e.g. {@code ; folded encoder.layer.0–5 ×6}: the first few, and how many more. */
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
}
