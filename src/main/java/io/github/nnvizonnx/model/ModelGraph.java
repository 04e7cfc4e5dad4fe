package io.github.nnvizonnx.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jgrapht.Graph;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;
import org.jgrapht.graph.MaskSubgraph;

/**
 * A neural network as a diagram sees it: a directed multigraph of nodes joined by tensor edges, the module tree the
 * nodes' scopes refer to, and the weights described without their values. Immutable once built; transforms make new
 * ones through {@link Builder}.
 */
public final class ModelGraph {
    private final ModelInfo info;
    private final Graph<Node, TensorEdge> graph;
    private final ModuleTree modules;
    private final List<Parameter> parameters;

    private ModelGraph(ModelInfo info, Graph<Node, TensorEdge> graph, ModuleTree modules, List<Parameter> parameters) {
        this.info = info;
        this.graph = new AsUnmodifiableGraph<>(graph);
        this.modules = modules;
        this.parameters = List.copyOf(parameters);
    }

    public ModelInfo info() {
        return info;
    }

    /** The graph, read-only. Vertex and edge iteration follow insertion order (roughly the file's node order). */
    public Graph<Node, TensorEdge> graph() {
        return graph;
    }

    public ModuleTree modules() {
        return modules;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public long totalParameters() {
        long sum = 0;
        for (Parameter p : parameters) {
            sum = DisplayText.saturatingAdd(sum, p.count());
        }
        return sum;
    }

    public Collection<Node> nodes() {
        return graph.vertexSet();
    }

    public <T extends Node> List<T> nodes(Class<T> type) {
        List<T> result = new ArrayList<>();
        for (Node n : graph.vertexSet()) {
            if (type.isInstance(n)) {
                result.add(type.cast(n));
            }
        }
        return result;
    }

    public List<Node> nodesWhere(Predicate<Node> predicate) {
        return graph.vertexSet().stream().filter(predicate).toList();
    }

    /**
     * This model without some of its nodes and their edges, as a view of this one: nothing is copied, which for a
     * large graph saves building a second graph of nearly the same size. {@code hidden} holds nodes of this model,
     * the very instances of its graph: the view tests every node it shows against them by identity, which needs no
     * visit to the node's id (a million-node view tests several million times).
     */
    public ModelGraph without(Set<Node> hidden) {
        Set<Node> mask = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(hidden.size()));
        mask.addAll(hidden);
        return new ModelGraph(info, new MaskSubgraph<>(graph, mask::contains, e -> false), modules, parameters);
    }

    public Builder toBuilder() {
        Builder b = new Builder(info);
        graph.vertexSet().forEach(b::addNode);
        for (TensorEdge e : graph.edgeSet()) {
            b.addEdge(graph.getEdgeSource(e), graph.getEdgeTarget(e), e.tensor(), e.isTopLevel());
        }
        b.modules(modules.all());
        b.parameters(parameters);
        return b;
    }

    /**
     * A directed multigraph with loops, like JGraphT's DirectedPseudograph, but without its index from (source,
     * target) pairs to edges: nothing here looks edges up by their ends, and the index costs a map entry, a pair and
     * a set per edge (a third of the memory of a large graph, and the hashing of every addEdge).
     */
    private static final class LeanPseudograph extends AbstractBaseGraph<Node, TensorEdge> {
        private static final long serialVersionUID = 1L;

        LeanPseudograph() {
            super(null, null, DefaultGraphType.directedPseudograph(), new DefaultGraphSpecificsStrategy<>());
        }
    }

    /** Collects nodes, edges, modules and parameters, then freezes them into a {@link ModelGraph}. */
    public static final class Builder {
        private ModelInfo info;
        private final Graph<Node, TensorEdge> graph = new LeanPseudograph();
        private Collection<Module> modules = List.of();
        private List<Parameter> parameters = List.of();

        public Builder(ModelInfo info) {
            this.info = info;
        }

        public Builder info(ModelInfo newInfo) {
            this.info = newInfo;
            return this;
        }

        public Builder addNode(Node node) {
            if (!graph.addVertex(node)) {
                throw new IllegalStateException("duplicate node id " + node.id());
            }
            return this;
        }

        public boolean containsNode(Node node) {
            return graph.containsVertex(node);
        }

        public Builder addEdge(Node from, Node to, TensorInfo tensor) {
            return addEdge(from, to, tensor, false);
        }

        /** An edge; {@code topLevel} as in {@link TensorEdge#isTopLevel()}. */
        public Builder addEdge(Node from, Node to, TensorInfo tensor, boolean topLevel) {
            graph.addEdge(from, to, new TensorEdge(tensor, topLevel));
            return this;
        }

        public Builder modules(Collection<Module> newModules) {
            this.modules = List.copyOf(newModules);
            return this;
        }

        public Builder parameters(List<Parameter> newParameters) {
            this.parameters = List.copyOf(newParameters);
            return this;
        }

        public ModelGraph build() {
            return new ModelGraph(info, graph, new ModuleTree(modules), parameters);
        }
    }
}
