package io.github.nnvizonnx.model;

import java.util.List;

/**
 * One operator call: its name in the file, op type and domain ({@code ""} for the default ONNX domain), a display
 * summary of its attributes and the parameter count of the weights only it consumes.
 */
public record OperationNode(String id, String name, String opType, String domain, List<AttributeSummary> attributes,
                            ModulePath scope, long parameterCount) implements Node {
    public OperationNode {
        attributes = List.copyOf(attributes);
    }

    /** Constant-like: produces a value from nothing (Constant, and generators such as RandomNormal). */
    public boolean isConstant() {
        return domain.isEmpty() && opType.equals("Constant");
    }

    @Override
    public OperationNode withScope(ModulePath newScope) {
        return new OperationNode(id, name, opType, domain, attributes, newScope, parameterCount);
    }

    /** The same operation with {@code count} parameters. */
    public OperationNode withParameterCount(long count) {
        return new OperationNode(id, name, opType, domain, attributes, scope, count);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OperationNode n && n.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
