package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.internal.IntList;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.ModuleTree;
import io.github.nnvizonnx.model.Node;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which nodes of a model lie in which module: per module, its nodes (its own and its descendants') in node-number
 * order, and how many there are. Nodes of one scope are gathered in one pass; a module's list is joined from its
 * descendants' only when asked for, so a pass that looks at a few modules pays for those alone.
 */
final class ModuleScopes {
    private final ModuleTree tree;
    /** Node numbers by the scope they sit in directly, each array in number order. */
    private final Map<ModulePath, int[]> direct = new HashMap<>();
    private final Map<ModulePath, int[]> gathered = new HashMap<>();
    private final Map<ModulePath, Integer> inside = new HashMap<>();

    ModuleScopes(ModelGraph model) {
        this.tree = model.modules();
        // Readers hand the nodes of one scope the same path object: gathered by identity first (cheap for a
        // million nodes), then equal paths of different objects joined.
        Map<ModulePath, IntList> byScope = new IdentityHashMap<>();
        ModulePath lastScope = null;
        IntList last = null;
        for (int number = 0; number < model.nodeNumbers(); number++) {
            Node n = model.nodeAt(number);
            if (n == null) {
                continue; // hidden in this view
            }
            if (n.scope() != lastScope) { // neighbours mostly share their scope
                lastScope = n.scope();
                last = byScope.computeIfAbsent(lastScope, s -> new IntList());
            }
            last.add(number);
        }
        byScope.forEach((scope, numbers) -> direct.merge(scope, numbers.toArray(), ModuleScopes::joined));
    }

    private static int[] joined(int[] a, int[] b) {
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        Arrays.sort(both);
        return both;
    }

    /** How many nodes lie in {@code path} or below it (counted, not gathered: asked of large modules too). */
    int nodesInside(ModulePath path) {
        int[] known = gathered.get(path);
        if (known != null) {
            return known.length;
        }
        Integer count = inside.get(path);
        if (count == null) {
            int sum = nodesDirectlyIn(path);
            for (ModulePath child : tree.childPaths(path)) {
                sum += nodesInside(child);
            }
            count = sum;
            inside.put(path, count);
        }
        return count;
    }

    /** How many nodes sit directly in {@code path}, not in a child module. */
    int nodesDirectlyIn(ModulePath path) {
        int[] nodes = direct.get(path);
        return nodes == null ? 0 : nodes.length;
    }

    /** The numbers of the nodes in {@code path} or below it, ascending. */
    int[] nodesOf(ModulePath path) {
        int[] known = gathered.get(path);
        if (known == null) {
            IntList all = new IntList();
            gather(path, all);
            known = all.toArray();
            Arrays.sort(known);
            gathered.put(path, known);
        }
        return known;
    }

    private void gather(ModulePath path, IntList into) {
        int[] own = direct.get(path);
        if (own != null) {
            into.addAll(own);
        }
        for (ModulePath child : tree.childPaths(path)) {
            gather(child, into);
        }
    }

}
