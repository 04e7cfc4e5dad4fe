package io.github.nnvizonnx.transform;

import java.util.List;

/**
 * How much of the model to draw. {@code depth}: modules at this depth become single nodes (null draws every level);
 * {@code collapse}: modules to draw as single nodes, by dotted or slashed path; {@code layer}: a module to draw alone;
 * {@code expandSubgraphs}: draw the bodies of If/Loop/Scan instead of one black box each.
 */
public record ViewOptions(Integer depth, List<String> collapse, String layer, boolean expandSubgraphs) {
    /** Deep enough to show structure (blocks inside stages), shallow enough to read. */
    public static final int DEFAULT_DEPTH = 2;

    public ViewOptions {
        collapse = collapse == null ? List.of() : List.copyOf(collapse);
        if (depth != null && depth < 1) {
            throw new IllegalArgumentException("depth must be 1 or more (or all)");
        }
    }

    public static ViewOptions defaults() {
        return new ViewOptions(DEFAULT_DEPTH, List.of(), null, false);
    }

    public static ViewOptions everything() {
        return new ViewOptions(null, List.of(), null, true);
    }
}
