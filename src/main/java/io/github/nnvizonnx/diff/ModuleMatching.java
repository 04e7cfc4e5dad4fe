package io.github.nnvizonnx.diff;

import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.ModuleTree;
import io.github.nnvizonnx.model.OperationNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Which module of the new model is which module of the old one. From the root down, the children of two matched
 * modules are paired by name first ({@code layer1.0.conv1} is the same module in both whatever the exporter), then
 * by the names of the operations they hold; the rest, renamed or named by another exporter's convention, by
 * structure: class and the op types inside, then the op types alone, then the class alone, each in sibling order. A module left unpaired was added (new) or removed (old),
 * and so is everything inside it.
 */
final class ModuleMatching {
    private final Map<ModulePath, ModulePath> newToOld = new HashMap<>();
    private final Map<ModulePath, ModulePath> oldToNew = new HashMap<>();

    private ModuleMatching() {
    }

    static ModuleMatching of(ModelGraph old, ModelGraph neu) {
        ModuleMatching matching = new ModuleMatching();
        Map<ModulePath, Long> oldForms = contentForms(old);
        Map<ModulePath, Long> newForms = contentForms(neu);
        Map<ModulePath, List<String>> newNames = operationNamesInside(neu);
        Map<String, ModulePath> oldScopesByName = new HashMap<>();
        for (OperationNode op : old.nodes(OperationNode.class)) {
            oldScopesByName.putIfAbsent(op.name(), op.scope());
        }
        ArrayDeque<ModulePath> pending = new ArrayDeque<>();
        matching.pair(ModulePath.ROOT, ModulePath.ROOT);
        pending.add(ModulePath.ROOT);
        while (!pending.isEmpty()) {
            ModulePath newParent = pending.poll();
            ModulePath oldParent = matching.newToOld.get(newParent);
            List<Module> newChildren = new ArrayList<>(neu.modules().children(newParent));
            List<Module> oldChildren = new ArrayList<>(old.modules().children(oldParent));
            matching.pairBy(newChildren, oldChildren, (m, form) -> m.path().last(), newForms, oldForms);
            matching.pairBySharedOperations(newChildren, oldChildren, oldParent, newNames, oldScopesByName);
            matching.pairBy(newChildren, oldChildren, (m, form) -> m.className() == null ? null
                    : m.className() + "|" + form, newForms, oldForms);
            matching.pairBy(newChildren, oldChildren, (m, form) -> form == 0 ? null : Long.toString(form),
                    newForms, oldForms);
            matching.pairBy(newChildren, oldChildren, (m, form) -> m.className(), newForms, oldForms);
            for (Module m : neu.modules().children(newParent)) {
                if (matching.newToOld.containsKey(m.path())) {
                    pending.add(m.path());
                }
            }
        }
        return matching;
    }

    /** The old module matched with the new module {@code newPath}, or null when it was added. */
    ModulePath oldOf(ModulePath newPath) {
        return newToOld.get(newPath);
    }

    /** The new module matched with the old module {@code oldPath}, or null when it was removed. */
    ModulePath newOf(ModulePath oldPath) {
        return oldToNew.get(oldPath);
    }

    private void pair(ModulePath newPath, ModulePath oldPath) {
        newToOld.put(newPath, oldPath);
        oldToNew.put(oldPath, newPath);
    }

    /**
     * Pairs, in order, the modules of both lists that have the same key (null keys pair nothing), and takes them out
     * of the lists.
     */
    private void pairBy(List<Module> newChildren, List<Module> oldChildren, BiFunction<Module, Long, String> key,
                        Map<ModulePath, Long> newForms, Map<ModulePath, Long> oldForms) {
        if (newChildren.isEmpty() || oldChildren.isEmpty()) {
            return;
        }
        Map<String, ArrayDeque<Module>> oldByKey = new LinkedHashMap<>();
        for (Module m : oldChildren) {
            String k = key.apply(m, oldForms.getOrDefault(m.path(), 0L));
            if (k != null) {
                oldByKey.computeIfAbsent(k, x -> new ArrayDeque<>()).add(m);
            }
        }
        Set<Module> pairedOld = Collections.newSetFromMap(new IdentityHashMap<>());
        newChildren.removeIf(m -> {
            String k = key.apply(m, newForms.getOrDefault(m.path(), 0L));
            ArrayDeque<Module> candidates = k == null ? null : oldByKey.get(k);
            if (candidates == null || candidates.isEmpty()) {
                return false;
            }
            Module counterpart = candidates.poll();
            pair(m.path(), counterpart.path());
            pairedOld.add(counterpart);
            return true;
        });
        oldChildren.removeIf(pairedOld::contains);
    }

