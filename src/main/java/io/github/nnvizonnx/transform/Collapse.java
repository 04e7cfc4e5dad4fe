package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.TensorEdge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;

/**
 * Collapses modules into single nodes: everything inside a chosen module becomes one {@link ModuleNode} in the
 * module's parent; edges crossing the module's boundary are re-attached to it with their tensors, edges inside it
 * disappear, and a tensor that entered or left the module several times is drawn once. Modules inside a collapsed
 * module are dropped from the tree. A module holding a single node is left as it is: the node already says all a
 * summary would.
 */
public final class Collapse {
    private Collapse() {
    }

    public static ModelGraph apply(ModelGraph model, Set<ModulePath> toCollapse) {
        if (toCollapse.isEmpty()) {
            return model;
        }
        Graph<Node, TensorEdge> graph = model.graph();
        CollapsedAncestors ancestors = new CollapsedAncestors(toCollapse);
        Map<ModulePath, List<Node>> members = new LinkedHashMap<>();
        for (Node n : graph.vertexSet()) {
            ModulePath outermost = ancestors.of(n);
            if (!outermost.isRoot()) {
                members.computeIfAbsent(outermost, p -> new ArrayList<>()).add(n);
            }
        }
        members.values().removeIf(inside -> inside.size() < 2);
        Set<ModulePath> collapsed = members.keySet();
        Map<ModulePath, ModuleNode> replacements = new HashMap<>();
        int next = 0;
        for (Map.Entry<ModulePath, List<Node>> e : members.entrySet()) {
            replacements.put(e.getKey(), summarize(model, e.getKey(), e.getValue(), "c" + next++));
        }

        ModelGraph.Builder builder = new ModelGraph.Builder(model.info());
        Representatives representatives = new Representatives(ancestors, replacements);
        Set<Node> addedReplacements = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Node n : graph.vertexSet()) {
            Node rep = representatives.of(n);
            if (rep == n || addedReplacements.add(rep)) { // the graph's own nodes are distinct already
                builder.addNode(rep);
            }
        }
        Set<List<String>> seen = new HashSet<>();
        for (TensorEdge e : graph.edgeSet()) {
            Node source = graph.getEdgeSource(e);
            Node target = graph.getEdgeTarget(e);
            Node from = representatives.of(source);
            Node to = representatives.of(target);
            if (from == to && (from instanceof ModuleNode)) {
                continue;
            }
            boolean merged = from != source || to != target;
            if (!merged || seen.add(List.of(from.id(), to.id(), e.tensor().name()))) {
                builder.addEdge(from, to, e.tensor(), e.isTopLevel());
            }
        }
        List<Module> kept = new ArrayList<>();
        for (Module m : model.modules().all()) {
            if (m.path().isRoot() || outermostCollapsed(m.path().parent(), collapsed) == null) {
                kept.add(m);
            }
        }
        return builder.modules(kept).parameters(model.parameters()).build();
    }

    /**
     * How many nodes {@link #apply} would leave, counted without building anything: one per collapsed module that
     * holds nodes (a module holding one node leaves that node), plus every node outside them.
     */
    public static int nodeCount(ModelGraph model, Set<ModulePath> toCollapse) {
        CollapsedAncestors ancestors = new CollapsedAncestors(toCollapse);
        Set<ModulePath> boxes = new HashSet<>();
        int outside = 0;
        for (Node n : model.graph().vertexSet()) {
            ModulePath outermost = ancestors.of(n);
            if (outermost.isRoot()) {
                outside++;
            } else {
                boxes.add(outermost);
            }
        }
        return outside + boxes.size();
    }

    /**
     * The outermost module of {@code toCollapse} holding a node, or ROOT for none. Many nodes share a scope: each
     * scope's answer is worked out once, and neighbouring nodes, which mostly share their scope, reuse the last one.
     */
    private static final class CollapsedAncestors {
        private final Set<ModulePath> toCollapse;
        private final Map<ModulePath, ModulePath> known = new HashMap<>();
        private ModulePath lastScope;
        private ModulePath lastAncestor;

        CollapsedAncestors(Set<ModulePath> toCollapse) {
            this.toCollapse = toCollapse;
        }

        ModulePath of(Node n) {
            if (n.scope() != lastScope) {
                lastScope = n.scope();
                lastAncestor = known.computeIfAbsent(lastScope,
                        scope -> orRoot(outermostCollapsed(scope, toCollapse)));
            }
            return lastAncestor;
        }
    }

    /**
     * The node that stands for each node: its collapsed module's node, or itself. Neighbouring nodes mostly share a
     * collapsed module, so the last module's node is kept: a million-node graph then needs few map lookups.
     */
    private static final class Representatives {
        private final CollapsedAncestors ancestors;
        private final Map<ModulePath, ModuleNode> replacements;
        private ModulePath lastAncestor;
        private ModuleNode lastReplacement;

        Representatives(CollapsedAncestors ancestors, Map<ModulePath, ModuleNode> replacements) {
            this.ancestors = ancestors;
            this.replacements = replacements;
        }

        Node of(Node n) {
            ModulePath ancestor = ancestors.of(n);
            if (ancestor != lastAncestor) {
                lastAncestor = ancestor;
                lastReplacement = replacements.get(ancestor);
            }
            return lastReplacement == null ? n : lastReplacement;
        }
    }

    private static ModulePath orRoot(ModulePath path) {
        return path == null ? ModulePath.ROOT : path;
    }

    /** The shortest non-root prefix of {@code scope} (itself included) that is in {@code set}, or null. */
    private static ModulePath outermostCollapsed(ModulePath scope, Set<ModulePath> set) {
        ModulePath found = null;
        for (ModulePath p = scope; !p.isRoot(); p = p.parent()) {
            if (set.contains(p)) {
                found = p;
            }
        }
        return found;
    }

    private static ModuleNode summarize(ModelGraph model, ModulePath path, List<Node> inside, String idSuffix) {
        Module module = model.modules().require(path);
        LinkedHashSet<String> opTypes = new LinkedHashSet<>();
        int operations = 0;
        for (Node n : inside) {
            if (n instanceof OperationNode op && !op.isConstant()) {
                opTypes.add(op.opType());
                operations++;
            } else if (n instanceof ModuleNode m) {
                opTypes.addAll(m.opTypes());
                operations += m.operationCount();
            }
        }
        String id = inside.get(0).id() + idSuffix;
        return new ModuleNode(id, module, path.parent(), module.parameterCount(), operations, List.copyOf(opTypes));
    }
}
