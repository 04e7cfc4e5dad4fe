package io.github.nnvizonnx.internal;

import java.util.BitSet;

/**
 * Edges grouped by one of their ends with a counting sort: the items of group {@code g} (a node's outgoing edges, or
 * the nodes that consume its output) are {@code item(k)} for {@code k} in {@code [start(g), end(g))}, in edge order.
 * Two arrays for any number of nodes, where a map of lists would make an object per node. Not API (see the package
 * comment).
 */
public final class Adjacency {
    /** Group {@code g}'s items are {@code items[starts[g] .. starts[g + 1])}. */
    private final int[] starts;
    private final int[] items;

    private Adjacency(int[] starts, int[] items) {
        this.starts = starts;
        this.items = items;
    }

    /** The edge numbers {@code 0 .. edgeCount} grouped by {@code keys[e]}, a number below {@code groups}. */
    public static Adjacency edgesBy(int groups, int[] keys, int edgeCount) {
        return group(groups, keys, null, edgeCount, null);
    }

    /**
     * Of each edge {@code e} below {@code edgeCount}: {@code values[e]}, grouped by {@code keys[e]}; an edge whose
     * value is not in {@code onlyValues} is left out ({@code onlyValues} null: none is).
     */
    public static Adjacency valuesBy(int groups, int[] keys, int[] values, int edgeCount, BitSet onlyValues) {
        return group(groups, keys, values, edgeCount, onlyValues);
    }

    /** {@code values} null: the items are the edge numbers themselves. */
    private static Adjacency group(int groups, int[] keys, int[] values, int edgeCount, BitSet onlyValues) {
        int[] starts = new int[groups + 1];
        for (int e = 0; e < edgeCount; e++) {
            if (onlyValues == null || onlyValues.get(values[e])) {
                starts[keys[e] + 1]++;
            }
        }
        for (int g = 0; g < groups; g++) {
            starts[g + 1] += starts[g];
        }
        int[] items = new int[starts[groups]];
        int[] next = java.util.Arrays.copyOf(starts, groups);
        for (int e = 0; e < edgeCount; e++) {
            if (onlyValues == null || onlyValues.get(values[e])) {
                items[next[keys[e]]++] = values == null ? e : values[e];
            }
        }
        return new Adjacency(starts, items);
    }

    public int start(int group) {
        return starts[group];
    }

    public int end(int group) {
        return starts[group + 1];
    }

    public int item(int k) {
        return items[k];
    }
}