    /**
     * Pairs each new module with the old sibling holding most of the operations it holds by name, when that is more
     * than half of those the old model has: two exports by one exporter keep the node names ({@code Conv_31}) even where the modules are
     * named differently, and names tell apart siblings of equal structure (a block's {@code conv2} and its
     * {@code downsample}, both one Conv).
     */
    private void pairBySharedOperations(List<Module> newChildren, List<Module> oldChildren, ModulePath oldParent,
                                        Map<ModulePath, List<String>> newNames,
                                        Map<String, ModulePath> oldScopesByName) {
        if (newChildren.isEmpty() || oldChildren.isEmpty()) {
            return;
        }
        Map<ModulePath, Module> candidates = new HashMap<>();
        for (Module m : oldChildren) {
            candidates.put(m.path(), m);
        }
        Set<Module> pairedOld = Collections.newSetFromMap(new IdentityHashMap<>());
        newChildren.removeIf(m -> {
            List<String> names = newNames.getOrDefault(m.path(), List.of());
            Map<ModulePath, Integer> votes = new HashMap<>();
            int known = 0;
            for (String name : names) {
                ModulePath scope = oldScopesByName.get(name);
                known += scope == null ? 0 : 1;
                ModulePath child = scope == null ? null : childOf(oldParent, scope);
                if (child != null && candidates.containsKey(child)) {
                    votes.merge(child, 1, Integer::sum);
                }
            }
            ModulePath best = null;
            for (Map.Entry<ModulePath, Integer> vote : votes.entrySet()) {
                if (2 * vote.getValue() > known && (best == null || vote.getValue() > votes.get(best))) {
                    best = vote.getKey();
                }
            }
            if (best == null) {
                return false;
            }
            Module counterpart = candidates.remove(best);
            pair(m.path(), counterpart.path());
            pairedOld.add(counterpart);
            return true;
        });
        oldChildren.removeIf(pairedOld::contains);
    }

    /** The child of {@code parent} that holds {@code scope} (or is it), or null when {@code scope} is not inside. */
    private static ModulePath childOf(ModulePath parent, ModulePath scope) {
        if (scope.length() <= parent.length() || !parent.contains(scope)) {
            return null;
        }
        return scope.prefix(parent.length() + 1);
    }

    /** For each module, the names of the operations inside it at any depth. */
    private static Map<ModulePath, List<String>> operationNamesInside(ModelGraph model) {
        Map<ModulePath, List<String>> names = new HashMap<>();
        for (OperationNode op : model.nodes(OperationNode.class)) {
            for (ModulePath p = op.scope(); !p.isRoot(); p = p.parent()) {
                names.computeIfAbsent(p, x -> new ArrayList<>()).add(op.name());
            }
        }
        return names;
    }

    /**
     * For each module, a number standing for what it holds: how many operations of which types (counted whatever
     * their order and names), 0 for none. Two exports of one module agree on it; unrelated modules almost never do.
     */
    private static Map<ModulePath, Long> contentForms(ModelGraph model) {
        Map<ModulePath, Long> forms = new HashMap<>();
        ModuleTree tree = model.modules();
        for (OperationNode op : model.nodes(OperationNode.class)) {
            long symbol = mix(Objects.hash(OperationKeys.key(op)));
            for (ModulePath p = op.scope(); !p.isRoot(); p = p.parent()) {
                if (tree.get(p).isPresent()) {
                    forms.merge(p, symbol, Long::sum);
                }
            }
        }
        return forms;
    }

    /** Spreads a hash over 64 bits, so that sums of them rarely collide. */
    private static long mix(long h) {
        long z = h * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
