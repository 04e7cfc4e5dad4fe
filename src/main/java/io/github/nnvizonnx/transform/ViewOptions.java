package io.github.nnvizonnx.transform;

import java.util.List;
import java.util.Objects;

/**
 * How much of the model to draw. {@code depth}: modules at this depth become single nodes (null draws every level),
 * unless {@code autoDepth} chooses the modules to open by the budget {@code maxNodes} ({@link DetailBudget});
 * {@code collapse}: modules to draw as single nodes, by dotted or slashed path; {@code layer}: a module to draw alone;
 * {@code expandSubgraphs}: draw the bodies of If/Loop/Scan instead of one black box each; {@code showConstants}: keep
 * constants and shape glue, which {@link HideClutter} removes otherwise; {@code fold}: draw runs of identical blocks
 * once with "×N" ({@link FoldRepeats}).
 */
public record ViewOptions(Integer depth, List<String> collapse, String layer, boolean expandSubgraphs,
                          boolean showConstants, boolean fold, boolean autoDepth, int maxNodes) {
    /** The depth {@code --fit github} starts from when asked for a fixed depth without one. */
    public static final int DEFAULT_DEPTH = 2;
    /**
     * The default node budget of {@code --depth auto}: a transformer with its layers folded shows one layer down to
     * its attention's operations, a ResNet every block; about what a figure in a README or a paper column holds.
     */
    public static final int DEFAULT_MAX_NODES = 60;

    public ViewOptions {
        collapse = collapse == null ? List.of() : List.copyOf(collapse);
        if (depth != null && depth < 1) {
            throw new IllegalArgumentException("depth must be 1 or more (or all, or auto)");
        }
        if (maxNodes < 1) {
            throw new IllegalArgumentException("the node budget must be 1 or more");
        }
    }

    // equals and hashCode written out for start-up, with the generated values: see model.Dim.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ViewOptions other && Objects.equals(depth, other.depth)
                && collapse.equals(other.collapse) && Objects.equals(layer, other.layer)
                && expandSubgraphs == other.expandSubgraphs && showConstants == other.showConstants
                && fold == other.fold && autoDepth == other.autoDepth && maxNodes == other.maxNodes;
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(depth);
        h = 31 * h + collapse.hashCode();
        h = 31 * h + Objects.hashCode(layer);
        h = 31 * h + Boolean.hashCode(expandSubgraphs);
        h = 31 * h + Boolean.hashCode(showConstants);
        h = 31 * h + Boolean.hashCode(fold);
        h = 31 * h + Boolean.hashCode(autoDepth);
        return 31 * h + maxNodes;
    }

    /** A fixed depth, runs folded. */
    public ViewOptions(Integer depth, List<String> collapse, String layer, boolean expandSubgraphs,
                       boolean showConstants) {
        this(depth, collapse, layer, expandSubgraphs, showConstants, true, false, DEFAULT_MAX_NODES);
    }

    /** A fixed depth, runs folded, constants and shape glue hidden. */
    public ViewOptions(Integer depth, List<String> collapse, String layer, boolean expandSubgraphs) {
        this(depth, collapse, layer, expandSubgraphs, false);
    }

    /** The default view: detail chosen by the default budget, runs folded, clutter hidden. */
    public static ViewOptions defaults() {
        return new ViewOptions(null, List.of(), null, false, false, true, true, DEFAULT_MAX_NODES);
    }

    /** Every node of the model: nothing collapsed, folded or hidden. */
    public static ViewOptions everything() {
        return new ViewOptions(null, List.of(), null, true, true, false, false, DEFAULT_MAX_NODES);
    }

    /** These options at a fixed depth (null: every level). */
    public ViewOptions withDepth(Integer newDepth) {
        return new ViewOptions(newDepth, collapse, layer, expandSubgraphs, showConstants, fold, false, maxNodes);
    }

    /** These options with the detail chosen by a budget of {@code budget} nodes. */
    public ViewOptions withBudget(int budget) {
        return new ViewOptions(depth, collapse, layer, expandSubgraphs, showConstants, fold, true, budget);
    }

    /** These options with folding on or off. */
    public ViewOptions withFold(boolean on) {
        return new ViewOptions(depth, collapse, layer, expandSubgraphs, showConstants, on, autoDepth, maxNodes);
    }

    /** These options naming other modules to collapse. */
    public ViewOptions withCollapse(List<String> paths) {
        return new ViewOptions(depth, paths, layer, expandSubgraphs, showConstants, fold, autoDepth, maxNodes);
    }

    /** These options drawing only the module {@code path} (null: the whole model). */
    public ViewOptions withLayer(String path) {
        return new ViewOptions(depth, collapse, path, expandSubgraphs, showConstants, fold, autoDepth, maxNodes);
    }

    /** These options with the bodies of If/Loop/Scan drawn or not. */
    public ViewOptions withExpandSubgraphs(boolean expand) {
        return new ViewOptions(depth, collapse, layer, expand, showConstants, fold, autoDepth, maxNodes);
    }

    /** These options keeping constants and shape glue or not. */
    public ViewOptions withShowConstants(boolean show) {
        return new ViewOptions(depth, collapse, layer, expandSubgraphs, show, fold, autoDepth, maxNodes);
    }

    /** The depth as people write it: {@code auto}, {@code all} or a number. */
    public String depthText() {
        return autoDepth ? "auto" : depth == null ? "all" : depth.toString();
    }
}
