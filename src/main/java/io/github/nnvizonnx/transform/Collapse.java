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
        Map<ModulePath, List<Node>> members = new LinkedHashMap<>();
        Map<Node, ModulePath> owner = new HashMap<>();
        for (Node n : graph.vertexSet()) {
            ModulePath outermost = outermostCollapsed(n.scope(), toCollapse);
            if (outermost != null) {
                owner.put(n, outermost);
                members.computeIfAbsent(outermost, p -> new ArrayList<>()).add(n);
            }
        }
        members.values().removeIf(inside -> inside.size() < 2);
        owner.keySet().removeIf(n -> !members.containsKey(owner.get(n)));
        Set<ModulePath> collapsed = members.keySet();
        Map<ModulePath, ModuleNode> replacements = new HashMap<>();
        int next = 0;
        for (Map.Entry<ModulePath, List<Node>> e : members.entrySet()) {
            replacements.put(e.getKey(), summarize(model, e.getKey(), e.getValue(), "c" + next++));
        }

        ModelGraph.Builder builder = new ModelGraph.Builder(model.info());
        Map<Node, Node> representative = new HashMap<>();
        for (Node n : graph.vertexSet()) {
            ModulePath o = owner.get(n);
            Node rep = o == null ? n : replacements.get(o);
            representative.put(n, rep);
            if (!builder.containsNode(rep)) {
                builder.addNode(rep);
            }
        }
        Set<List<String>> seen = new HashSet<>();
        for (TensorEdge e : graph.edgeSet()) {
            Node from = representative.get(graph.getEdgeSource(e));
            Node to = representative.get(graph.getEdgeTarget(e));
            if (from == to && (from instanceof ModuleNode)) {
                continue;
            }
            boolean merged = from != graph.getEdgeSource(e) || to != graph.getEdgeTarget(e);
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

    private static ModulePath outermostCollapsed(ModulePath scope, Set<ModulePath> toCollapse) {
        for (int i = 1; i <= scope.length(); i++) {
            ModulePath prefix = scope.prefix(i);
            if (toCollapse.contains(prefix)) {
                return prefix;
            }
        }
        return null;
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
