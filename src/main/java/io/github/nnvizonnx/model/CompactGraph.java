package io.github.nnvizonnx.model;

import io.github.nnvizonnx.internal.Adjacency;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * The read-only directed multigraph (loops allowed) a {@link ModelGraph} holds, kept in arrays: nodes and edges in
 * the order they were added, each node's outgoing and incoming edges as ranges of one shared index array, and an
 * open-addressing table from node to its number. A million-node graph is a few dozen arrays rather than some ten
 * objects per node, which matters as much to the garbage collector as to memory. Each edge knows its ends and its
 * number ({@link TensorEdge} belongs to one graph), so asking an edge's ends is a field read.
 *
 * <p>Every set it returns is a view in insertion order, like JGraphT's own graphs, and every change throws.
 */
final class CompactGraph extends AbstractGraph<Node, TensorEdge> {
    private static final GraphType TYPE = DefaultGraphType.directedPseudograph().asUnmodifiable();

    /** The nodes by number, in {@code nodes[0 .. nodeCount)} (the node index's own array). */
    private final Node[] nodes;
    private final int nodeCount;
    private final TensorEdge[] edges;
    private final NodeIndex index;
    /** The numbers of each edge's ends. */
    private final int[] sources;
    private final int[] targets;
    /** The numbers of each node's outgoing edges, and of its incoming ones. */
    private final Adjacency outgoing;
    private final Adjacency incoming;
    /** The numbers of nodes this view leaves out (with their edges), or null: see {@link #without}. */
    private final BitSet hidden;
    private final Set<Node> vertexView;
    private final Set<TensorEdge> edgeView;

    /** The graph of {@code index}'s nodes and of {@code edges}, whose ends are numbered in {@code sources, targets}. */
    CompactGraph(NodeIndex index, TensorEdge[] edges, int[] sources, int[] targets) {
        this.nodes = index.nodes();
        this.nodeCount = index.size();
        this.index = index;
        this.edges = edges;
        this.sources = sources;
        this.targets = targets;
        this.outgoing = Adjacency.edgesBy(nodeCount, sources, sources.length);
        this.incoming = Adjacency.edgesBy(nodeCount, targets, targets.length);
        this.hidden = null;
        this.vertexView = new VertexView();
        this.edgeView = new EdgeView();
    }

    /** {@code base} without the nodes numbered in {@code hidden}: shares every array of {@code base}. */
    private CompactGraph(CompactGraph base, BitSet hidden) {
        this.nodes = base.nodes;
        this.nodeCount = base.nodeCount;
        this.index = base.index;
        this.edges = base.edges;
        this.sources = base.sources;
        this.targets = base.targets;
        this.outgoing = base.outgoing;
        this.incoming = base.incoming;
        this.hidden = hidden;
        this.vertexView = new VertexView();
        this.edgeView = new EdgeView();
    }

    /**
     * A view of this graph without some nodes and their edges: nothing is copied, and the view keeps this graph's
     * node numbers. {@code hiddenNumbers} holds numbers of this graph's nodes.
     */
    CompactGraph without(BitSet hiddenNumbers) {
        BitSet all = (BitSet) hiddenNumbers.clone();
        if (hidden != null) {
            all.or(hidden);
        }
        return new CompactGraph(this, all);
    }

    private boolean isHidden(int number) {
        return hidden != null && hidden.get(number);
    }

    private boolean edgeVisible(int edge) {
        return hidden == null || !hidden.get(sources[edge]) && !hidden.get(targets[edge]);
    }

    /** The number of {@code node} (its place in insertion order), or -1 when it is not in this graph. */
    int numberOf(Node node) {
        int number = node == null ? -1 : index.find(node);
        return number >= 0 && !isHidden(number) ? number : -1;
    }

    /** The node numbered {@code number}, or null when this view hides it. */
    Node nodeAt(int number) {
        return isHidden(java.util.Objects.checkIndex(number, nodeCount)) ? null : nodes[number];
    }

    /** The number of an edge's source (its target: {@link #targetNumber}). */
    int sourceNumber(TensorEdge e) {
        return sources[owned(e).index];
    }

    int targetNumber(TensorEdge e) {
        return targets[owned(e).index];
    }

    /** One more than the largest node number (hidden nodes keep theirs). */
    int nodeCount() {
        return nodeCount;
    }

    private boolean owns(TensorEdge e) {
        return e.index >= 0 && e.index < edges.length && edges[e.index] == e && edgeVisible(e.index);
    }

    private int indexOf(Node v) {
        int i = numberOf(v);
        if (i < 0) {
            throw new IllegalArgumentException("no such vertex in graph: " + v);
        }
        return i;
    }

    private TensorEdge owned(TensorEdge e) {
        if (e == null || !owns(e)) {
            throw new IllegalArgumentException("no such edge in graph: " + e);
        }
        return e;
    }

    /** The visible edges of {@code n}'s group in {@code grouped}. */
    private Set<TensorEdge> incident(Adjacency grouped, int n) {
        return new RangeView(grouped, grouped.start(visibleNumber(n)), grouped.end(n));
    }

    @Override
    public Set<Node> vertexSet() {
        return vertexView;
    }

    @Override
    public Set<TensorEdge> edgeSet() {
        return edgeView;
    }

    @Override
    public boolean containsVertex(Node v) {
        return numberOf(v) >= 0;
    }

