package io.github.nnvizonnx.read;

import io.github.nnvizonnx.model.ModulePath;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Places the operations whose names carry no scope, in a convention that reads scopes from names (torch's
 * post-processing {@code Gather_12} or {@code Identity_7} between two layers of {@code roi_heads}), in the module
 * that all their neighbours share. Connected operations without a scope move together, as one group: the group goes
 * to the deepest module holding every producer and consumer it has outside itself, when that module lies inside the
 * one the group was put in (the root, or the body being read). A group that reads a model input or feeds an output
 * has a neighbour at the root, so it stays there.
 *
 * <p>An If, Loop or Scan without a scope ({@code If_1098} in a detection model's proposal filtering) moves with its
 * bodies: the region module holding them goes under the new module, and what its bodies read from outside (values
 * they capture) counts among its neighbours. An operation with bodies stands where its region module stands, in
 * that module's parent.
 */
final class UnscopedPlacement {
    private final GraphDraft draft;
    private final ModuleRegistry modules;
    private final BitSet unscoped;
    /**
     * Per node: itself, or the unscoped operation with bodies whose region holds it (the outermost one), so that an
     * edge into a body counts as an edge into that operation.
     */
    private final int[] owner;
    /** Union-find over node indices: the group each operation without a scope belongs to. */
    private final int[] group;
    /** Per group (at its representative): the module all its outside neighbours share, or null while none is seen. */
    private final ModulePath[] shared;
    /** Per group: the module holding all its members as they were put. */
    private final ModulePath[] home;

    private UnscopedPlacement(GraphDraft draft, ModuleRegistry modules) {
        this.draft = draft;
        this.modules = modules;
        this.unscoped = draft.unscopedOperations();
        int size = draft.size();
        group = new int[size];
        for (int i = 0; i < size; i++) {
            group[i] = i;
        }
        owner = owners();
        shared = new ModulePath[size];
        home = new ModulePath[size];
    }

    /** Moves every group of operations without a scope in {@code draft} to the module its neighbours share. */
    static void place(GraphDraft draft, ModuleRegistry modules) {
        if (!draft.unscopedOperations().isEmpty()) {
            new UnscopedPlacement(draft, modules).run();
        }
    }

    private void run() {
        int edges = draft.edgeCount();
        for (int e = 0; e < edges; e++) {
            int source = owner[draft.edgeSource(e)];
            int target = owner[draft.edgeTarget(e)];
            if (source != target && unscoped.get(source) && unscoped.get(target)) {
                join(source, target);
            }
        }
        for (int e = 0; e < edges; e++) {
            int source = owner[draft.edgeSource(e)];
            int target = owner[draft.edgeTarget(e)];
            if (source != target) {
                noteNeighbour(source, target);
                noteNeighbour(target, source);
            }
        }
        for (int id = unscoped.nextSetBit(0); id >= 0; id = unscoped.nextSetBit(id + 1)) {
            if (owner[id] == id) {
                int g = find(id);
                home[g] = home[g] == null ? position(id) : home[g].commonAncestor(position(id));
            }
        }
        Map<ModulePath, ModulePath> regionMoves = new LinkedHashMap<>();
        for (int id = unscoped.nextSetBit(0); id >= 0; id = unscoped.nextSetBit(id + 1)) {
            int g = find(id);
            ModulePath target = shared[g];
            if (owner[id] != id || target == null || !home[g].contains(target) || home[g].equals(target)) {
                continue;
            }
            if (draft.holdsBodies(id)) {
                ModulePath region = draft.scope(id);
                regionMoves.put(region, modules.uniqueChild(target, region.last()));
            } else {
                draft.setScope(id, target);
            }
        }
        if (!regionMoves.isEmpty()) {
            modules.move(regionMoves);
            draft.moveRegions(regionMoves);
        }
    }

    /** Where a node stands among modules: its module, or for an operation with bodies the parent of its region. */
    private ModulePath position(int node) {
        ModulePath scope = draft.scope(node);
        return draft.holdsBodies(node) && !scope.isRoot() ? scope.parent() : scope;
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
        ModulePath s = position(neighbour);
        shared[g] = shared[g] == null ? s : shared[g].commonAncestor(s);
    }

    /** {@link #owner} for every node; the identity unless an unscoped operation has bodies. */
    private int[] owners() {
        int size = draft.size();
        int[] owners = new int[size];
        Map<ModulePath, Integer> regions = new HashMap<>();
        for (int id = unscoped.nextSetBit(0); id >= 0; id = unscoped.nextSetBit(id + 1)) {
            if (draft.holdsBodies(id)) {
                regions.put(draft.scope(id), id);
            }
        }
        // nodes of one module share its path object: each distinct path is looked up once
        Map<ModulePath, Integer> ownerOfPath = new IdentityHashMap<>();
        for (int id = 0; id < size; id++) {
            owners[id] = id;
            ModulePath scope = draft.scope(id);
            if (regions.isEmpty() || scope == null) {
                continue;
            }
            Integer found = ownerOfPath.computeIfAbsent(scope, s -> outermostRegion(s, regions));
            if (found >= 0 && found != id) {
                owners[id] = found;
            }
        }
        return owners;
    }

    /** The unscoped operation whose region is the outermost one holding {@code path}, or -1. */
    private static int outermostRegion(ModulePath path, Map<ModulePath, Integer> regions) {
        int found = -1;
        for (ModulePath p = path; !p.isRoot(); p = p.parent()) {
            Integer region = regions.get(p);
            if (region != null) {
                found = region;
            }
        }
        return found;
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
