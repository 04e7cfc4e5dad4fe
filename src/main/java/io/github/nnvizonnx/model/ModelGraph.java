package io.github.nnvizonnx.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jgrapht.Graph;

/**
 * A neural network as a diagram sees it: a directed multigraph of nodes joined by tensor edges, the module tree the
 * nodes' scopes refer to, and the weights described without their values. Immutable once built; transforms make new
 * ones through {@link Builder}.
 *
 * <p>The node-number methods ({@link #numberOf}, {@link #nodeAt}, {@link #sourceNumberOf}, {@link #targetNumberOf},
 * {@link #outgoingEdgesOf(int)}, {@link #incomingEdgesOf(int)}, {@link #nodeNumbers}, {@link #withoutNumbers}) are
 * for graph passes over large models (the transforms), which keep per-node state in arrays; code that only reads a
 * model needs {@link #nodes()} and {@link #graph()}.
 */
public final class ModelGraph {
    private final ModelInfo info;
    private final CompactGraph graph;
    private final ModuleTree modules;
    private final List<Parameter> parameters;
    /**
     * By node number ({@link #numberOf}): what the file fixes of the inputs of top-level operations (see
     * {@link FixedInputs}); null entries, and an array that may end before the last number, mean none.
     */
    private final FixedInputs[] fixedInputs;

    private ModelGraph(ModelInfo info, CompactGraph graph, ModuleTree modules, List<Parameter> parameters,
                       FixedInputs[] fixedInputs) {
        this.info = info;
        this.graph = graph;
        this.modules = modules;
        this.parameters = List.copyOf(parameters);
        this.fixedInputs = fixedInputs;
    }

    /** Where the model came from and what the file says about it. */
    public ModelInfo info() {
        return info;
    }

    /** The graph, read-only. Vertex and edge iteration follow insertion order (roughly the file's node order). */
    public Graph<Node, TensorEdge> graph() {
        return graph;
    }

    /** The module tree the nodes' scopes refer to. */
    public ModuleTree modules() {
        return modules;
    }

    /** The weights, described without their values. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** What the file fixes of {@code op}'s inputs, or null when it reads edges alone (or is not top-level). */
    public FixedInputs fixedInputs(Node op) {
        int number = graph.numberOf(op);
        return number >= 0 && number < fixedInputs.length ? fixedInputs[number] : null;
    }

    /** The number of weight values in the model. */
    public long totalParameters() {
        long sum = 0;
        for (Parameter p : parameters) {
            sum = DisplayText.saturatingAdd(sum, p.count());
        }
        return sum;
    }

    /**
     * How many operations the model holds once every call of a local function is expanded, as onnxruntime loads it:
     * the operation nodes, or more when the reader left calls unexpanded (past its expansion cap, with
     * {@code --hierarchy flat}, or recursive ones). Saturates at {@link Long#MAX_VALUE}.
     */
    public long expandedOperationCount() {
        long operations = 0;
        for (Node n : graph.vertexSet()) {
            if (n instanceof OperationNode) {
                operations++;
            }
        }
        return Math.max(operations, info.expandedOperations());
    }

    /** Every node: operations, inputs, outputs and collapsed modules. */
    public Collection<Node> nodes() {
        return graph.vertexSet();
    }

    /** The nodes of one kind, e.g. {@code nodes(OperationNode.class)}. */
    public <T extends Node> List<T> nodes(Class<T> type) {
        List<T> result = new ArrayList<>();
        for (Node n : graph.vertexSet()) {
            if (type.isInstance(n)) {
                result.add(type.cast(n));
            }
        }
        return result;
    }

    /** The nodes {@code predicate} accepts. */
    public List<Node> nodesWhere(Predicate<Node> predicate) {
        return graph.vertexSet().stream().filter(predicate).toList();
    }

    /**
     * This model without some of its nodes and their edges, as a view of this one: nothing is copied, which for a
     * large graph saves building a second graph of nearly the same size. Nodes not in this model are ignored.
     */
    public ModelGraph without(Set<Node> hidden) {
        BitSet numbers = new BitSet(graph.nodeCount());
        for (Node n : hidden) {
            int number = graph.numberOf(n);
            if (number >= 0) {
                numbers.set(number);
            }
        }
        return withoutNumbers(numbers);
    }

    /** {@link #without(Set)} of the nodes numbered in {@code hiddenNumbers} ({@link #numberOf}). */
    public ModelGraph withoutNumbers(BitSet hiddenNumbers) {
        return new ModelGraph(info, graph.without(hiddenNumbers), modules, parameters, fixedInputs);
    }

    /**
     * A number for each node, from 0 to below {@link #nodeNumbers()}, fixed for the life of this model: algorithms
     * over a large graph keep per-node state in arrays by it rather than in maps. -1 for a node not in the model. A
     * view without some nodes keeps the numbers of the model it was made from, so some numbers go unused.
     */
    public int numberOf(Node node) {
        return graph.numberOf(node);
    }

    /** The node numbered {@code number} ({@link #numberOf}), or null when none is (a view hides it). */
    public Node nodeAt(int number) {
        return graph.nodeAt(number);
    }

