package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.TensorEdge;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.jgrapht.Graph;

/**
 * The shape of a drawn graph in ranks: how long its longest path is ({@code ranks}, in nodes) and how many nodes
 * share its most crowded rank ({@code widestRank}), ranks assigned by longest path from the inputs as layered
 * layouts (dot, dagre) do. Cheap (linear), so a direction can be chosen without laying the drawing out.
 */
public record DrawingShape(int ranks, int widestRank) {
    /** The shape of what {@code diagram} draws. */
    public static DrawingShape of(Diagram diagram) {
        Graph<Node, TensorEdge> graph = diagram.model().graph();
        Map<Node, Integer> waiting = new HashMap<>();
        Map<Node, Integer> rank = new HashMap<>();
        Deque<Node> ready = new ArrayDeque<>();
        for (Node n : graph.vertexSet()) {
            int in = graph.inDegreeOf(n);
            waiting.put(n, in);
            if (in == 0) {
                ready.add(n);
                rank.put(n, 0);
            }
        }
        while (!ready.isEmpty()) {
            Node n = ready.poll();
            int next = rank.get(n) + 1;
            for (TensorEdge e : graph.outgoingEdgesOf(n)) {
                Node target = graph.getEdgeTarget(e);
                rank.merge(target, next, Math::max);
                if (waiting.merge(target, -1, Integer::sum) == 0) {
                    ready.add(target);
                }
            }
        }
        // a node on a cycle (none in a valid model) keeps the rank its acyclic inputs gave it
        Map<Integer, Integer> perRank = new HashMap<>();
        int ranks = 0;
        for (Node n : graph.vertexSet()) {
            int r = rank.getOrDefault(n, 0);
            perRank.merge(r, 1, Integer::sum);
            ranks = Math.max(ranks, r + 1);
        }
        int widest = perRank.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new DrawingShape(ranks, widest);
    }
}
