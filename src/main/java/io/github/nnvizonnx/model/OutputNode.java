package io.github.nnvizonnx.model;

/**
 * A graph output; inside a control-flow body, one of the body's results. {@code label}, when not null, is what people read instead of the tensor's name: a boundary of
 * {@code --layer} is named for the place its tensor comes from or goes to, while formats that keep names (JSON,
 * GraphML) still write the tensor's.
 */
public record OutputNode(String id, TensorInfo tensor, ModulePath scope, String label) implements Node {

    /** A node shown by its tensor's name. */
    public OutputNode(String id, TensorInfo tensor, ModulePath scope) {
        this(id, tensor, scope, null);
    }

    /** The words shown for this node: the label, or the tensor's name when there is none. */
    public String displayName() {
        return label == null ? tensor.name() : label;
    }

    /** The same node carrying another tensor (a shape found later), its label kept. */
    public OutputNode withTensor(TensorInfo newTensor) {
        return new OutputNode(id, newTensor, scope, label);
    }

    @Override
    public OutputNode withScope(ModulePath newScope) {
        return new OutputNode(id, tensor, newScope, label);
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
