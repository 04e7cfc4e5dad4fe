package io.github.nnvizonnx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The draft collects nodes and edges, numbers them in order, refuses what does not fit, and freezes once. */
class CompactGraphDraftTest {
    private static Node node(String id) {
        return new OperationNode(id, id, "Relu", "", List.of(), ModulePath.ROOT, 0);
    }

    @Test
    void freezesIntoAGraphWithEdgesNumberedInTheOrderAdded() {
        CompactGraphDraft draft = new CompactGraphDraft(0, 0); // grows past its first room
        Node a = node("a");
        Node b = node("b");
        assertTrue(draft.addNode(a));
        assertFalse(draft.addNode(node("a")), "an equal node is there already");
        draft.appendNode(b);
        assertTrue(draft.containsNode(node("b")));
        TensorEdge[] edges = new TensorEdge[20];
        for (int e = 0; e < edges.length; e++) {
            edges[e] = new TensorEdge(TensorInfo.named("t" + e));
            if (e % 2 == 0) {
                draft.addEdge(a, b, edges[e]);
            } else {
                draft.addEdge(1, 0, edges[e]);
            }
        }
        CompactGraph graph = draft.freeze();
        assertEquals(List.of(a, b), List.copyOf(graph.vertexSet()));
        assertEquals(List.of(edges), List.copyOf(graph.edgeSet()));
        assertSame(a, graph.getEdgeSource(edges[0]));
        assertSame(a, graph.getEdgeTarget(edges[1]));
        assertEquals(10, graph.outgoingEdgesOf(0).size());
        assertEquals(1, graph.targetNumber(edges[0]));
        assertThrows(IllegalStateException.class, () -> draft.appendNode(node("c")));
        assertThrows(IllegalStateException.class, draft::freeze);
    }

    @Test
    void refusesEdgesToUnknownNodesAndEdgesOfAnotherGraph() {
        CompactGraphDraft draft = new CompactGraphDraft(2, 2);
        draft.addNode(node("a"));
        assertThrows(IllegalArgumentException.class,
                () -> draft.addEdge(node("a"), node("x"), new TensorEdge(TensorInfo.named("t"))));
        assertThrows(IllegalArgumentException.class, () -> draft.addEdge(0, 1, new TensorEdge(TensorInfo.named("t"))));
        TensorEdge used = new TensorEdge(TensorInfo.named("t"));
        draft.addEdge(0, 0, used);
        assertThrows(IllegalArgumentException.class, () -> draft.addEdge(0, 0, used));
    }
}
