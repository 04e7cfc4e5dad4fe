package io.github.nnvizonnx.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aligns two sequences of symbols (op types as numbers) the way a text diff aligns lines: the longest common
 * subsequence, found by Myers' O((N+M)·D) algorithm after the common head and tail are set aside, so that two long
 * sequences with few differences cost little more than reading them. When they differ in more than {@link #MAX_EDITS}
 * places, a linear walk that pairs equal symbols and finds its way back after each difference takes over
 * ({@link #resync}). Short runs of equal length left unpaired between two pairs are then paired one to
 * one (an op replaced by another, as a diff shows a changed line).
 */
final class SequenceAlignment {
    /** Beyond this many insertions and deletions, Myers' search (whose memory grows with their square) stops. */
    static final int MAX_EDITS = 2_000;
    /** Unpaired runs up to this long are paired one to one: a longer run replaced is new code, not an edit. */
    private static final int MAX_REPLACED = 4;
    /** How far ahead in the new sequence the linear walk looks for the next agreement ({@link #resync}). */
    private static final int WINDOW = 64;
    /** How many symbols in a row must agree for the linear walk to take up pairing again. */
    private static final int RUN = 8;

    private SequenceAlignment() {
    }

    /** For each position of {@code b}, the position of {@code a} it is paired with, or -1. */
    static int[] align(int[] a, int[] b) {
        int[] pairOfB = alignEqual(a, b);
        pairGaps(pairOfB, a.length);
        return pairOfB;
    }

    /** {@link #align}, pairing equal symbols only (no short runs replaced one to one). */
    static int[] alignEqual(int[] a, int[] b) {
        int[] pairOfB = new int[b.length];
        Arrays.fill(pairOfB, -1);
        int head = 0;
        while (head < a.length && head < b.length && a[head] == b[head]) {
            pairOfB[head] = head;
            head++;
        }
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head
                && a[a.length - 1 - tail] == b[b.length - 1 - tail]) {
            pairOfB[b.length - 1 - tail] = a.length - 1 - tail;
            tail++;
        }
        int aEnd = a.length - tail;
        int bEnd = b.length - tail;
        if (!myers(a, head, aEnd, b, head, bEnd, pairOfB)) {
            resync(a, head, aEnd, b, head, bEnd, pairOfB);
        }
        return pairOfB;
    }

    /**
     * Myers' greedy forward search for the shortest edit script between {@code a[aFrom, aTo)} and
     * {@code b[bFrom, bTo)}; pairs what it keeps and returns true, or false (nothing paired) past {@link #MAX_EDITS}.
     */
    private static boolean myers(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo, int[] pairOfB) {
        int n = aTo - aFrom;
        int m = bTo - bFrom;
        if (n == 0 || m == 0) {
            return true;
        }
        int max = Math.min(n + m, MAX_EDITS);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            trace.add(Arrays.copyOfRange(v, offset - d - 1, offset + d + 2));
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1]
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[aFrom + x] == b[bFrom + y]) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    backtrack(trace, d, n, m, a, aFrom, b, bFrom, pairOfB);
                    return true;
                }
            }
        }
        return false;
    }

    /** Walks the search's saved frontiers back from the end, pairing the diagonal runs ("snakes") it passes. */
    private static void backtrack(List<int[]> trace, int dEnd, int n, int m, int[] a, int aFrom, int[] b, int bFrom,
                                  int[] pairOfB) {
        int x = n;
        int y = m;
        for (int d = dEnd; d > 0; d--) {
            int[] v = trace.get(d); // the frontier before step d: v[k] is at index k + d + 1
            int k = x - y;
            boolean down = k == -d || k != d && v[k - 1 + d + 1] < v[k + 1 + d + 1];
            int previousK = down ? k + 1 : k - 1;
            int previousX = v[previousK + d + 1];
            int previousY = previousX - previousK;
            int startX = down ? previousX : previousX + 1;
            int startY = startX - k;
            while (x > startX && y > startY) {
                x--;
                y--;
                pairOfB[bFrom + y] = aFrom + x;
            }
            x = previousX;
            y = previousY;
        }
        while (x > 0 && y > 0) {
            x--;
            y--;
            pairOfB[bFrom + y] = aFrom + x;
        }
    }

    /**
     * A linear walk for sequences too different for Myers' search: equal symbols are paired as they come; at a
     * difference, the walk resumes at the nearest place ahead where {@link #RUN} symbols in a row agree (fewest
     * symbols skipped on both sides, looking at most {@link #WINDOW} ahead in the new sequence and anywhere ahead in
     * the old one); a shorter agreement would be chance in a sequence of few op types. With no such place in reach,
     * one symbol of the new sequence is passed over.
     */
    private static void resync(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo, int[] pairOfB) {
        Map<Long, IntList> runsOfA = new HashMap<>();
        for (int i = aFrom; i + RUN <= aTo; i++) {
            runsOfA.computeIfAbsent(runHash(a, i), k -> new IntList()).add(i);
        }
        int i = aFrom;
        int j = bFrom;
        while (i < aTo && j < bTo) {
            if (a[i] == b[j]) {
                pairOfB[j++] = i++;
                continue;
            }
            int bestI = -1;
            int bestJ = -1;
            for (int l = 0; l < WINDOW && j + l + RUN <= bTo; l++) {
                IntList list = runsOfA.get(runHash(b, j + l));
                int next = list == null ? -1 : list.firstAtLeast(i);
                if (next >= 0 && Arrays.equals(a, next, next + RUN, b, j + l, j + l + RUN)
                        && (bestI < 0 || next - i + l < bestI - i + bestJ - j)) {
                    bestI = next;
                    bestJ = j + l;
                }
            }
            if (bestI < 0) {
                j++;
            } else {
                if (bestI - i <= WINDOW) {
                    myers(a, i, bestI, b, j, bestJ, pairOfB); // what agrees inside the short stretch skipped
                }
                i = bestI;
                j = bestJ;
            }
        }
    }

    /** A hash of the {@link #RUN} symbols from {@code s[from]}. */
    private static long runHash(int[] s, int from) {
        long h = 0;
        for (int k = from; k < from + RUN; k++) {
            h = h * 1_000_003L + s[k];
        }
        return h;
    }

    /** Ascending positions, searched by bisection. */
    private static final class IntList {
        private int[] items = new int[4];
        private int size;

        void add(int value) {
            if (size == items.length) {
                items = Arrays.copyOf(items, 2 * size);
            }
            items[size++] = value;
        }

        /** The first position at least {@code bound}, or -1. */
        int firstAtLeast(int bound) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (items[mid] < bound) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo < size ? items[lo] : -1;
        }
    }

    /** Between two pairs, as many unpaired positions on each side: paired one to one, in order. */
    private static void pairGaps(int[] pairOfB, int aLength) {
        int previousA = -1;
        int gapStart = 0;
        for (int j = 0; j <= pairOfB.length; j++) {
            int nextA = j < pairOfB.length ? pairOfB[j] : aLength;
            if (nextA < 0) {
                continue;
            }
            int gapB = j - gapStart;
            int gapA = nextA - previousA - 1;
            if (gapB > 0 && gapB == gapA && gapB <= MAX_REPLACED) {
                for (int g = 0; g < gapB; g++) {
                    pairOfB[gapStart + g] = previousA + 1 + g;
                }
            }
            previousA = nextA;
            gapStart = j + 1;
        }
    }
}
