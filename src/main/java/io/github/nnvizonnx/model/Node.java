package io.github.nnvizonnx.model;

/**
 * A vertex of the diagram. Every node has an id unique within its graph (equality is by id) and a scope: the module
 * that contains it.
 */
public sealed interface Node permits OperationNode, InputNode, OutputNode, ModuleNode {
    /** A name unique in the graph. */
    String id();

    /** The module the node sits in. */
    ModulePath scope();

    /** The same node moved to another module. */
    Node withScope(ModulePath newScope);
}
