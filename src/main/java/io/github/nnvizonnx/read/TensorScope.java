package io.github.nnvizonnx.read;

import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * The tensor names visible in one graph: who produces each name, which names are weights, and what type the file
 * declares for them. Control-flow bodies see their enclosing graphs (ONNX's lexical scoping); a function body sees
 * only its formal inputs, which are aliases of the caller's actual tensors.
 */
final class TensorScope {
    /** A weight tensor and the nodes that read it. */
    static final class Weight {
        final String name;
        final String elementType;
        final java.util.List<Long> dims;
        final java.util.List<Node> consumers = new java.util.ArrayList<>();

        Weight(String name, String elementType, java.util.List<Long> dims) {
            this.name = name;
            this.elementType = elementType;
            this.dims = dims;
        }
    }

    /**
     * What a name resolves to: a producing node or a weight, the declared type found on the way, and where the
     * tensor really lives: the scope that defines it ({@code owner}, the scope looked in when nothing defines it)
     * and its name there ({@code name}: a function's formal input resolves to the caller's actual tensor).
     */
    record Resolution(Node producer, Weight weight, TensorInfo declared, String name, TensorScope owner) {
        /** The tensor as an edge carries it: named as in its defining scope, with the declared type if any. */
        TensorInfo tensor() {
            return declared == null ? TensorInfo.named(name) : new TensorInfo(name, declared.elementType(),
                    declared.shape());
        }
    }

    private final TensorScope parent;
    private final boolean isolated;
    private final Map<String, Node> producers = new HashMap<>();
    private final Map<String, Weight> weights = new HashMap<>();
    private final Map<String, TensorInfo> declared = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    private TensorScope(TensorScope parent, boolean isolated) {
        this.parent = parent;
        this.isolated = isolated;
    }

    static TensorScope main() {
        return new TensorScope(null, false);
    }

    /** A control-flow body: outer names stay visible. */
    TensorScope nested() {
        return new TensorScope(this, false);
    }

    /** A function body: only the formal inputs, bound to the caller's tensors, come from outside. */
    TensorScope function(Map<String, String> formalToActual) {
        TensorScope s = new TensorScope(this, true);
        s.aliases.putAll(formalToActual);
        return s;
    }

    void declare(String name, String elementType, Shape shape) {
        if (!name.isEmpty()) {
            declared.put(name, new TensorInfo(name, elementType, shape));
        }
    }

    /** Declares a type unless this scope already declares one: value_info wins over what an operator implies. */
    void declareIfAbsent(TensorInfo tensor) {
        if (!tensor.name().isEmpty()) {
            declared.merge(tensor.name(), tensor,
                    (old, implied) -> old.elementType() == null && old.shape() == null ? implied : old);
        }
    }

    void produce(String name, Node node) {
        if (!name.isEmpty()) {
            producers.put(name, node);
        }
    }

    boolean producesLocally(String name) {
        return producers.containsKey(name);
    }

    void addWeight(Weight weight) {
        weights.put(weight.name, weight);
    }

    boolean isWeight(String name) {
        return weights.containsKey(name);
    }

    Resolution resolve(String name) {
        TensorInfo type = declared.get(name);
        Node producer = producers.get(name);
        if (producer != null) {
            return new Resolution(producer, null, type, name, this);
        }
        Weight weight = weights.get(name);
        if (weight != null) {
            return new Resolution(null, weight, type, name, this);
        }
        String outerName = aliases.get(name);
        if (outerName == null && (isolated || parent == null)) {
            return new Resolution(null, null, type, name, this);
        }
        Resolution outer = parent.resolve(outerName != null ? outerName : name);
        return type != null && outer.declared() == null
                ? new Resolution(outer.producer(), outer.weight(), type, outer.name(), outer.owner())
                : outer;
    }
}
