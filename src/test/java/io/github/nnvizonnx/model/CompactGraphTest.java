package io.github.nnvizonnx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.junit.jupiter.api.Test;

/** The array-backed graph answers like JGraphT's own directed pseudograph, views included. */
class CompactGraphTest {
    private static final ModelInfo INFO = new ModelInfo("t", 8, "", "", Map.of(), Map.of(), "g", "flat");

    private static OperationNode op(String id) {
        return new OperationNode(id, id, "Relu", "", List.of(), ModulePath.ROOT, 0);
    }

    /** A reference graph for an edge of ours: same ends, compared by tensor name. */
    private record Reference(String tensor) {
    }

    @Test
    void answersLikeJgraphtsPseudographOnRandomMultigraphsWithLoops() {
        Random random = new Random(3);
        for (int round = 0; round < 20; round++) {
            int size = 2 + random.nextInt(30);
            List<Node> nodes = new ArrayList<>();
            ModelGraph.Builder builder = new ModelGraph.Builder(INFO);
            Graph<Node, Reference> expected = new DirectedPseudograph<>(null, null, false);
            for (int i = 0; i < size; i++) {
                Node n = op("n" + i);
                nodes.add(n);
                builder.addNode(n);
                expected.addVertex(n);
            }
            for (int e = random.nextInt(3 * size); e > 0; e--) {
                Node from = nodes.get(random.nextInt(size));
                Node to = random.nextInt(8) == 0 ? from : nodes.get(random.nextInt(size)); // loops too
                String tensor = "t" + e;
                builder.addEdge(from, to, TensorInfo.named(tensor));
                expected.addEdge(from, to, new Reference(tensor));
            }
            ModelGraph model = builder.build();
            assertSame(expected, model.graph(), nodes);
            assertSameByNumber(expected, model, model, nodes);

            Set<Node> hidden = Set.of(nodes.get(0), nodes.get(size / 2));
            ModelGraph view = model.without(hidden);
            hidden.forEach(expected::removeVertex);
            assertSame(expected, view.graph(), nodes);
            assertSameByNumber(expected, model, view, nodes);
            for (Node n : hidden) {
                assertEquals(-1, view.numberOf(n));
                assertNull(view.nodeAt(model.numberOf(n)));
                int number = model.numberOf(n);
                assertThrows(IllegalArgumentException.class, () -> view.outgoingEdgesOf(number));
                assertThrows(IllegalArgumentException.class, () -> view.incomingEdgesOf(number));
            }
        }
    }

    private static void assertSame(Graph<Node, Reference> expected, Graph<Node, TensorEdge> actual,
                                   List<Node> candidates) {
        assertEquals(List.copyOf(expected.vertexSet()), List.copyOf(actual.vertexSet()), "vertices in order");
        assertEquals(names(expected.edgeSet()), tensors(actual.edgeSet()), "edges in order");
        for (TensorEdge e : actual.edgeSet()) {
            assertTrue(actual.containsEdge(e));
        }
        for (Node n : candidates) {
            assertEquals(expected.containsVertex(n), actual.containsVertex(n), n.id());
            assertEquals(expected.containsVertex(n), actual.vertexSet().contains(n), n.id());
            if (!expected.containsVertex(n)) {
                assertThrows(IllegalArgumentException.class, () -> actual.outgoingEdgesOf(n));
                continue;
            }
            assertEquals(names(expected.outgoingEdgesOf(n)), tensors(actual.outgoingEdgesOf(n)), "out of " + n.id());
            assertEquals(names(expected.incomingEdgesOf(n)), tensors(actual.incomingEdgesOf(n)), "in of " + n.id());
            assertEquals(expected.inDegreeOf(n), actual.inDegreeOf(n));
            assertEquals(expected.outDegreeOf(n), actual.outDegreeOf(n));
            assertEquals(expected.degreeOf(n), actual.degreeOf(n));
            assertEquals(Set.copyOf(names(expected.edgesOf(n))), Set.copyOf(tensors(actual.edgesOf(n))));
            for (Node m : candidates) {
                if (expected.containsVertex(m)) {
                    assertEquals(Set.copyOf(names(expected.getAllEdges(n, m))),
                            Set.copyOf(tensors(actual.getAllEdges(n, m))));
                    assertEquals(expected.containsEdge(n, m), actual.containsEdge(n, m));
                }
            }
        }
        for (TensorEdge e : actual.edgeSet()) {
            Node source = actual.getEdgeSource(e);
            assertTrue(actual.outgoingEdgesOf(source).contains(e));
            assertTrue(actual.incomingEdgesOf(actual.getEdgeTarget(e)).contains(e));
        }
    }