    @Override
    public boolean containsEdge(TensorEdge e) {
        return e != null && owns(e);
    }

    @Override
    public Node getEdgeSource(TensorEdge e) {
        return owned(e).source;
    }

    @Override
    public Node getEdgeTarget(TensorEdge e) {
        return owned(e).target;
    }

    @Override
    public Set<TensorEdge> outgoingEdgesOf(Node v) {
        return outgoingEdgesOf(indexOf(v));
    }

    @Override
    public Set<TensorEdge> incomingEdgesOf(Node v) {
        return incomingEdgesOf(indexOf(v));
    }

    /** The outgoing edges of the node numbered {@code n} (visible in this view), without looking the node up. */
    Set<TensorEdge> outgoingEdgesOf(int n) {
        return incident(outgoing, n);
    }

    Set<TensorEdge> incomingEdgesOf(int n) {
        return incident(incoming, n);
    }

    private int visibleNumber(int n) {
        if (isHidden(java.util.Objects.checkIndex(n, nodeCount))) {
            throw new IllegalArgumentException("no such vertex in graph: number " + n);
        }
        return n;
    }

    @Override
    public int outDegreeOf(Node v) {
        return outgoingEdgesOf(v).size();
    }

    @Override
    public int inDegreeOf(Node v) {
        return incomingEdgesOf(v).size();
    }

    @Override
    public int degreeOf(Node v) {
        return inDegreeOf(v) + outDegreeOf(v); // a loop counts twice, as in JGraphT's directed graphs
    }

    /** Incoming, then outgoing edges; a loop once. */
    @Override
    public Set<TensorEdge> edgesOf(Node v) {
        Set<TensorEdge> all = new LinkedHashSet<>(incomingEdgesOf(v));
        all.addAll(outgoingEdgesOf(v));
        return java.util.Collections.unmodifiableSet(all);
    }

    @Override
    public Set<TensorEdge> getAllEdges(Node source, Node target) {
        if (!containsVertex(source) || !containsVertex(target)) {
            return null;
        }
        Set<TensorEdge> found = new LinkedHashSet<>();
        for (TensorEdge e : outgoingEdgesOf(source)) {
            if (e.target.equals(target)) {
                found.add(e);
            }
        }
        return java.util.Collections.unmodifiableSet(found);
    }

    @Override
    public TensorEdge getEdge(Node source, Node target) {
        if (!containsVertex(source) || !containsVertex(target)) {
            return null;
        }
        for (TensorEdge e : outgoingEdgesOf(source)) {
            if (e.target.equals(target)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public GraphType getType() {
        return TYPE;
    }

    @Override
    public double getEdgeWeight(TensorEdge e) {
        return DEFAULT_EDGE_WEIGHT;
    }

    @Override
    public Supplier<Node> getVertexSupplier() {
        return null;
    }

    @Override
    public Supplier<TensorEdge> getEdgeSupplier() {
        return null;
    }

    @Override
    public TensorEdge addEdge(Node source, Node target) {
        throw readOnly();
    }

    @Override
    public boolean addEdge(Node source, Node target, TensorEdge e) {
        throw readOnly();
    }

    @Override
    public Node addVertex() {
        throw readOnly();
    }

    @Override
    public boolean addVertex(Node v) {
        throw readOnly();
    }

    @Override
    public TensorEdge removeEdge(Node source, Node target) {
        throw readOnly();
    }

    @Override
    public boolean removeEdge(TensorEdge e) {
        throw readOnly();
    }

    @Override
    public boolean removeVertex(Node v) {
        throw readOnly();
    }

    @Override
    public void setEdgeWeight(TensorEdge e, double weight) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a model's graph is read-only; build a new one");
    }

    private final class VertexView extends PositionView<Node> {
        @Override
        int limit() {
            return nodeCount;
        }

        @Override
        boolean visible(int position) {
            return !isHidden(position);
        }

        @Override
        Node at(int position) {
            return nodes[position];
        }

        @Override
        int countVisible() {
            return hidden == null ? nodeCount : nodeCount - hidden.cardinality();
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof Node n && numberOf(n) >= 0;
        }
    }

    private final class EdgeView extends PositionView<TensorEdge> {
        @Override
        int limit() {
            return edges.length;
        }

        @Override
        boolean visible(int position) {
            return edgeVisible(position);
        }

        @Override
        TensorEdge at(int position) {
            return edges[position];
        }

        @Override
        int countVisible() {
            return hidden == null ? edges.length : super.countVisible();
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof TensorEdge e && owns(e);
        }
    }

    /** The edges numbered {@code grouped.item(from .. to)} (one node's outgoing or incoming edges) that are visible. */
    private final class RangeView extends PositionView<TensorEdge> {
        private final Adjacency grouped;
        private final int from;
        private final int to;

        RangeView(Adjacency grouped, int from, int to) {
            this.grouped = grouped;
            this.from = from;
            this.to = to;
        }

        @Override
        int limit() {
            return to - from;
        }

        @Override
        boolean visible(int position) {
            return edgeVisible(grouped.item(from + position));
        }

        @Override
        TensorEdge at(int position) {
            return edges[grouped.item(from + position)];
        }

        @Override
        int countVisible() {
            return hidden == null ? to - from : super.countVisible();
        }
    }
}
