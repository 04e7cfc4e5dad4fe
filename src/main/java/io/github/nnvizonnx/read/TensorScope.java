package io.github.nnvizonnx.read;

import io.github.nnvizonnx.internal.IntList;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The tensor names visible in one graph: who produces each name, which names are weights, and what type the file
 * declares for them. Control-flow bodies see their enclosing graphs (ONNX's lexical scoping); a function body sees
 * only its formal inputs, which are aliases of the caller's actual tensors.
 *
 * <p>Each name gets a number, in the order first met, and what is known of it lies in arrays indexed by that number:
 * a million-tensor graph then needs no object per name beyond the name itself, and the importer keeps numbers rather
 * than looking names up twice.
 */
final class TensorScope {
    /** A weight tensor and the nodes that read it (their draft indices). */
    static final class Weight {
        final String name;
        final String elementType;
        final java.util.List<Long> dims;
        /** Most weights have one reader: it is kept alone (-1: none yet), and an array is made only for more. */
        private int firstConsumer = -1;
        private IntList moreConsumers;

        Weight(String name, String elementType, java.util.List<Long> dims) {
            this.name = name;
            this.elementType = elementType;
            this.dims = dims;
        }

        void addConsumer(int consumer) {
            if (firstConsumer < 0) {
                firstConsumer = consumer;
                return;
            }
            if (moreConsumers == null) {
                moreConsumers = new IntList(2);
            }
            moreConsumers.add(consumer);
        }

        int consumerCount() {
            return firstConsumer < 0 ? 0 : 1 + (moreConsumers == null ? 0 : moreConsumers.size());
        }

        /** Reader {@code k}, in the order they were added. */
        int consumer(int k) {
            return k == 0 ? firstConsumer : moreConsumers.get(k - 1);
        }
    }

    /**
     * What a name resolves to: a producing node (its draft index, -1: none) or a weight, the declared type found on
     * the way, and where the
     * tensor really lives: the scope that defines it ({@code owner}, the scope looked in when nothing defines it)
     * and its name there ({@code name}: a function's formal input resolves to the caller's actual tensor).
     */
    record Resolution(int producer, Weight weight, TensorInfo declared, String name, TensorScope owner) {
        /** The tensor as an edge carries it: named as in its defining scope, with the declared type if any. */
        TensorInfo tensor() {
            return declared == null ? TensorInfo.named(name) : new TensorInfo(name, declared.elementType(),
                    declared.shape());
        }
    }

    private static final int MIN_CAPACITY = 16;
    private static final int RECENT = 1024;

    private final TensorScope parent;
    private final boolean isolated;
    private final Map<String, String> aliases = new HashMap<>();

    /** Open addressing: each slot holds a name's hash (high half) and its number + 1 (low half; 0: empty). */
    private long[] slots;
    private int size;
    private int lastProduced = -1;
    /**
     * Names produced lately, by hash (number + 1; 0: none): a node mostly reads what the nodes just before it wrote,
     * and these are found without a probe of the large table.
     */
    private final int[] recent;
    private String[] names;
    /** The draft index of each name's producer, plus one (0: none). */
    private int[] producers;
    private Weight[] weights;
    private boolean[] declared;
    private String[] declaredTypes;
    private Shape[] declaredShapes;
    /** What {@link #localTensor} made of each name, shared by every edge that carries it. */
    private TensorInfo[] tensors;
    /** The values of small int64 constants, by name number; null until one is recorded. */
    private long[][] integers;

    private TensorScope(TensorScope parent, boolean isolated, int expectedNames) {
        this.parent = parent;
        this.isolated = isolated;
        int capacity = Math.max(MIN_CAPACITY, expectedNames);
        slots = new long[Integer.highestOneBit(capacity - 1) << 2]; // at most half full
        recent = new int[Math.min(RECENT, slots.length)]; // a small body's scope needs no larger one
        names = new String[capacity];
        producers = new int[capacity];
        weights = new Weight[capacity];
        declared = new boolean[capacity];
        declaredTypes = new String[capacity];
        declaredShapes = new Shape[capacity];
        tensors = new TensorInfo[capacity];
    }

    /** The main graph's scope, sized for about {@code expectedNames} names (growing a huge table costs copying). */
    static TensorScope main(int expectedNames) {
        return new TensorScope(null, false, expectedNames);
    }

    /** The scope around this one, or null for the main graph's. */
    TensorScope parent() {
        return parent;
    }

    /** Whether this is a function body's scope ({@link #function}). */
    boolean isFunctionBody() {
        return isolated;
    }

    /** A control-flow body: outer names stay visible. */
    TensorScope nested() {
        return new TensorScope(this, false, 0);
    }

    /** A function body: only the formal inputs, bound to the caller's tensors, come from outside. */
    TensorScope function(Map<String, String> formalToActual) {
        TensorScope s = new TensorScope(this, true, 0);
        s.aliases.putAll(formalToActual);
        return s;
    }

    void declare(String name, String elementType, Shape shape) {
        if (!name.isEmpty()) {
            declare(id(name), elementType, shape);
        }
    }

    /** Declares a type unless this scope already declares one: value_info wins over what an operator implies. */
    void declareIfAbsent(TensorInfo tensor) {
        if (!tensor.name().isEmpty()) {
            int id = id(tensor.name());
            if (!declared[id] || declaredTypes[id] == null && declaredShapes[id] == null) {
                declare(id, tensor.elementType(), tensor.shape());
            }
        }
    }

    /**
     * A later declaration adds to an earlier one without erasing what it said: a graph output that repeats an input
     * without its shape leaves the input's shape in place.
     */
    private void declare(int id, String elementType, Shape shape) {
        if (declared[id]) {
            elementType = elementType != null ? elementType : declaredTypes[id];
            shape = shape != null ? shape : declaredShapes[id];
        }
        declared[id] = true;
        declaredTypes[id] = elementType;
        declaredShapes[id] = shape;
    }

    /** {@code node}: the producer's draft index. */
    void produce(String name, int node) {
        if (name.isEmpty()) {
            return;
        }
        // Exporters list value_info in the order of the nodes that produce them, so the name after the one produced
        // last is a good first guess: a hit costs no hashing and no probe of the table.
        int guess = lastProduced + 1;
        int id = guess < size && names[guess].equals(name) ? guess : id(name); // first: id() may grow the arrays
        producers[id] = node + 1;
        lastProduced = id;
        recent[hash(names[id]) & (recent.length - 1)] = id + 1; // a string computes its hash once and keeps it
    }

    void addWeight(Weight weight) {
        int id = id(weight.name);
        weights[id] = weight;
    }

    /** The name numbered {@code id}: the one string this scope keeps for it. */
    String name(int id) {
        return names[id];
    }

    boolean isWeight(String name) {
        int id = find(name);
        return id >= 0 && weights[id] != null;
    }

    /** Whether name {@code id} is a weight of this very scope. */
    boolean isLocalWeight(int id) {
        return weights[id] != null;
    }

    /** Records the values of name {@code id}, a small int64 constant. */
    void setIntegers(int id, long[] values) {
        if (integers == null) {
            integers = new long[names.length][];
        }
        integers[id] = values;
    }

    /** The values {@link #setIntegers} recorded for name {@code id}, or null. */
    long[] integers(int id) {
        return integers == null ? null : integers[id];
    }

    Resolution resolve(String name) {
        int id = find(name);
        return id >= 0 ? resolve(id) : resolveOutside(name, null);
    }

    /** {@link #resolve(String)} of a name numbered by this scope. */
    Resolution resolve(int id) {
        TensorInfo type = declaredInfo(id);
        if (producers[id] != 0) {
            return new Resolution(producers[id] - 1, null, type, names[id], this);
        }
        if (weights[id] != null) {
            return new Resolution(-1, weights[id], type, names[id], this);
        }
        return resolveOutside(names[id], type);
    }

    /** A name this scope does not define, typed {@code type} here (or null). */
    private Resolution resolveOutside(String name, TensorInfo type) {
        String outerName = aliases.get(name);
        if (outerName == null && (isolated || parent == null)) {
            return new Resolution(-1, null, type, name, this);
        }
        Resolution outer = parent.resolve(outerName != null ? outerName : name);
        return type != null && outer.declared() == null
                ? new Resolution(outer.producer(), outer.weight(), type, outer.name(), outer.owner())
                : outer;
    }

    /** The weight named {@code id} in this very scope, or null. */
    Weight localWeight(int id) {
        return producers[id] == 0 ? weights[id] : null; // a producer hides a weight, as in resolve()
    }

    /**
     * The draft index of the node producing name {@code id} in this very scope, or -1 (then {@link #resolve(int)}
     * looks further).
     */
    int localProducer(int id) {
        return producers[id] - 1;
    }

    /**
     * Name {@code id} as an edge from its local producer carries it ({@link Resolution#tensor()}), made once and
     * shared. For use once every declaration is made.
     */
    TensorInfo localTensor(int id) {
        TensorInfo tensor = tensors[id];
        if (tensor == null) {
            tensor = declared[id] ? declaredInfo(id) : TensorInfo.named(names[id]);
            tensors[id] = tensor;
        }
        return tensor;
    }

    private TensorInfo declaredInfo(int id) {
        return declared[id] ? new TensorInfo(names[id], declaredTypes[id], declaredShapes[id]) : null;
    }

    /** The number of {@code name} in this scope, given on first use. */
    int id(String name) {
        int hash = hash(name);
        int lately = recent[hash & (recent.length - 1)] - 1;
        if (lately >= 0 && names[lately].equals(name)) {
            return lately;
        }
        int slot = slotOf(name, hash);
        return slots[slot] == 0 ? add(name, hash, slot) : (int) slots[slot] - 1;
    }

    /** The number of {@code name}, or -1 when this scope has not met it. */
    private int find(String name) {
        return (int) slots[slotOf(name, hash(name))] - 1; // an empty slot is 0
    }

    /** The slot holding {@code name}, or the empty slot where it would go. */
    private int slotOf(String name, int hash) {
        int mask = slots.length - 1;
        int i = hash & mask;
        for (long slot; (slot = slots[i]) != 0; i = (i + 1) & mask) {
            if ((int) (slot >>> 32) == hash && names[(int) slot - 1].equals(name)) {
                break;
            }
        }
        return i;
    }

    private int add(String name, int hash, int slot) {
        int id = size++;
        if (id == names.length) {
            grow();
        }
        names[id] = name;
        slots[slot] = (long) hash << 32 | (id + 1);
        if (2 * size > slots.length) {
            rehash();
        }
        return id;
    }

    private void grow() {
        int capacity = names.length * 2;
        names = Arrays.copyOf(names, capacity);
        producers = Arrays.copyOf(producers, capacity);
        weights = Arrays.copyOf(weights, capacity);
        declared = Arrays.copyOf(declared, capacity);
        declaredTypes = Arrays.copyOf(declaredTypes, capacity);
        declaredShapes = Arrays.copyOf(declaredShapes, capacity);
        tensors = Arrays.copyOf(tensors, capacity);
        integers = integers == null ? null : Arrays.copyOf(integers, capacity);
    }

    private void rehash() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long slot : old) {
            if (slot != 0) {
                int i = (int) (slot >>> 32) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = slot;
            }
        }
    }

    /** String's hash, spread so that names differing only at the end do not crowd neighbouring slots. */
    private static int hash(String name) {
        int h = name.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
