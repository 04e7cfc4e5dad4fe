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

/**
 * Collapses modules into single nodes: everything inside a chosen module becomes one {@link ModuleNode} in the
 * module's parent; edges crossing the module's boundary are re-attached to it with their tensors, edges inside it
 * disappear, and a tensor that entered or left the module several times is drawn once. Modules inside a collapsed
 * module are dropped from the tree. A module holding a single node is left as it is: the node already says all a
 * summary would.
 */
final class Collapse {
    private Collapse() {
    }

    public static ModelGraph apply(ModelGraph model, Set<ModulePath> toCollapse) {
        if (toCollapse.isEmpty()) {
            return model;
        }
        // Per-node state lives in arrays by node number: a million-node graph needs no list or lookup per node.
        CollapsedAncestors ancestors = new CollapsedAncestors(toCollapse);
        Map<ModulePath, Box> boxes = new LinkedHashMap<>();
        Box[] boxOf = new Box[model.nodeNumbers()];
        Box last = null;
        for (int number = 0; number < boxOf.length; number++) {
            Node n = model.nodeAt(number);
            if (n == null) {
                continue; // hidden in this view
            }
            ModulePath outermost = ancestors.of(n);
            if (outermost.isRoot()) {
                continue;
            }
            if (last == null || last.path != outermost) { // neighbours mostly share their box
                last = boxes.computeIfAbsent(outermost, Box::new);
            }
            last.add(n);
            boxOf[number] = last;
        }
        Set<ModulePath> collapsed = new HashSet<>();
        int next = 0;
        for (Box box : boxes.values()) {
            if (box.size >= 2) { // a module holding a single node is left as it is
                box.node = box.summary(model, "c" + next++);
                collapsed.add(box.path);
            }
        }

        ModelGraph.Builder builder = new ModelGraph.Builder(model.info());
        for (int number = 0; number < boxOf.length; number++) {
            Node n = model.nodeAt(number);
            if (n == null) {
                continue;
            }
            Box box = boxOf[number];
            if (box == null || box.node == null) {
                builder.addNode(n);
            } else if (!box.added) {
                builder.addNode(box.node);
                box.added = true;
            }
        }
        Set<List<String>> seen = new HashSet<>();
        for (TensorEdge e : model.graph().edgeSet()) {
            int sourceNumber = model.sourceNumberOf(e);
            int targetNumber = model.targetNumberOf(e);
            Box sourceBox = boxOf[sourceNumber];
            Box targetBox = boxOf[targetNumber];
            ModuleNode fromBox = sourceBox == null ? null : sourceBox.node;
            ModuleNode toBox = targetBox == null ? null : targetBox.node;
            if (fromBox != null && fromBox == toBox) {
                continue; // inside one collapsed module
            }
            Node from = fromBox != null ? fromBox : model.nodeAt(sourceNumber);
            Node to = toBox != null ? toBox : model.nodeAt(targetNumber);
            if (from == to && from instanceof ModuleNode) {
                continue; // a module node of an earlier collapse, looping on itself
            }
            boolean merged = fromBox != null || toBox != null;
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
     * The nodes inside one module chosen for collapsing, summed up as they are met: how many, the first one's id,
     * and the op types and operation count its {@link ModuleNode} shows.
     */
    private static final class Box {
        final ModulePath path;
        int size;
        String firstId;
        int operations;
        final LinkedHashSet<String> opTypes = new LinkedHashSet<>();
        /** Op type added last: neighbours often share it, and it is then not hashed again. */
        private String lastOpType;
        /** The node standing for the module; null while unknown and for a module left as it is. */
        ModuleNode node;
        boolean added;

        Box(ModulePath path) {
            this.path = path;
        }

        void add(Node n) {
            if (size++ == 0) {
                firstId = n.id();
            }
            if (n instanceof OperationNode op && !op.isConstant()) {
                if (op.opType() != lastOpType) {
                    opTypes.add(op.opType());
                    lastOpType = op.opType();
                }
                operations++;
            } else if (n instanceof ModuleNode m) {
                opTypes.addAll(m.opTypes());
                lastOpType = null;
                operations += m.operationCount();
            }
        }

        ModuleNode summary(ModelGraph model, String idSuffix) {
            Module module = model.modules().require(path);
            return new ModuleNode(firstId + idSuffix, module, path.parent(), module.parameterCount(), operations,
                    List.copyOf(opTypes));
        }
    }

    /**
     * How many nodes {@link #apply} would leave, counted without building anything: one per collapsed module that
     * holds nodes (a module holding one node leaves that node), plus every node outside them.
     */
    public static int nodeCount(ModelGraph model, Set<ModulePath> toCollapse) {
        CollapsedAncestors ancestors = new CollapsedAncestors(toCollapse);
        Set<ModulePath> boxes = new HashSet<>();
        ModulePath lastBox = null;
        int outside = 0;
        for (Node n : model.graph().vertexSet()) {
            ModulePath outermost = ancestors.of(n);
            if (outermost.isRoot()) {
                outside++;
            } else if (outermost != lastBox) { // neighbours mostly share their box
                boxes.add(outermost);
                lastBox = outermost;
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
}
