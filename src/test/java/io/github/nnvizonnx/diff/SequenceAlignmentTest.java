package io.github.nnvizonnx.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SequenceAlignmentTest {
    @Test
    void findsTheLongestCommonSubsequenceOfSequencesThatDifferInPlaces() {
        Random random = new Random(20);
        for (int round = 0; round < 300; round++) {
            int[] a = randomSymbols(random, random.nextInt(60), 4);
            int[] b = edited(random, a, random.nextInt(12), 4);
            int[] pairs = SequenceAlignment.align(a, b);
            assertMonotone(pairs);
            assertEquals(lcsLength(a, b), equalPairs(a, b, pairs), "round " + round);
        }
    }

    @Test
    void pairsAReplacedOperationWithTheOneItReplaced() {
        // Conv Relu Conv → Conv Sigmoid Conv: the middle ones are one changed operation, not one removed and one added
        assertArrayEquals(new int[] {0, 1, 2}, SequenceAlignment.align(new int[] {0, 1, 0}, new int[] {0, 2, 0}));
    }

    @Test
    void leavesALongReplacedRunUnpaired() {
        int[] pairs = SequenceAlignment.align(new int[] {0, 1, 1, 1, 1, 1, 0}, new int[] {0, 2, 2, 2, 2, 2, 0});
        assertArrayEquals(new int[] {0, -1, -1, -1, -1, -1, 6}, pairs);
    }

    @Test
    void sequencesDifferingInMorePlacesThanTheSearchAllowsAreStillAlignedNearlyAsWell() {
        Random random = new Random(7);
        int edits = 3 * SequenceAlignment.MAX_EDITS;
        int[] a = randomSymbols(random, 60_000, 12);
        int[] b = edited(random, a, edits, 12);
        int[] pairs = SequenceAlignment.align(a, b);
        assertMonotone(pairs);
        int paired = equalPairs(a, b, pairs);
        // each edit costs the longest common subsequence one symbol at most
        assertTrue(paired >= 0.95 * (a.length - edits), "paired " + paired + " of at least " + (a.length - edits));
    }

    private static int[] randomSymbols(Random random, int length, int alphabet) {
        int[] s = new int[length];
        for (int i = 0; i < length; i++) {
            s[i] = random.nextInt(alphabet);
        }
        return s;
    }

    /** {@code a} with {@code edits} random insertions, deletions and replacements. */
    private static int[] edited(Random random, int[] a, int edits, int alphabet) {
        java.util.List<Integer> s = new java.util.ArrayList<>();
        for (int x : a) {
            s.add(x);
        }
        for (int e = 0; e < edits; e++) {
            int kind = random.nextInt(3);
            if (kind == 0 || s.isEmpty()) {
                s.add(random.nextInt(s.size() + 1), random.nextInt(alphabet));
            } else if (kind == 1) {
                s.remove(random.nextInt(s.size()));
            } else {
                s.set(random.nextInt(s.size()), random.nextInt(alphabet));
            }
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void assertMonotone(int[] pairs) {
        int last = -1;
        for (int p : pairs) {
            if (p >= 0) {
                assertTrue(p > last, "pairs keep the order of both sequences");
                last = p;
            }
        }
    }

    private static int equalPairs(int[] a, int[] b, int[] pairs) {
        int n = 0;
        for (int j = 0; j < pairs.length; j++) {
            if (pairs[j] >= 0 && a[pairs[j]] == b[j]) {
                n++;
            }
        }
        return n;
    }

    /** The textbook quadratic dynamic programme, as the reference. */
    private static int lcsLength(int[] a, int[] b) {
        int[][] t = new int[a.length + 1][b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.length][b.length];
    }
}
