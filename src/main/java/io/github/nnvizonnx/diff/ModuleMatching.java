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
    private final Pairs<ModulePath> pairs = new Pairs<>();

    private ModuleMatching() {
    }

    static ModuleMatching of(ModelGraph old, ModelGraph neu) {
        ModuleMatching matching = new ModuleMatching();
        Contents oldContents = new Contents(old);
        Contents newContents = new Contents(neu);
        Map<String, ModulePath> oldScopesByName = null; // made when first needed: most modules match by name
        ArrayDeque<ModulePath> pending = new ArrayDeque<>();
        matching.pair(ModulePath.ROOT, ModulePath.ROOT);
        pending.add(ModulePath.ROOT);
        while (!pending.isEmpty()) {
            ModulePath newParent = pending.poll();
            ModulePath oldParent = matching.pairs.oldOf(newParent);
            List<Module> newChildren = new ArrayList<>(neu.modules().children(newParent));
            List<Module> oldChildren = new ArrayList<>(old.modules().children(oldParent));
            matching.pairBy(newChildren, oldChildren, (m, form) -> m.path().last(), null, null);
            if (!newChildren.isEmpty() && !oldChildren.isEmpty()) {
                if (oldScopesByName == null) {
                    oldScopesByName = new HashMap<>();
                    for (OperationNode op : old.nodes(OperationNode.class)) {
                        oldScopesByName.putIfAbsent(op.name(), op.scope());
                    }
                }
                matching.pairBySharedOperations(newChildren, oldChildren, oldParent, newContents, oldScopesByName);
                matching.pairBy(newChildren, oldChildren, (m, form) -> m.className() == null ? null
                        : m.className() + "|" + form, newContents, oldContents);
                matching.pairBy(newChildren, oldChildren, (m, form) -> form == 0 ? null : Long.toString(form),
                        newContents, oldContents);
                matching.pairBy(newChildren, oldChildren, (m, form) -> m.className(), null, null);
            }
            for (Module m : neu.modules().children(newParent)) {
                if (matching.pairs.hasNew(m.path())) {
                    pending.add(m.path());
                }
            }
        }
        return matching;
    }

    /** The old module matched with the new module {@code newPath}, or null when it was added. */
    ModulePath oldOf(ModulePath newPath) {
        return pairs.oldOf(newPath);
    }

    /** The new module matched with the old module {@code oldPath}, or null when it was removed. */
    ModulePath newOf(ModulePath oldPath) {
        return pairs.newOf(oldPath);
    }

    private void pair(ModulePath newPath, ModulePath oldPath) {
        pairs.pair(newPath, oldPath);
    }

    /**
     * Pairs, in order, the modules of both lists that have the same key (null keys pair nothing), and takes them out
     * of the lists.
     */
    private void pairBy(List<Module> newChildren, List<Module> oldChildren, BiFunction<Module, Long, String> key,
                        Contents newContents, Contents oldContents) {
        if (newChildren.isEmpty() || oldChildren.isEmpty()) {
            return;
        }
        Map<String, ArrayDeque<Module>> oldByKey = new LinkedHashMap<>();
        for (Module m : oldChildren) {
            String k = key.apply(m, oldContents == null ? 0L : oldContents.form(m.path()));
            if (k != null) {
                oldByKey.computeIfAbsent(k, x -> new ArrayDeque<>()).add(m);
            }
        }
        Set<Module> pairedOld = Collections.newSetFromMap(new IdentityHashMap<>());
        newChildren.removeIf(m -> {
            String k = key.apply(m, newContents == null ? 0L : newContents.form(m.path()));
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
                                        Contents newContents, Map<String, ModulePath> oldScopesByName) {
        if (newChildren.isEmpty() || oldChildren.isEmpty()) {
            return;
        }
        Map<ModulePath, Module> candidates = new HashMap<>();
        for (Module m : oldChildren) {
            candidates.put(m.path(), m);
        }
        Set<Module> pairedOld = Collections.newSetFromMap(new IdentityHashMap<>());
        newChildren.removeIf(m -> {
            List<String> names = newContents.namesInside(m.path());
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

    /**
     * What the modules of one model hold, worked out only for the modules asked about (those not matched by name):
     * the names of the operations inside, and a number standing for how many operations of which types they hold
     * (counted whatever their order and names; 0 for none). Two exports of one module agree on the number; unrelated
     * modules almost never do.
     */
    private static final class Contents {
        private final ModuleTree tree;
        private final Map<ModulePath, List<OperationNode>> direct = new HashMap<>();
        private final Map<ModulePath, Long> forms = new HashMap<>();

        Contents(ModelGraph model) {
            this.tree = model.modules();
            for (OperationNode op : model.nodes(OperationNode.class)) {
                direct.computeIfAbsent(op.scope(), s -> new ArrayList<>()).add(op);
            }
        }

        long form(ModulePath path) {
            Long known = forms.get(path);
            if (known != null) {
                return known;
            }
            long form = 0;
            for (OperationNode op : direct.getOrDefault(path, List.of())) {
                form += mix(OperationKeys.key(op).hashCode());
            }
            for (ModulePath child : tree.childPaths(path)) {
                form += form(child);
            }
            forms.put(path, form);
            return form;
        }

        List<String> namesInside(ModulePath path) {
            List<String> names = new ArrayList<>();
            collectNames(path, names);
            return names;
        }

        private void collectNames(ModulePath path, List<String> names) {
            for (OperationNode op : direct.getOrDefault(path, List.of())) {
                names.add(op.name());
            }
            for (ModulePath child : tree.childPaths(path)) {
                collectNames(child, names);
            }
        }
    }

    /** Spreads a hash over 64 bits, so that sums of them rarely collide. */
    private static long mix(long h) {
        long z = h * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
