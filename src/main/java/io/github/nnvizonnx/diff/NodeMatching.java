package io.github.nnvizonnx.diff;

import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which node of the new model is which node of the old one, within modules already matched
 * ({@link ModuleMatching}): operations by their place in the module's order and their op type
 * ({@link SequenceAlignment} of the op types, {@link OperationKeys}), inputs and outputs by tensor name, then by
 * order. A node belongs here to its innermost module that has a counterpart: an exporter that leaves out the leaf
 * modules (torch's functions export keeps no {@code conv1} module inside {@code BasicBlock}) puts the same operations
 * one level up, and they still match.
 */
final class NodeMatching {
    private final Pairs<Node> pairs = new Pairs<>();

    private NodeMatching() {
    }

    static NodeMatching of(ModelGraph old, ModelGraph neu, ModuleMatching modules) {
        NodeMatching matching = new NodeMatching();
        // both grouped by the new path of their innermost matched module
        Map<ModulePath, ScopeNodes> oldScopes = byScope(old, p -> modules.newOf(p));
        Map<String, Integer> symbols = new HashMap<>();
        Map<ModulePath, ScopeNodes> newScopes = byScope(neu, p -> modules.oldOf(p) != null ? p : null);
        newScopes.forEach((scope, newNodes) -> {
            ScopeNodes oldNodes = oldScopes.get(scope);
            if (oldNodes != null) {
                matching.alignOperations(oldNodes.operations, newNodes.operations, symbols, true);
                matching.pairBoundaries(oldNodes.boundaries, newNodes.boundaries);
            }
        });
        matching.alignLeftovers(oldScopes, newScopes, symbols);
        return matching;
    }

    /**
     * Operations left unmatched in their modules, matched level by level up the tree, by op type only: one exporter
     * puts a block's second ReLU in a module {@code relu#2} of its own, another in the block's {@code relu} (the same
     * module object, called twice); under the block, the two meet. The root is left out: there, operations of
     * unrelated modules would meet.
     */
    private void alignLeftovers(Map<ModulePath, ScopeNodes> oldScopes, Map<ModulePath, ScopeNodes> newScopes,
                                Map<String, Integer> symbols) {
        Map<Node, ModulePath> oldLeft = leftovers(oldScopes, pairs::hasOld);
        Map<Node, ModulePath> newLeft = leftovers(newScopes, pairs::hasNew);
        int deepest = 0;
        for (ModulePath anchor : newLeft.values()) {
            deepest = Math.max(deepest, anchor.length());
        }
        for (int level = deepest; level >= 1 && !oldLeft.isEmpty() && !newLeft.isEmpty(); level--) {
            Map<ModulePath, List<Node>> oldGroups = groupsAt(oldLeft, level);
            for (Map.Entry<ModulePath, List<Node>> group : groupsAt(newLeft, level).entrySet()) {
                List<Node> olds = oldGroups.get(group.getKey());
                if (olds != null) {
                    alignOperations(olds, group.getValue(), symbols, false);
                }
            }
            oldLeft.keySet().removeIf(pairs::hasOld);
            newLeft.keySet().removeIf(pairs::hasNew);
        }
    }

    /** The unmatched operations of {@code scopes}, in order, with the module they were aligned in. */
    private static Map<Node, ModulePath> leftovers(Map<ModulePath, ScopeNodes> scopes,
                                                  java.util.function.Predicate<Node> matched) {
        Map<Node, ModulePath> left = new LinkedHashMap<>();
        scopes.forEach((anchor, nodes) -> {
            for (Node n : nodes.operations) {
                if (!matched.test(n)) {
                    left.put(n, anchor);
                }
            }
        });
        return left;
    }

    /** The operations whose module is {@code level} deep or deeper, by their module's ancestor at that depth. */
    private static Map<ModulePath, List<Node>> groupsAt(Map<Node, ModulePath> left, int level) {
        Map<ModulePath, List<Node>> groups = new LinkedHashMap<>();
        left.forEach((n, anchor) -> {
            if (anchor.length() >= level) {
                groups.computeIfAbsent(anchor.prefix(level), p -> new ArrayList<>()).add(n);
            }
        });
        return groups;
    }

    /** The old node matched with {@code newNode}, or null when it was added. */
    Node oldOf(Node newNode) {
        return pairs.oldOf(newNode);
    }

    /** The new node matched with {@code oldNode}, or null when it was removed. */
    Node newOf(Node oldNode) {
        return pairs.newOf(oldNode);
    }

    private void pair(Node newNode, Node oldNode) {
        pairs.pair(newNode, oldNode);
    }

    private void alignOperations(List<Node> oldOps, List<Node> newOps, Map<String, Integer> symbols,
                                 boolean replacements) {
        int[] oldSymbols = symbols(oldOps, symbols);
        int[] newSymbols = symbols(newOps, symbols);
        int[] pairs = replacements ? SequenceAlignment.align(oldSymbols, newSymbols)
                : SequenceAlignment.alignEqual(oldSymbols, newSymbols);
        for (int j = 0; j < pairs.length; j++) {
            if (pairs[j] >= 0) {
                pair(newOps.get(j), oldOps.get(pairs[j]));
            }
        }
    }

    private static int[] symbols(List<Node> nodes, Map<String, Integer> symbols) {
        int[] result = new int[nodes.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = symbols.computeIfAbsent(key(nodes.get(i)), k -> symbols.size());
        }
        return result;
    }

    private static String key(Node node) {
        if (node instanceof OperationNode op) {
            return OperationKeys.key(op);
        }
        ModuleNode collapsed = (ModuleNode) node; // a JSON model written collapsed
        return "module " + collapsed.module().className() + " " + collapsed.module().path().last();
    }

    /** Inputs with inputs and outputs with outputs: by tensor name, then the rest in order. */
    private void pairBoundaries(List<Node> oldNodes, List<Node> newNodes) {
        Map<String, Node> oldByName = new LinkedHashMap<>();
        for (Node n : oldNodes) {
            oldByName.putIfAbsent(boundaryKey(n), n);
        }
        List<Node> unpairedNew = new ArrayList<>();
        for (Node n : newNodes) {
            Node counterpart = oldByName.remove(boundaryKey(n));
            if (counterpart != null) {
                pair(n, counterpart);
            } else {
                unpairedNew.add(n);
            }
        }
        List<Node> unpairedOld = new ArrayList<>(oldByName.values());
        for (Node n : unpairedNew) {
            for (int i = 0; i < unpairedOld.size(); i++) {
                if (unpairedOld.get(i).getClass() == n.getClass()) {
                    pair(n, unpairedOld.remove(i));
                    break;
                }
            }
        }
    }

    private static String boundaryKey(Node n) {
        return n instanceof InputNode in ? "in " + in.tensor().name() : "out " + ((OutputNode) n).tensor().name();
    }

    /** A module's own nodes in the graph's order: operations (and collapsed modules) apart from inputs and outputs. */
    private static final class ScopeNodes {
        final List<Node> operations = new ArrayList<>();
        final List<Node> boundaries = new ArrayList<>();
    }

    /**
     * The nodes of {@code model} by the innermost module of theirs that {@code matched} maps to a path (not null),
     * keyed by that path.
     */
    private static Map<ModulePath, ScopeNodes> byScope(ModelGraph model, Function<ModulePath, ModulePath> matched) {
        Map<ModulePath, ScopeNodes> scopes = new LinkedHashMap<>();
        Map<ModulePath, ModulePath> anchors = new HashMap<>();
        for (Node n : model.nodes()) {
            ModulePath anchor = anchors.computeIfAbsent(n.scope(), scope -> {
                for (ModulePath p = scope; ; p = p.parent()) {
                    ModulePath key = matched.apply(p);
                    if (key != null || p.isRoot()) {
                        return key != null ? key : ModulePath.ROOT;
                    }
                }
            });
            ScopeNodes nodes = scopes.computeIfAbsent(anchor, s -> new ScopeNodes());
            if (n instanceof InputNode || n instanceof OutputNode) {
                nodes.boundaries.add(n);
            } else {
                nodes.operations.add(n);
            }
        }
        return scopes;
    }
}
