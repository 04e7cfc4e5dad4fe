package io.github.nnvizonnx.read;

import io.github.nnvizonnx.internal.Adjacency;
import io.github.nnvizonnx.internal.IntList;
import io.github.nnvizonnx.model.AttributeSummary;
import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.QuantizedOperations;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes and edges of a model while it is imported, by index (a node's id is {@code n} and its index), and the
 * passes that run over them before the graph is built: placing constants with their consumers and choosing the
 * drawing order. Edges are kept as arrays of indices, so a million-node graph needs no map per node.
 */
final class GraphDraft {
    /** Input and output nodes as made; null at an operation's index (operations are made by {@link #node}). */
    private Node[] made;
    /** An operation's parts, by index; the module path of every node (null while an operation's is not known). */
    private String[] names;
    private String[] opTypes;
    private String[] domains;
    private List<AttributeSummary>[] attributes;
    private ModulePath[] scopes;
    private long[] parameterCounts;
    private int size;
    private final BitSet plainOperations = new BitSet();
    private final BitSet movedConstants = new BitSet();
    /** Operations whose names carry no scope in a convention that reads scopes ({@link UnscopedPlacement}). */
    private final BitSet unscoped = new BitSet();
    private final List<TensorInfo> tensors = new ArrayList<>();
    /** Edges whose tensor belongs to the main graph (not to a function or control-flow body). */
    private final BitSet topLevel = new BitSet();
    private final IntList sources = new IntList(1024);
    private final IntList targets = new IntList(1024);
    /** Work space of {@link #placeAfterProducers}, empty between calls. */
    private final IntList stack = new IntList();
    /** Not a BitSet: clearing its highest bit rescans all its words, which made this quadratic. */
    private boolean[] onStack = new boolean[0];

    /** {@code expectedNodes}: about how many nodes will be added (growing the arrays of a huge graph costs copying). */
    @SuppressWarnings("unchecked")
    GraphDraft(int expectedNodes) {
        int capacity = Math.max(16, expectedNodes);
        made = new Node[capacity];
        names = new String[capacity];
        opTypes = new String[capacity];
        domains = new String[capacity];
        attributes = new List[capacity];
        scopes = new ModulePath[capacity];
        parameterCounts = new long[capacity];
    }

    /** The id the next node added must have. */
    String nextId() {
        return idOf(size);
    }

    private static String idOf(int index) {
        return "n" + index;
    }

    /** Adds an input or output node; returns its index. */
    int add(Node node) {
        if (!node.id().equals(nextId())) {
            throw new IllegalStateException("node " + node.id() + " added as " + nextId());
        }
        int index = next();
        made[index] = node;
        scopes[index] = node.scope();
        return index;
    }

    /** Puts {@code node} (an input or output node with the same id) in place of the one at {@code index}. */
    void replace(int index, Node node) {
        if (made[index] == null || !made[index].id().equals(node.id())) {
            throw new IllegalStateException("node " + node.id() + " cannot replace " + index);
        }
        made[index] = node;
        scopes[index] = node.scope();
    }

    /**
     * Adds an operation, made into a node only when the graph is built, with its final module and parameter count.
     * {@code scope}: null when not known yet ({@link #setScope} gives it later). {@code plainOperation}: without
     * bodies, a candidate for being constant-like. Returns its index.
     */
    int addOperation(String name, String opType, String domain, List<AttributeSummary> attributeSummaries,
                     ModulePath scope, boolean plainOperation) {
        int index = next();
        names[index] = name;
        opTypes[index] = opType;
        domains[index] = domain;
        attributes[index] = attributeSummaries;
        scopes[index] = scope;
        if (plainOperation) {
            plainOperations.set(index);
        }
        return index;
    }

    private int next() {
        if (size == names.length) {
            int capacity = size * 2;
            made = Arrays.copyOf(made, capacity);
            names = Arrays.copyOf(names, capacity);
            opTypes = Arrays.copyOf(opTypes, capacity);
            domains = Arrays.copyOf(domains, capacity);
            attributes = Arrays.copyOf(attributes, capacity);
            scopes = Arrays.copyOf(scopes, capacity);
            parameterCounts = Arrays.copyOf(parameterCounts, capacity);
        }
        return size++;
    }

    int size() {
        return size;
    }

    boolean isOperation(int index) {
        return made[index] == null;
    }

    ModulePath scope(int index) {
        return scopes[index];
    }

    void setScope(int index, ModulePath scope) {
        scopes[index] = scope;
    }

    /** Whether the node is an operation with bodies (If, Loop, Scan): its module is the region holding them. */
    boolean holdsBodies(int index) {
        return made[index] == null && !plainOperations.get(index);
    }

    /**
     * Moves every node whose module lies in one of {@code moves}' keys (a region of bodies) to the same place under
     * the key's value.
     */
    void moveRegions(Map<ModulePath, ModulePath> moves) {
        Map<ModulePath, ModulePath> moved = new IdentityHashMap<>(); // nodes of one module share its path object
        for (int i = 0; i < size; i++) {
            ModulePath scope = scopes[i];
            if (scope == null) {
                continue;
            }
            ModulePath target = moved.computeIfAbsent(scope, s -> movedPath(s, moves));
            if (target != scope) {
                scopes[i] = target;
                if (made[i] != null) {
                    made[i] = made[i].withScope(target);
                }
            }
        }
    }

    /** {@code path} under the moved region that holds it, or {@code path} itself. */
    static ModulePath movedPath(ModulePath path, Map<ModulePath, ModulePath> moves) {
        for (ModulePath p = path; !p.isRoot(); p = p.parent()) {
            ModulePath to = moves.get(p);
            if (to != null) {
                return to.append(path.relativeTo(p));
            }
        }
        return path;
    }

    /** Marks an operation whose name carries no scope, placed later by {@link UnscopedPlacement}. */
    void markUnscoped(int index) {
        unscoped.set(index);
    }

    /** The operations {@linkplain #markUnscoped marked} as carrying no scope (not to be changed). */
    BitSet unscopedOperations() {
        return unscoped;
    }

    /** Counts weights that only this operation reads. */
    void addParameters(int index, long count) {
        parameterCounts[index] = DisplayText.saturatingAdd(parameterCounts[index], count);
    }

    /** The node at {@code index} as it stands: an operation is made anew at each call. */
    Node node(int index) {
        if (made[index] != null) {
            return made[index];
        }
        return new OperationNode(idOf(index), names[index], opTypes[index], domains[index], attributes[index],
                scopes[index], parameterCounts[index]);
    }

    void addEdge(int from, int to, TensorInfo tensor, boolean mainGraphTensor) {
        int edge = tensors.size();
        sources.add(from);
        targets.add(to);
        tensors.add(tensor);
        topLevel.set(edge, mainGraphTensor);
    }

    /** Makes {@code edge} start at another node, its tensor kept. */
    void setEdgeSource(int edge, int from) {
        sources.set(edge, from);
    }

    int edgeCount() {
        return tensors.size();
    }

    /** The index of an edge's source node. */
    int edgeSource(int edge) {
        return sources.get(edge);
    }

    int edgeTarget(int edge) {
        return targets.get(edge);
    }

    TensorInfo edgeTensor(int edge) {
        return tensors.get(edge);
    }

    boolean edgeTopLevel(int edge) {
        return topLevel.get(edge);
    }

    /**
     * Constant-like operations compute from weights and other constants only (Constant, an Identity or Cast of a
     * weight, a DequantizeLinear of weights). Each moves to the deepest module containing all its consumers;
     * consumers are placed before their producers so that chains (Constant, then Cast, then Conv) move together.
     */
    void placeConstantsWithConsumers() {
        Adjacency consumers = consumers();
        int[] order = constantLikeInDiscoveryOrder(consumers);
        for (int i = order.length - 1; i >= 0; i--) {
            int id = order[i];
            ModulePath common = commonScopeOfConsumers(id, consumers, false);
            if (common != null) {
                scopes[id] = common;
                movedConstants.set(id);
            }
        }
    }

    /**
     * (Dynamic)QuantizeLinear and DequantizeLinear belong to the operation they feed, as a float model's layer reads
     * its input itself: onnxruntime's quantizer names a DynamicQuantizeLinear after the tensor it quantizes
     * ({@code /encoder/layer.0/output/LayerNorm/Add_1_output_0_QuantizeLinear}), which puts it in the producer's
     * module, outside the layer that reads it. Each moves to the deepest module holding all the operations it feeds,
     * the last in the file first, so that a QuantizeLinear → DequantizeLinear pair moves together. Runs before
     * {@link #placeConstantsWithConsumers}: a Constant scale then follows its quantizer.
     */
    void placeQuantizersWithConsumers() {
        Adjacency consumers = null;
        for (int id = size - 1; id >= 0; id--) {
            if (made[id] != null || !QuantizedOperations.isQuantizer(opTypes[id])) {
                continue;
            }
            consumers = consumers != null ? consumers : consumers();
            ModulePath common = commonScopeOfConsumers(id, consumers, true);
            if (common != null) {
                scopes[id] = common;
            }
        }
    }

    private Adjacency consumers() {
        return Adjacency.valuesBy(size, sources.toArray(), targets.toArray(), tensors.size(), null);
    }

    /** The deepest module holding every consumer of {@code id} (its operations only, if asked); null for none. */
    private ModulePath commonScopeOfConsumers(int id, Adjacency consumers, boolean operationsOnly) {
        ModulePath common = null;
        for (int k = consumers.start(id); k < consumers.end(id); k++) {
            int consumer = consumers.item(k);
            ModulePath s = scopes[consumer];
            if (s == null || operationsOnly && made[consumer] != null) {
                continue;
            }
            common = common == null ? s : common.commonAncestor(s);
        }
        return common;
    }

    /** Plain operations whose inputs all come from plain operations, sources first (Kahn's order). */
    private int[] constantLikeInDiscoveryOrder(Adjacency consumers) {
        int[] unresolvedInputs = new int[size];
        for (int e = 0; e < tensors.size(); e++) {
            unresolvedInputs[targets.get(e)]++;
        }
        int[] order = new int[plainOperations.cardinality()];
        int queued = 0;
        for (int id = plainOperations.nextSetBit(0); id >= 0; id = plainOperations.nextSetBit(id + 1)) {
            if (unresolvedInputs[id] == 0) {
                order[queued++] = id;
            }
        }
        for (int next = 0; next < queued; next++) {
            int id = order[next];
            for (int k = consumers.start(id); k < consumers.end(id); k++) {
                int consumer = consumers.item(k);
                if (plainOperations.get(consumer) && --unresolvedInputs[consumer] == 0) {
                    order[queued++] = consumer;
                }
            }
        }
        return Arrays.copyOf(order, queued);
    }

    /**
     * The indices of the nodes in drawing order: the file's node order, except that constant-like nodes come just
     * before their first consumer: layouts follow
     * declaration order, and a weight's Identity listed at the top of the file would otherwise drag its module there.
     */
    int[] drawingOrder() {
        Adjacency movedProducers = Adjacency.valuesBy(size, targets.toArray(), sources.toArray(), tensors.size(), movedConstants);
        BitSet hasConsumers = new BitSet(size);
        for (int e = 0; e < tensors.size(); e++) {
            if (movedConstants.get(sources.get(e))) {
                hasConsumers.set(sources.get(e));
            }
        }
        Order order = new Order(size);
        BitSet placed = new BitSet(size);
        onStack = new boolean[size];
        for (int id = 0; id < size; id++) {
            if (!hasConsumers.get(id)) {
                placeAfterProducers(id, movedProducers, placed, order);
            }
        }
        for (int id = 0; id < size; id++) {
            placeAfterProducers(id, movedProducers, placed, order); // constants in cycles, if any
        }
        return order.indices;
    }

    /** Node indices in the order placed. */
    private static final class Order {
        final int[] indices;
        int size;

        Order(int capacity) {
            indices = new int[capacity];
        }
    }

    private void placeAfterProducers(int id, Adjacency producers, BitSet placed, Order order) {
        stack.add(id);
        onStack[id] = true;
        while (!stack.isEmpty()) {
            int current = stack.last();
            if (placed.get(current)) {
                onStack[stack.removeLast()] = false;
                continue;
            }
            int next = -1;
            for (int k = producers.start(current); k < producers.end(current); k++) {
                int p = producers.item(k);
                if (!placed.get(p) && !onStack[p]) {
                    next = p;
                    break;
                }
            }
            if (next >= 0) {
                stack.add(next);
                onStack[next] = true;
            } else {
                onStack[stack.removeLast()] = false;
                placed.set(current);
                order.indices[order.size++] = current;
            }
        }
    }
}