    @Test
    void nodesAddedUncheckedAreFoundAndADuplicateIsRefusedWhenFirstSearched() {
        ModelGraph.Builder builder = new ModelGraph.Builder(INFO, 2, 2);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Node n = op("n" + i);
            nodes.add(n);
            if (i % 3 == 0) {
                builder.addNode(n); // checked, and the table catches up with the unchecked ones first
            } else {
                builder.addNewNode(n);
            }
        }
        assertThrows(IllegalStateException.class, () -> builder.addNode(op("n5")), "an equal node is still seen");
        for (int i = 1; i < 100; i++) {
            builder.addEdge(nodes.get(i - 1), nodes.get(i), TensorInfo.named("t" + i));
        }
        ModelGraph model = builder.build();
        for (int i = 0; i < 100; i++) {
            assertEquals(i, model.numberOf(op("n" + i)), "found by an equal node");
            assertEquals(i == 99 ? 0 : 1, model.graph().outDegreeOf(nodes.get(i)));
        }

        ModelGraph.Builder twice = new ModelGraph.Builder(INFO);
        twice.addNewNode(op("a")).addNewNode(op("b")).addNewNode(op("a"));
        ModelGraph broken = twice.build();
        assertEquals(3, broken.nodeNumbers(), "walking by number needs no table");
        assertThrows(IllegalStateException.class, () -> broken.numberOf(op("b")));
    }

    /** The edges of each node, asked by its number in {@code base} (views keep their base's numbers). */
    private static void assertSameByNumber(Graph<Node, Reference> expected, ModelGraph base, ModelGraph actual,
                                           List<Node> candidates) {
        for (Node n : candidates) {
            if (expected.containsVertex(n)) {
                int number = base.numberOf(n);
                assertEquals(names(expected.outgoingEdgesOf(n)), tensors(actual.outgoingEdgesOf(number)), n.id());
                assertEquals(names(expected.incomingEdgesOf(n)), tensors(actual.incomingEdgesOf(number)), n.id());
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> actual.outgoingEdgesOf(base.nodeNumbers()));
    }

    private static List<String> names(Set<Reference> edges) {
        return edges.stream().map(Reference::tensor).toList();
    }

    private static List<String> tensors(Set<TensorEdge> edges) {
        return edges.stream().map(e -> e.tensor().name()).toList();
    }

    @Test
    void readOnlyAndEdgesBelongToOneGraph() {
        Node a = op("a");
        Node b = op("b");
        ModelGraph model = new ModelGraph.Builder(INFO).addNode(a).addNode(b).addEdge(a, b, TensorInfo.named("x"))
                .build();
        assertThrows(UnsupportedOperationException.class, () -> model.graph().addVertex(op("c")));
        assertThrows(UnsupportedOperationException.class, () -> model.graph().removeVertex(a));
        assertThrows(UnsupportedOperationException.class, () -> model.graph().vertexSet().clear());
        TensorEdge edge = model.graph().edgeSet().iterator().next();
        ModelGraph other = model.toBuilder().build();
        assertFalse(other.graph().containsEdge(edge), "a copy makes its own edges");
        assertThrows(IllegalArgumentException.class, () -> other.graph().getEdgeSource(edge));
        assertThrows(IllegalStateException.class, () -> new ModelGraph.Builder(INFO).addNode(a).addNode(op("a")),
                "ids are unique");
        assertThrows(IllegalArgumentException.class,
                () -> new ModelGraph.Builder(INFO).addNode(a).addEdge(a, b, TensorInfo.named("y")));
        assertEquals(0, model.sourceNumberOf(edge));
        assertEquals(1, model.targetNumberOf(edge));
        assertEquals(b, model.nodeAt(1));
    }
}
