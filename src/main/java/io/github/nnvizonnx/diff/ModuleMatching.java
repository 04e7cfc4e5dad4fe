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
 * modules are paired by name first ({@code layer1.0.conv1} is the same module in both whatever the exporter); the
 * rest, renamed or named by another exporter's convention, by structure: class and the op types inside, then the op
 * types alone, then the class alone, each in sibling order. A module left unpaired was added (new) or removed (old),
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
        ArrayDeque<ModulePath> pending = new ArrayDeque<>();
        matching.pair(ModulePath.ROOT, ModulePath.ROOT);
        pending.add(ModulePath.ROOT);
        while (!pending.isEmpty()) {
            ModulePath newParent = pending.poll();
            ModulePath oldParent = matching.newToOld.get(newParent);
            List<Module> newChildren = new ArrayList<>(neu.modules().children(newParent));
            List<Module> oldChildren = new ArrayList<>(old.modules().children(oldParent));
            matching.pairBy(newChildren, oldChildren, (m, form) -> m.path().last(), newForms, oldForms);
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
