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

    /**
     * Everything known about one name in this scope; {@code name} is the one shared instance of the name. The
     * importer keeps entries of the tensors it will resolve later, so that a million names are not looked up twice.
     */
    static final class Entry {
        final String name;
        Node producer;
        Weight weight;
        TensorInfo declared;

        Entry(String name) {
            this.name = name;
        }
    }

    private final TensorScope parent;
    private final boolean isolated;
    /** One map for producers, weights and declared types: one lookup per name instead of three. */
    private final Map<String, Entry> entries;
    private final Map<String, String> aliases = new HashMap<>();

    private TensorScope(TensorScope parent, boolean isolated, int expectedNames) {
        this.parent = parent;
        this.isolated = isolated;
        this.entries = new HashMap<>(Math.max(16, expectedNames / 3 * 4 + 1));
    }

    private TensorScope(TensorScope parent, boolean isolated) {
        this(parent, isolated, 0);
    }

    /** The main graph's scope, sized for about {@code expectedNames} names (growing a huge map costs rehashing). */
    static TensorScope main(int expectedNames) {
        return new TensorScope(null, false, expectedNames);
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
            Entry e = entry(name);
            e.declared = new TensorInfo(e.name, elementType, shape);
        }
    }

    /** Declares a type unless this scope already declares one: value_info wins over what an operator implies. */
    void declareIfAbsent(TensorInfo tensor) {
        if (!tensor.name().isEmpty()) {
            Entry e = entry(tensor.name());
            if (e.declared == null || e.declared.elementType() == null && e.declared.shape() == null) {
                e.declared = tensor;
            }
        }
    }

    void produce(String name, Node node) {
        if (!name.isEmpty()) {
            entry(name).producer = node;
        }
    }

    boolean producesLocally(String name) {
        Entry e = entries.get(name);
        return e != null && e.producer != null;
    }

    void addWeight(Weight weight) {
        entry(weight.name).weight = weight;
    }

    boolean isWeight(String name) {
        Entry e = entries.get(name);
        return e != null && e.weight != null;
    }

    Resolution resolve(String name) {
        return resolve(entries.get(name), name);
    }

    /** {@link #resolve(String)} of an entry of this scope. */
    Resolution resolve(Entry entry) {
        return resolve(entry, entry.name);
    }

    private Resolution resolve(Entry e, String name) {
        TensorInfo type = e == null ? null : e.declared;
        if (e != null && e.producer != null) {
            return new Resolution(e.producer, null, type, e.name, this);
        }
        if (e != null && e.weight != null) {
            return new Resolution(null, e.weight, type, e.name, this);
        }
        String outerName = aliases.get(name);
        if (outerName == null && (isolated || parent == null)) {
            return new Resolution(null, null, type, e == null ? name : e.name, this);
        }
        Resolution outer = parent.resolve(outerName != null ? outerName : name);
        return type != null && outer.declared() == null
                ? new Resolution(outer.producer(), outer.weight(), type, outer.name(), outer.owner())
                : outer;
    }

    /** The entry of {@code name} in this scope, made if need be (see {@link Entry}). */
    Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            e = new Entry(name);
            entries.put(name, e);
        }
        return e;
    }
}
