package io.github.nnvizonnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The counting sort groups like a list per key filled in edge order. */
class AdjacencyTest {
    @Test
    void groupsEdgeNumbersLikeListsPerKey() {
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            int groups = 1 + random.nextInt(20);
            int[] keys = randomKeys(random, groups, random.nextInt(60));
            int edgeCount = keys.length == 0 ? 0 : random.nextInt(keys.length + 1); // arrays may have spare room
            List<List<Integer>> expected = emptyGroups(groups);
            for (int e = 0; e < edgeCount; e++) {
                expected.get(keys[e]).add(e);
            }
            assertEquals(expected, groupsOf(Adjacency.edgesBy(groups, keys, edgeCount), groups));
        }
    }

    @Test
    void groupsValuesLikeListsPerKeyKeepingOnlyTheValuesAsked() {
        Random random = new Random(12);
        for (int round = 0; round < 50; round++) {
            int groups = 1 + random.nextInt(20);
            int[] keys = randomKeys(random, groups, random.nextInt(60));
            int[] values = randomKeys(random, groups, keys.length);
            BitSet only = round % 3 == 0 ? null : new BitSet();
            for (int v = 0; only != null && v < groups; v++) {
                only.set(v, random.nextBoolean());
            }
            List<List<Integer>> expected = emptyGroups(groups);
            for (int e = 0; e < keys.length; e++) {
                if (only == null || only.get(values[e])) {
                    expected.get(keys[e]).add(values[e]);
                }
            }
            assertEquals(expected, groupsOf(Adjacency.valuesBy(groups, keys, values, keys.length, only), groups));
        }
    }

    private static int[] randomKeys(Random random, int groups, int count) {
        int[] keys = new int[count];
        for (int e = 0; e < count; e++) {
            keys[e] = random.nextInt(groups);
        }
        return keys;
    }

    private static List<List<Integer>> emptyGroups(int groups) {
        List<List<Integer>> lists = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    private static List<List<Integer>> groupsOf(Adjacency adjacency, int groups) {
        List<List<Integer>> lists = emptyGroups(groups);
        for (int g = 0; g < groups; g++) {
            for (int k = adjacency.start(g); k < adjacency.end(g); k++) {
                lists.get(g).add(adjacency.item(k));
            }
        }
        return lists;
    }
}
