package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.internal.IntList;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.ModuleTree;
import io.github.nnvizonnx.model.Node;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which nodes of a model lie in which module: per module, its nodes (its own and its descendants') in node-number
 * order, and how many there are. Modules are numbered here (the root 0, then in tree order), so that the passes that
 * walk a large tree (folding twenty thousand layers) index arrays instead of hashing paths. A module's list is
 * joined from its descendants' only when asked for, so a pass that looks at a few modules pays for those alone.
 */
final class ModuleScopes {
    /** The number of a scope the tree does not hold. */
    static final int NONE = -1;

    private final Module[] modules;
    private final Map<ModulePath, Integer> ids;
    private final int[] parent;
    private final int[][] children;
    /** By node number: the number of the module it sits in directly, or {@link #NONE}. */
    private final int[] moduleOfNode;
    /** By module number: its own nodes, ascending; null for none. */
    private final int[][] direct;
    /** Nodes whose scope the tree lacks, by that scope: asked for by path alone. */
    private final Map<ModulePath, int[]> strays = new HashMap<>();
    private final int[] insideCount;
    private final int[][] gathered;

    ModuleScopes(ModelGraph model) {
        ModuleTree tree = model.modules();
        int count = tree.size();
        modules = new Module[count];
        ids = new HashMap<>(2 * count);
        modules[0] = tree.root();
        ids.put(ModulePath.ROOT, 0);
        int next = 1;
        for (Module m : tree.all()) {
            if (!m.path().isRoot()) {
                modules[next] = m;
                ids.put(m.path(), next++);
            }
        }
        parent = new int[count];
        children = new int[count][];
        for (int id = 0; id < count; id++) {
            List<ModulePath> childPaths = tree.childPaths(modules[id].path());
            children[id] = new int[childPaths.size()];
            for (int k = 0; k < childPaths.size(); k++) {
                int child = ids.get(childPaths.get(k));
                children[id][k] = child;
                parent[child] = id;
            }
        }
        parent[0] = NONE;
        moduleOfNode = new int[model.nodeNumbers()];
        Arrays.fill(moduleOfNode, NONE);
        int[] directCounts = new int[count];
        Map<ModulePath, IntList> strayLists = new HashMap<>();
        // Readers hand the nodes of one scope the same path object: each object is looked up once.
        Map<ModulePath, Integer> byScopeObject = new IdentityHashMap<>();
        ModulePath lastScope = null;
        int lastId = NONE;
        for (int number = 0; number < model.nodeNumbers(); number++) {
            Node n = model.nodeAt(number);
            if (n == null) {
                continue; // hidden in this view
            }
            if (n.scope() != lastScope) { // neighbours mostly share their scope
                lastScope = n.scope();
                lastId = byScopeObject.computeIfAbsent(lastScope, s -> ids.getOrDefault(s, NONE));
            }
            if (lastId == NONE) {
                strayLists.computeIfAbsent(lastScope, s -> new IntList()).add(number);
            } else {
                moduleOfNode[number] = lastId;
                directCounts[lastId]++;
            }
        }
        direct = new int[count][];
        int[] filled = new int[count];
        for (int number = 0; number < moduleOfNode.length; number++) {
            int id = moduleOfNode[number];
            if (id != NONE) {
                if (direct[id] == null) {
                    direct[id] = new int[directCounts[id]];
                }
                direct[id][filled[id]++] = number;
            }
        }
        strayLists.forEach((scope, numbers) -> strays.put(scope, numbers.toArray()));
        insideCount = new int[count];
        Arrays.fill(insideCount, -1);
        gathered = new int[count][];
    }

    /** The number of the module at {@code path}, or {@link #NONE}. */
    int idOf(ModulePath path) {
        return ids.getOrDefault(path, NONE);
    }

    Module module(int id) {
        return modules[id];
    }

    /** The number of the module's parent; {@link #NONE} for the root. */
    int parentOf(int id) {
        return parent[id];
    }

    /** The numbers of the modules directly inside module {@code id}, in order; not to be changed. */
    int[] childrenOf(int id) {
        return children[id];
    }

    /** The number of the module node {@code number} sits in directly, or {@link #NONE}. */
    int moduleOfNode(int number) {
        return moduleOfNode[number];
    }

    /** How many nodes lie in {@code path} or below it (counted, not gathered: asked of large modules too). */
    int nodesInside(ModulePath path) {
        int id = idOf(path);
        return id == NONE ? strayCount(path) : nodesInside(id);
    }

    int nodesInside(int id) {
        if (insideCount[id] < 0) {
            // children first, from the deepest, so that a tree thousands of levels deep does not recurse
            IntList order = subtree(id);
            for (int k = order.size() - 1; k >= 0; k--) {
                int m = order.get(k);
                if (insideCount[m] < 0) {
                    int sum = direct[m] == null ? 0 : direct[m].length;
                    for (int child : children[m]) {
                        sum += insideCount[child];
                    }
                    insideCount[m] = sum;
                }
            }
        }
        return insideCount[id];
    }

    /** How many nodes sit directly in {@code path}, not in a child module. */
    int nodesDirectlyIn(ModulePath path) {
        int id = idOf(path);
        if (id == NONE) {
            return strayCount(path);
        }
        return direct[id] == null ? 0 : direct[id].length;
    }

    /** The numbers of the nodes in {@code path} or below it, ascending. */
    int[] nodesOf(ModulePath path) {
        int id = idOf(path);
        return id == NONE ? strays.getOrDefault(path, new int[0]) : nodesOf(id);
    }

    int[] nodesOf(int id) {
        int[] known = gathered[id];
        if (known == null) {
            IntList all = new IntList(nodesInside(id));
            IntList order = subtree(id);
            for (int k = 0; k < order.size(); k++) {
                int[] own = direct[order.get(k)];
                if (own != null) {
                    all.addAll(own);
                }
            }
            known = all.toArray();
            Arrays.sort(known);
            gathered[id] = known;
        }
        return known;
    }

    /** Module {@code id} and every module below it, parents before their children, without recursion. */
    private IntList subtree(int id) {
        IntList order = new IntList();
        order.add(id);
        for (int k = 0; k < order.size(); k++) {
            order.addAll(children[order.get(k)]);
        }
        return order;
    }

    private int strayCount(ModulePath path) {
        int[] nodes = strays.get(path);
        return nodes == null ? 0 : nodes.length;
    }
}
