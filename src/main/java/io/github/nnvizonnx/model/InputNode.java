package io.github.nnvizonnx.model;

/**
 * A graph input that is not a weight; inside a control-flow body, one of the body's formal inputs. {@code label}, when not null, is what people read instead of the tensor's name: a boundary of
 * {@code --layer} is named for the place its tensor comes from or goes to, while formats that keep names (JSON,
 * GraphML) still write the tensor's.
 */
public record InputNode(String id, TensorInfo tensor, ModulePath scope, String label) implements Node {

    /** A node shown by its tensor's name. */
    public InputNode(String id, TensorInfo tensor, ModulePath scope) {
        this(id, tensor, scope, null);
    }

    /** The words shown for this node: the label, or the tensor's name when there is none. */
    public String displayName() {
        return label == null ? tensor.name() : label;
    }

    /** The same node carrying another tensor (a shape found later), its label kept. */
    public InputNode withTensor(TensorInfo newTensor) {
        return new InputNode(id, newTensor, scope, label);
    }

    @Override
    public InputNode withScope(ModulePath newScope) {
        return new InputNode(id, tensor, newScope, label);
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
