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
    void groupsEdgesAndValuesLikeListsPerKeyFilledInEdgeOrder() {
        Random random = new Random(11);
        for (int round = 0; round < 100; round++) {
            int groups = 1 + random.nextInt(20);
            int[] keys = randomEnds(random, groups, random.nextInt(60));
            int[] values = randomEnds(random, groups, keys.length);
            int edgeCount = random.nextInt(keys.length + 1); // the arrays may have spare room past the edges
            BitSet only = round % 3 == 0 ? null : new BitSet();
            for (int v = 0; only != null && v < groups; v++) {
                only.set(v, random.nextBoolean());
            }
            List<List<Integer>> edgesExpected = emptyGroups(groups);
            List<List<Integer>> valuesExpected = emptyGroups(groups);
            for (int e = 0; e < edgeCount; e++) {
                edgesExpected.get(keys[e]).add(e);
                if (only == null || only.get(values[e])) {
                    valuesExpected.get(keys[e]).add(values[e]);
                }
            }
            assertEquals(edgesExpected, groupsOf(Adjacency.edgesBy(groups, keys, edgeCount), groups));
            assertEquals(valuesExpected, groupsOf(Adjacency.valuesBy(groups, keys, values, edgeCount, only), groups));
        }
    }

    private static int[] randomEnds(Random random, int groups, int count) {
        int[] ends = new int[count];
        for (int e = 0; e < count; e++) {
            ends[e] = random.nextInt(groups);
        }
        return ends;
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
