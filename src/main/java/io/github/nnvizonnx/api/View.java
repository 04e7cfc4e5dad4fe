package io.github.nnvizonnx.api;

import io.github.nnvizonnx.transform.ViewOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * How much of the model to draw, built step by step: {@code View.defaults().depth(3).collapse("layer1")}. Immutable:
 * each method returns a new view. It maps onto {@link ViewOptions}, the settings the transforms read.
 */
public final class View {
    private final ViewOptions options;

    private View(ViewOptions options) {
        this.options = options;
    }

    /**
     * The default view: detail chosen by a budget of {@value ViewOptions#DEFAULT_MAX_NODES} nodes, runs of identical
     * blocks folded, constants and shape glue hidden.
     */
    public static View defaults() {
        return new View(ViewOptions.defaults());
    }

    /** Every node of the model: nothing collapsed, folded or hidden. */
    public static View everything() {
        return new View(ViewOptions.everything());
    }

    /** The view that {@code options} describe. */
    public static View of(ViewOptions options) {
        return new View(options);
    }

    /** Modules at depth {@code depth} (1 or more) are drawn as single nodes. */
    public View depth(int depth) {
        return new View(options.withDepth(depth));
    }

    /** Every level of modules is drawn open. */
    public View allLevels() {
        return new View(options.withDepth(null));
    }

    /** Modules are opened, level by level and largest first, while the drawing has at most {@code maxNodes} nodes. */
    public View budget(int maxNodes) {
        return new View(options.withBudget(maxNodes));
    }

    /** Whether runs of identical consecutive blocks are drawn once with their count. */
    public View fold(boolean fold) {
        return new View(options.withFold(fold));
    }

    /** These modules (dotted or slashed paths) are drawn as single nodes too. */
    public View collapse(String... modulePaths) {
        List<String> collapse = new ArrayList<>(options.collapse());
        collapse.addAll(List.of(modulePaths));
        return new View(options.withCollapse(collapse));
    }

    /** Only this module is drawn; tensors crossing its boundary become its inputs and outputs. */
    public View layer(String modulePath) {
        return new View(options.withLayer(modulePath));
    }

    /** Whether the bodies of If/Loop/Scan are drawn as nested boxes instead of one black box each. */
    public View expandSubgraphs(boolean expand) {
        return new View(options.withExpandSubgraphs(expand));
    }

    /** Whether constants and shape glue (chains that only compute shapes) are kept. */
    public View showConstants(boolean show) {
        return new View(options.withShowConstants(show));
    }

    /** The settings as the transforms read them. */
    public ViewOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return options.toString();
    }
}
