package io.github.nnvizonnx.read.hierarchy;

import java.util.List;

/**
 * One exporter's way of writing the module hierarchy into a file. Given all nodes of one graph (the main graph, a
 * control-flow body or a function body), it tells where each node sits. Conventions see whole graphs because some
 * rules depend on the neighbours (a repeated-call suffix is recognised by its sibling without the suffix).
 */
public interface HierarchyConvention {
    /** The name used by {@code --hierarchy}. */
    String name();

    /** One assignment per node, in the same order. */
    List<ScopeAssignment> assign(List<NodeView> nodes);

    /**
     * Whether each call of a model-local function becomes a module (classed by the function's name) holding the
     * function's body; otherwise a call is drawn as one plain operation. Scoped names and calls go together (torch's
     * {@code export_modules_as_functions} writes both), so only the flat reading says no.
     */
    default boolean callsAreModules() {
        return true;
    }

    /** The class of the whole model when the file names it (the dynamo exporter does), else null. */
    default String rootClassName(List<NodeView> nodes) {
        return null;
    }
}
