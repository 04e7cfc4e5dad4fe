package io.github.nnvizonnx.read.hierarchy;

import java.util.List;

/**
 * One exporter's way of writing the module hierarchy into a file. Given all nodes of one graph (the main graph, a
 * control-flow body or a function body), it tells where each node sits. Conventions see whole graphs because some
 * rules depend on the neighbours (a repeated-call suffix is recognised by its sibling without the suffix).
 *
 * <p>A plug-in: to add an exporter's convention, implement this interface in a public class with a public no-argument
 * constructor and list the class in {@code META-INF/services/io.github.nnvizonnx.read.hierarchy.HierarchyConvention}
 * of a jar on the class path. It is then chosen by {@link #name()} ({@code --hierarchy NAME}), or detected for a file
 * when {@link #recognises} says so. A fresh instance reads each file.
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

    /**
     * Whether the main graph's nodes are plainly written in this convention, so that automatic detection picks it
     * before the built-in guesses. This library's conventions leave that to those guesses and say no.
     */
    default boolean recognises(List<NodeView> nodes) {
        return false;
    }

    /**
     * Whether this convention reads scopes from names and {@code node}'s name carries none (torch's {@code Gather_12}
     * among {@code /roi_heads/…} names): the reader then places such an operation in the module all its producers
     * and consumers share, when there is one, instead of at the top. Conventions that read no scopes say no.
     */
    default boolean isUnscoped(NodeView node) {
        return false;
    }

    /** The class of the whole model when the file names it (the dynamo exporter does), else null. */
    default String rootClassName(List<NodeView> nodes) {
        return null;
    }
}
