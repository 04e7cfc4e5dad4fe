package io.github.nnvizonnx.model;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
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

    /** The nodes by number, in {@code index.nodes[0 .. nodeCount)}. */
    private final Node[] nodes;
    private final int nodeCount;
    private final TensorEdge[] edges;
    private final NodeIndex index;
    /** The numbers of each edge's ends. */
    private final int[] sources;
    private final int[] targets;
    /** The outgoing edges of node {@code n} are {@code outEdges[outStart[n] .. outStart[n + 1])}; incoming alike. */
    private final int[] outStart;
    private final int[] outEdges;
    private final int[] inStart;
    private final int[] inEdges;
    /** The numbers of nodes this view leaves out (with their edges), or null: see {@link #without}. */
    private final BitSet hidden;
    private final Set<Node> vertexView;
    private final Set<TensorEdge> edgeView;

    private CompactGraph(NodeIndex index, TensorEdge[] edges, int[] sources, int[] targets) {
        this.nodes = index.nodes;
        this.nodeCount = index.size;
        this.index = index;
        this.edges = edges;
        this.sources = sources;
        this.targets = targets;
        this.outStart = new int[nodeCount + 1];
        this.outEdges = groupBy(sources, outStart);
        this.inStart = new int[nodeCount + 1];
        this.inEdges = groupBy(targets, inStart);
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
        this.outStart = base.outStart;
        this.outEdges = base.outEdges;
        this.inStart = base.inStart;
        this.inEdges = base.inEdges;
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

    /** Edge numbers grouped by their end in {@code ends}, in edge order; fills {@code start} (counting sort). */
    private static int[] groupBy(int[] ends, int[] start) {
        for (int end : ends) {
            start[end + 1]++;
        }
        for (int n = 0; n + 1 < start.length; n++) {
            start[n + 1] += start[n];
        }
        int[] grouped = new int[ends.length];
        int[] next = Arrays.copyOf(start, start.length - 1);
        for (int e = 0; e < ends.length; e++) {
            grouped[next[ends[e]]++] = e;
        }
        return grouped;
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

    private Set<TensorEdge> range(int[] grouped, int from, int to) {
        return new RangeView(grouped, from, to);
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
        return range(outEdges, outStart[visibleNumber(n)], outStart[n + 1]);
    }

    Set<TensorEdge> incomingEdgesOf(int n) {
        return range(inEdges, inStart[visibleNumber(n)], inStart[n + 1]);
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

    /**
     * A read-only set of the elements at positions {@code [0, limit())} that are visible; its size is counted once,
     * when first asked (without hidden nodes, it is known).
     */
    private abstract static class PositionView<T> extends AbstractSet<T> {
        private int size = -1;

        abstract int limit();

        abstract boolean visible(int position);

        abstract T at(int position);

        int countVisible() {
            int count = 0;
            for (int p = 0; p < limit(); p++) {
                if (visible(p)) {
                    count++;
                }
            }
            return count;
        }

        @Override
        public Iterator<T> iterator() {
            return new Iterator<>() {
                private int next = advance(0);

                private int advance(int from) {
                    int p = from;
                    while (p < limit() && !visible(p)) {
                        p++;
                    }
                    return p;
                }

                @Override
                public boolean hasNext() {
                    return next < limit();
                }

                @Override
                public T next() {
                    if (next >= limit()) {
                        throw new NoSuchElementException();
                    }
                    T element = at(next);
                    next = advance(next + 1);
                    return element;
                }
            };
        }

        @Override
        public int size() {
            if (size < 0) {
                size = countVisible();
            }
            return size;
        }
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

    /** The edges numbered {@code grouped[from .. to)} (one node's outgoing or incoming edges) that are visible. */
    private final class RangeView extends PositionView<TensorEdge> {
        private final int[] grouped;
        private final int from;
        private final int to;

        RangeView(int[] grouped, int from, int to) {
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
            return edgeVisible(grouped[from + position]);
        }

        @Override
        TensorEdge at(int position) {
            return edges[grouped[from + position]];
        }

        @Override
        int countVisible() {
            return hidden == null ? to - from : super.countVisible();
        }
    }

    /**
     * Node → its number, by the nodes' own equality: open addressing over number + 1 (0: empty). Nodes appended
     * unchecked ({@link #append}) are entered into the table only when a node is first looked up: a large graph that
     * is only walked by number never builds it.
     */
    private static final class NodeIndex {
        private volatile int[] slots;
        /** How many of {@code nodes} the table holds; the rest were appended unchecked. Written after the table. */
        private volatile int indexed;
        private Node[] nodes;
        private int size;

        NodeIndex(int expectedNodes) {
            nodes = new Node[Math.max(8, expectedNodes)];
            // no table yet: the first lookup or checked add makes it, sized for the nodes expected by then
        }

        /** At most half full. */
        private static int tableSize(int nodes) {
            return Integer.highestOneBit(Math.max(8, nodes) - 1) << 2;
        }

        int find(Node node) {
            int[] table = table();
            return table[slotOf(table, node)] - 1; // an empty slot is 0
        }

        /** Adds {@code node} unless an equal one is there; its number, or -1 when it was there already. */
        int add(Node node) {
            int[] table = table();
            int i = slotOf(table, node);
            if (table[i] != 0) {
                return -1;
            }
            int number = append(node);
            table[i] = number + 1;
            indexed = size;
            if (2 * size > table.length) {
                slots = rebuilt(table.length * 2);
            }
            return number;
        }

        /** Adds {@code node} without looking for an equal one; its number. */
        int append(Node node) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, 2 * size);
            }
            nodes[size] = node;
            return size++;
        }

        /** The table, with every node appended so far entered; a node equal to an earlier one is refused here. */
        private int[] table() {
            if (indexed < size || slots == null) {
                synchronized (this) {
                    if (indexed < size || slots == null) {
                        int least = tableSize(Math.max(size, nodes.length));
                        slots = rebuilt(slots == null ? least : Math.max(slots.length, least));
                        indexed = size;
                    }
                }
            }
            return slots;
        }

        private int[] rebuilt(int length) {
            int[] table = new int[length];
            for (int n = 0; n < size; n++) {
                int i = slotOf(table, nodes[n]);
                if (table[i] != 0) {
                    throw new IllegalStateException("duplicate node id " + nodes[n].id());
                }
                table[i] = n + 1;
            }
            return table;
        }

        /** The slot of {@code table} holding a node equal to {@code node}, or the empty slot where it would go. */
        private int slotOf(int[] table, Node node) {
            int mask = table.length - 1;
            int i = spread(node.hashCode()) & mask;
            for (int slot; (slot = table[i]) != 0; i = (i + 1) & mask) {
                Node candidate = nodes[slot - 1];
                if (candidate == node || candidate.equals(node)) {
                    break;
                }
            }
            return i;
        }

        private static int spread(int hash) {
            int h = hash * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    /** Collects nodes and edges, then freezes them ({@link ModelGraph.Builder}'s storage). */
    static final class Draft {
        private final NodeIndex index;
        private TensorEdge[] edges;
        private int[] sources;
        private int[] targets;
        private int edgeCount;
        private boolean frozen;

        Draft(int expectedNodes, int expectedEdges) {
            index = new NodeIndex(expectedNodes);
            int capacity = Math.max(8, expectedEdges);
            edges = new TensorEdge[capacity];
            sources = new int[capacity];
            targets = new int[capacity];
        }

        /** False when an equal node is there already. */
        boolean addNode(Node node) {
            checkOpen();
            return index.add(node) >= 0;
        }

        /** Adds a node the caller knows to be new, without looking for an equal one now. */
        void appendNode(Node node) {
            checkOpen();
            index.append(node);
        }

        boolean containsNode(Node node) {
            return index.find(node) >= 0;
        }

        void addEdge(Node from, Node to, TensorEdge edge) {
            int source = index.find(from);
            int target = index.find(to);
            if (source < 0 || target < 0) {
                throw new IllegalArgumentException("no such vertex in graph: " + (source < 0 ? from : to));
            }
            addEdge(source, target, edge);
        }

        /** An edge between the nodes numbered {@code source} and {@code target}. */
        void addEdge(int source, int target, TensorEdge edge) {
            checkOpen();
            if (source < 0 || source >= index.size || target < 0 || target >= index.size) {
                throw new IllegalArgumentException("no node numbered " + (source < 0 || source >= index.size
                        ? source : target) + " in a graph of " + index.size);
            }
            if (edge.index >= 0) {
                throw new IllegalArgumentException("edge " + edge + " belongs to a graph already");
            }
            if (edgeCount == edges.length) {
                edges = Arrays.copyOf(edges, 2 * edgeCount);
                sources = Arrays.copyOf(sources, 2 * edgeCount);
                targets = Arrays.copyOf(targets, 2 * edgeCount);
            }
            edge.attach(index.nodes[source], index.nodes[target], edgeCount);
            edges[edgeCount] = edge;
            sources[edgeCount] = source;
            targets[edgeCount] = target;
            edgeCount++;
        }

        /** The graph; this draft takes no more changes. */
        CompactGraph freeze() {
            checkOpen();
            frozen = true;
            return new CompactGraph(index, Arrays.copyOf(edges, edgeCount), Arrays.copyOf(sources, edgeCount),
                    Arrays.copyOf(targets, edgeCount));
        }

        private void checkOpen() {
            if (frozen) {
                throw new IllegalStateException("the graph is built already");
            }
        }
    }
}
