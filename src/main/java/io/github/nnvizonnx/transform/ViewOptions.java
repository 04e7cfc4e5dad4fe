package io.github.nnvizonnx.transform;

import java.util.List;

/**
 * How much of the model to draw. {@code depth}: modules at this depth become single nodes (null draws every level);
 * {@code collapse}: modules to draw as single nodes, by dotted or slashed path; {@code layer}: a module to draw alone;
 * {@code expandSubgraphs}: draw the bodies of If/Loop/Scan instead of one black box each; {@code showConstants}: keep
 * constants and shape glue, which {@link HideClutter} removes otherwise.
 */
public record ViewOptions(Integer depth, List<String> collapse, String layer, boolean expandSubgraphs,
                          boolean showConstants) {
    /** Deep enough to show structure (blocks inside stages), shallow enough to read. */
    public static final int DEFAULT_DEPTH = 2;

    public ViewOptions {
        collapse = collapse == null ? List.of() : List.copyOf(collapse);
        if (depth != null && depth < 1) {
            throw new IllegalArgumentException("depth must be 1 or more (or all)");
        }
    }

    /** The usual view: constants and shape glue hidden. */
    public ViewOptions(Integer depth, List<String> collapse, String layer, boolean expandSubgraphs) {
        this(depth, collapse, layer, expandSubgraphs, false);
    }

    public static ViewOptions defaults() {
        return new ViewOptions(DEFAULT_DEPTH, List.of(), null, false);
    }

    /** Every node of the model: nothing collapsed, nothing hidden. */
    public static ViewOptions everything() {
        return new ViewOptions(null, List.of(), null, true, true);
    }

    public ViewOptions withDepth(Integer newDepth) {
        return new ViewOptions(newDepth, collapse, layer, expandSubgraphs, showConstants);
    }
}
