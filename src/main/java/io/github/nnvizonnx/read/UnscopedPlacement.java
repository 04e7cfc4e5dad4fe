package io.github.nnvizonnx.read;

import io.github.nnvizonnx.model.ModulePath;
import java.util.BitSet;

/**
 * Places the operations whose names carry no scope, in a convention that reads scopes from names (torch's
 * post-processing {@code Gather_12} or {@code Identity_7} between two layers of {@code roi_heads}), in the module
 * that all their neighbours share. Connected operations without a scope move together, as one group: the group goes
 * to the deepest module holding every producer and consumer it has outside itself, when that module lies inside the
 * one the group was put in (the root, or the body being read). A group that reads a model input or feeds an output
 * has a neighbour at the root, so it stays there.
 */
final class UnscopedPlacement {
    private final GraphDraft draft;
    private final BitSet unscoped;
    /** Union-find over node indices: the group each operation without a scope belongs to. */
    private final int[] group;
    /** Per group (at its representative): the module all its outside neighbours share, or null while none is seen. */
    private final ModulePath[] shared;
    /** Per group: the module holding all its members as they were put. */
    private final ModulePath[] home;

    private UnscopedPlacement(GraphDraft draft) {
        this.draft = draft;
        this.unscoped = draft.unscopedOperations();
        int size = draft.size();
        group = new int[size];
        for (int i = 0; i < size; i++) {
            group[i] = i;
        }
        shared = new ModulePath[size];
        home = new ModulePath[size];
    }

    /** Moves every group of operations without a scope in {@code draft} to the module its neighbours share. */
    static void place(GraphDraft draft) {
        if (!draft.unscopedOperations().isEmpty()) {
            new UnscopedPlacement(draft).run();
        }
    }

    private void run() {
        int edges = draft.edgeCount();
        for (int e = 0; e < edges; e++) {
            int source = draft.edgeSource(e);
            int target = draft.edgeTarget(e);
            if (unscoped.get(source) && unscoped.get(target)) {
                join(source, target);
            }
        }
        for (int e = 0; e < edges; e++) {
            int source = draft.edgeSource(e);
            int target = draft.edgeTarget(e);
            noteNeighbour(source, target);
            noteNeighbour(target, source);
        }
        for (int id = unscoped.nextSetBit(0); id >= 0; id = unscoped.nextSetBit(id + 1)) {
            int g = find(id);
            home[g] = home[g] == null ? draft.scope(id) : home[g].commonAncestor(draft.scope(id));
        }
        for (int id = unscoped.nextSetBit(0); id >= 0; id = unscoped.nextSetBit(id + 1)) {
            int g = find(id);
            ModulePath target = shared[g];
            if (target != null && home[g].contains(target) && !home[g].equals(target)) {
                draft.setScope(id, target);
            }
        }
    }

    /** {@code neighbour} produces for or consumes from {@code node}: it counts when it is outside node's group. */
    private void noteNeighbour(int node, int neighbour) {
        if (!unscoped.get(node)) {
            return;
        }
        int g = find(node);
        if (unscoped.get(neighbour) && find(neighbour) == g) {
            return;
        }
        ModulePath s = draft.scope(neighbour);
        shared[g] = shared[g] == null ? s : shared[g].commonAncestor(s);
    }

    private int find(int id) {
        int root = id;
        while (group[root] != root) {
            root = group[root];
        }
        while (group[id] != root) { // path compression: later finds are one step
            int next = group[id];
            group[id] = root;
            id = next;
        }
        return root;
    }

    private void join(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            group[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