    /** {@link #numberOf} the source of {@code edge}, without looking the node up. */
    public int sourceNumberOf(TensorEdge edge) {
        return graph.sourceNumber(edge);
    }

    /** {@link #numberOf} the target of {@code edge}, without looking the node up. */
    public int targetNumberOf(TensorEdge edge) {
        return graph.targetNumber(edge);
    }

    /** The outgoing edges of the node numbered {@code number} ({@link #numberOf}), without looking the node up. */
    public Set<TensorEdge> outgoingEdgesOf(int number) {
        return graph.outgoingEdgesOf(number);
    }

    /** The incoming edges of the node numbered {@code number} ({@link #numberOf}), without looking the node up. */
    public Set<TensorEdge> incomingEdgesOf(int number) {
        return graph.incomingEdgesOf(number);
    }

    /** One more than the largest node number. */
    public int nodeNumbers() {
        return graph.nodeCount();
    }

    /** A builder holding this model's parts, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = toBuilderWithoutEdges();
        for (TensorEdge e : graph.edgeSet()) {
            b.addEdge(graph.getEdgeSource(e), graph.getEdgeTarget(e), e.tensor(), e.isTopLevel());
        }
        return b;
    }

    /** A builder holding this model's parts but no edges, for a copy whose edges change. */
    public Builder toBuilderWithoutEdges() {
        Builder b = new Builder(info, graph.nodeCount(), graph.edgeSet().size());
        int number = 0;
        for (Node n : graph.vertexSet()) {
            b.addNode(n);
            b.fixedInputs(number++, fixedInputs(n));
        }
        b.modules(modules.all());
        b.parameters(parameters);
        return b;
    }

    /** Collects nodes, edges, modules and parameters, then freezes them into a {@link ModelGraph}. */
    public static final class Builder {
        private ModelInfo info;
        private final CompactGraphDraft graph;
        private Collection<Module> modules = List.of();
        private List<Parameter> parameters = List.of();
        private FixedInputs[] fixedInputs = new FixedInputs[0];

        /** An empty model with {@code info}. */
        public Builder(ModelInfo info) {
            this(info, 16, 16);
        }

        /** A builder with room for about this many nodes and edges: a large graph then grows no table. */
        public Builder(ModelInfo info, int expectedNodes, int expectedEdges) {
            this.info = info;
            this.graph = new CompactGraphDraft(expectedNodes, expectedEdges);
        }

        /** Replaces the model info. */
        public Builder info(ModelInfo newInfo) {
            this.info = newInfo;
            return this;
        }

        /** Adds a node; a node already added is an error. */
        public Builder addNode(Node node) {
            if (!graph.addNode(node)) {
                throw new IllegalStateException("duplicate node id " + node.id());
            }
            return this;
        }

        /**
         * Adds a node the caller knows to be new (a reader that numbers its nodes): it is not looked up now, so that a
         * graph only ever walked by number never builds its node table. A node equal to one added earlier is refused
         * (with an {@link IllegalStateException}) when the graph is first searched for a node.
         */
        public Builder addNewNode(Node node) {
            graph.appendNode(node);
            return this;
        }

        /** Whether {@code node} was added. */
        public boolean containsNode(Node node) {
            return graph.containsNode(node);
        }

        /** Adds a tensor from {@code from} to {@code to}, in the top-level graph. */
        public Builder addEdge(Node from, Node to, TensorInfo tensor) {
            return addEdge(from, to, tensor, false);
        }

        /** An edge; {@code topLevel} as in {@link TensorEdge#isTopLevel()}. */
        public Builder addEdge(Node from, Node to, TensorInfo tensor, boolean topLevel) {
            graph.addEdge(from, to, new TensorEdge(tensor, topLevel));
            return this;
        }

        /**
         * An edge between the {@code fromNumber}-th and the {@code toNumber}-th node added (from 0: the numbers that
         * {@link ModelGraph#numberOf} gives in the built model), without looking the nodes up.
         */
        public Builder addEdge(int fromNumber, int toNumber, TensorInfo tensor, boolean topLevel) {
            graph.addEdge(fromNumber, toNumber, new TensorEdge(tensor, topLevel));
            return this;
        }

        /** Replaces the modules. */
        public Builder modules(Collection<Module> newModules) {
            this.modules = List.copyOf(newModules);
            return this;
        }

        /** Replaces the weights. */
        public Builder parameters(List<Parameter> newParameters) {
            this.parameters = List.copyOf(newParameters);
            return this;
        }

        /** What the file fixes of the inputs of the {@code number}-th node added (from 0); null for nothing. */
        public Builder fixedInputs(int number, FixedInputs inputs) {
            if (inputs == null) {
                return this;
            }
            if (number >= fixedInputs.length) {
                fixedInputs = java.util.Arrays.copyOf(fixedInputs, Math.max(number + 1, 2 * fixedInputs.length));
            }
            fixedInputs[number] = inputs;
            return this;
        }

        /** The model, immutable from now on. */
        public ModelGraph build() {
            return new ModelGraph(info, graph.freeze(), new ModuleTree(modules), parameters, fixedInputs);
        }
    }
}
