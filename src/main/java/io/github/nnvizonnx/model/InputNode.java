package io.github.nnvizonnx.model;

/** A graph input that is not a weight; inside a control-flow body, one of the body's formal inputs. */
public record InputNode(String id, TensorInfo tensor, ModulePath scope) implements Node {
    @Override
    public InputNode withScope(ModulePath newScope) {
        return new InputNode(id, tensor, newScope);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputNode n && n.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
