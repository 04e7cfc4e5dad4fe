package io.github.nnvizonnx.model;

/** A graph output; inside a control-flow body, one of the body's results. */
public record OutputNode(String id, TensorInfo tensor, ModulePath scope) implements Node {
    @Override
    public OutputNode withScope(ModulePath newScope) {
        return new OutputNode(id, tensor, newScope);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputNode n && n.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
