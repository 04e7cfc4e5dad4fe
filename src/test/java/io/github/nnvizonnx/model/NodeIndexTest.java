package io.github.nnvizonnx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The open-addressing node table answers like a {@code HashMap} from node to number. */
class NodeIndexTest {
    private static Node node(String id) {
        return new OperationNode(id, id, "Relu", "", List.of(), ModulePath.ROOT, 0);
    }

    @Test
    void answersLikeHashMapUnderRandomAddsAppendsAndLookups() {
        Random random = new Random(5);
        for (int expectedNodes : new int[] {0, 3, 1000}) {
            NodeIndex index = new NodeIndex(expectedNodes);
            Map<Node, Integer> expected = new HashMap<>();
            for (int step = 0; step < 3_000; step++) {
                Node n = node("n" + random.nextInt(2_000)); // an equal node, not the same one, is looked up too
                int choice = random.nextInt(4);
                if (choice == 0 && !expected.containsKey(n)) {
                    int number = index.append(n);
                    assertEquals(expected.size(), number);
                    expected.put(n, number);
                } else if (choice == 1) {
                    int number = index.add(n);
                    assertEquals(expected.containsKey(n) ? -1 : expected.size(), number);
                    expected.putIfAbsent(n, number);
                } else {
                    assertEquals(expected.getOrDefault(n, -1), index.find(n));
                }
                assertEquals(expected.size(), index.size());
            }
            expected.forEach((n, number) -> {
                assertEquals(number, index.find(n));
                assertSame(n, index.node(number));
            });
        }
    }

    @Test
    void anEqualNodeAppendedUncheckedIsReportedAtTheFirstLookup() {
        NodeIndex index = new NodeIndex(4);
        index.append(node("a"));
        index.append(node("a"));
        assertThrows(IllegalStateException.class, () -> index.find(node("b")));
    }
}
