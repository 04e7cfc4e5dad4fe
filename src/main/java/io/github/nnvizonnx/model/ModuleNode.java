package io.github.nnvizonnx.model;

import java.util.List;

/**
 * A collapsed module drawn as a single node. It stands for every operation inside {@code module}; its scope is the
 * module's parent. {@code opTypes} lists the distinct op types inside, in order of first appearance.
 */
public record ModuleNode(String id, Module module, ModulePath scope, long parameterCount, int operationCount,
                         List<String> opTypes) implements Node {
    public ModuleNode {
        opTypes = List.copyOf(opTypes);
    }

    @Override
    public ModuleNode withScope(ModulePath newScope) {
        return new ModuleNode(id, module, newScope, parameterCount, operationCount, opTypes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModuleNode n && n.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
