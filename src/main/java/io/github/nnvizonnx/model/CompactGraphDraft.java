package io.github.nnvizonnx.model;

import io.github.nnvizonnx.internal.IntList;
import java.util.ArrayList;
import java.util.List;

/** Collects nodes and edges, then freezes them into a {@link CompactGraph} ({@link ModelGraph.Builder}'s storage). */
final class CompactGraphDraft {
    private final NodeIndex index;
    private final List<TensorEdge> edges;
    private final IntList sources;
    private final IntList targets;
    private boolean frozen;

    CompactGraphDraft(int expectedNodes, int expectedEdges) {
        index = new NodeIndex(expectedNodes);
        int capacity = Math.max(8, expectedEdges);
        edges = new ArrayList<>(capacity);
        sources = new IntList(capacity);
        targets = new IntList(capacity);
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
        int nodes = index.size();
        if (source < 0 || source >= nodes || target < 0 || target >= nodes) {
            throw new IllegalArgumentException("no node numbered " + (source < 0 || source >= nodes
                    ? source : target) + " in a graph of " + nodes);
        }
        if (edge.index >= 0) {
            throw new IllegalArgumentException("edge " + edge + " belongs to a graph already");
        }
        edge.attach(index.node(source), index.node(target), edges.size());
        edges.add(edge);
        sources.add(source);
        targets.add(target);
    }

    /** The graph; this draft takes no more changes. */
    CompactGraph freeze() {
        checkOpen();
        frozen = true;
        return new CompactGraph(index, edges.toArray(new TensorEdge[0]), sources.toArray(), targets.toArray());
    }

    private void checkOpen() {
        if (frozen) {
            throw new IllegalStateException("the graph is built already");
        }
    }
}
