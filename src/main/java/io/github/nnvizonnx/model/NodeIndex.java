package io.github.nnvizonnx.model;

import java.util.Arrays;

/**
 * Node → its number, by the nodes' own equality: open addressing over number + 1 (0: empty). A million nodes are one
 * int array here, where a {@code HashMap} would make an entry object per node. Nodes appended unchecked
 * ({@link #append}) are entered into the table only when a node is first looked up: a large graph that is only
 * walked by number never builds it.
 */
final class NodeIndex {
    private volatile int[] slots;
    /** How many of {@code nodes} the table holds; the rest were appended unchecked. Written after the table. */
    private volatile int indexed;
    private Node[] nodes;
    private int size;

    NodeIndex(int expectedNodes) {
        nodes = new Node[Math.max(8, expectedNodes)];
        // no table yet: the first lookup or checked add makes it, sized for the nodes expected by then
    }

    /** At most half full. */
    private static int tableSize(int nodes) {
        return Integer.highestOneBit(Math.max(8, nodes) - 1) << 2;
    }

    /** The number of a node equal to {@code node}, or -1. */
    int find(Node node) {
        int[] table = table();
        return table[slotOf(table, node)] - 1; // an empty slot is 0
    }

    /** Adds {@code node} unless an equal one is there; its number, or -1 when it was there already. */
    int add(Node node) {
        int[] table = table();
        int i = slotOf(table, node);
        if (table[i] != 0) {
            return -1;
        }
        int number = append(node);
        table[i] = number + 1;
        indexed = size;
        if (2 * size > table.length) {
            slots = rebuilt(table.length * 2);
        }
        return number;
    }

    /** Adds {@code node} without looking for an equal one; its number. */
    int append(Node node) {
        if (size == nodes.length) {
            nodes = Arrays.copyOf(nodes, 2 * size);
        }
        nodes[size] = node;
        return size++;
    }

    int size() {
        return size;
    }

    Node node(int number) {
        return nodes[number];
    }

    /** The nodes by number, in {@code [0, size())}; shared, not copied (a frozen graph keeps it). */
    Node[] nodes() {
        return nodes;
    }

    /** The table, with every node appended so far entered; a node equal to an earlier one is refused here. */
    private int[] table() {
        if (indexed < size || slots == null) {
            synchronized (this) {
                if (indexed < size || slots == null) {
                    int least = tableSize(Math.max(size, nodes.length));
                    slots = rebuilt(slots == null ? least : Math.max(slots.length, least));
                    indexed = size;
                }
            }
        }
        return slots;
    }

    private int[] rebuilt(int length) {
        int[] table = new int[length];
        for (int n = 0; n < size; n++) {
            int i = slotOf(table, nodes[n]);
            if (table[i] != 0) {
                throw new IllegalStateException("duplicate node id " + nodes[n].id());
            }
            table[i] = n + 1;
        }
        return table;
    }

    /** The slot of {@code table} holding a node equal to {@code node}, or the empty slot where it would go. */
    private int slotOf(int[] table, Node node) {
        int mask = table.length - 1;
        int i = spread(node.hashCode()) & mask;
        for (int slot; (slot = table[i]) != 0; i = (i + 1) & mask) {
            Node candidate = nodes[slot - 1];
            if (candidate == node || candidate.equals(node)) {
                break;
            }
        }
        return i;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
