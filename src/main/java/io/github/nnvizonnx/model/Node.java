package io.github.nnvizonnx.model;

/**
 * A vertex of the diagram. Every node has an id unique within its graph (equality is by id) and a scope: the module
 * that contains it.
 */
public sealed interface Node permits OperationNode, InputNode, OutputNode, ModuleNode {
    String id();

    ModulePath scope();

    /** The same node moved to another module. */
    Node withScope(ModulePath newScope);
}
