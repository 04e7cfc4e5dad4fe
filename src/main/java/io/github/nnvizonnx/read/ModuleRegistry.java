package io.github.nnvizonnx.read;

import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.read.hierarchy.ScopeSegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The modules of a model while it is imported, in the order they are made: module paths for the scopes nodes are
 * assigned to (one {@link ModulePath} instance per path, so that later lookups match by identity), modules registered
 * for function calls and control-flow bodies, and fresh child names for repeated calls.
 */
final class ModuleRegistry {
    private final Map<ModulePath, Module> modules = new LinkedHashMap<>();
    /** Module paths already made for a (base, scope list) pair: the nodes of one scope share one list. */
    private final Map<ModulePath, Map<List<ScopeSegment>, ModulePath>> scopePaths = new HashMap<>();
    /** For {@link #uniqueChild}: the next repeat number to try for each wanted child. */
    private final Map<ModulePath, Integer> nextRepeat = new HashMap<>();
    /** {@link #ensureModules}'s last question and answer. */
    private ModulePath lastBase;
    private List<ScopeSegment> lastRelative;
    private ModulePath lastPath;

    /** The root module: the graph's name, and the model's class when the convention knows it (else null). */
    void addRoot(String graphName, String rootClass) {
        String shortClass = rootClass == null ? null : new ScopeSegment("", rootClass).className();
        modules.put(ModulePath.ROOT, new Module(ModulePath.ROOT, graphName, shortClass, rootClass,
                ModuleKind.MODULE, 0));
    }

    /**
     * Makes the root the call that is the whole model: a function call (so that the shape run inlines it, as any
     * call), classed after the function.
     */
    void rootIsCall(String qualifiedClass) {
        Module root = modules.get(ModulePath.ROOT);
        modules.put(ModulePath.ROOT, new Module(ModulePath.ROOT, root.displayName(),
                new ScopeSegment("", qualifiedClass).className(), qualifiedClass, ModuleKind.FUNCTION, 0));
    }

    /**
     * The module path of a node: {@code relative} under {@code base}, its modules made where missing. Nodes of one
     * scope come in runs, so the last answer is kept apart from the map of all answers.
     */
    ModulePath ensureModules(ModulePath base, List<ScopeSegment> relative) {
        if (relative == lastRelative && base == lastBase) {
            return lastPath;
        }
        Map<List<ScopeSegment>, ModulePath> made = scopePaths.computeIfAbsent(base, b -> new IdentityHashMap<>());
        ModulePath path = made.get(relative);
        if (path == null) { // its modules exist otherwise, with the classes this list names
            // The levels it shares with the last path asked are made already: the walk starts below them.
            int shared = base == lastBase && lastRelative != null ? sharedLevels(relative, lastRelative) : 0;
            path = shared == 0 ? base : lastPath.prefix(base.length() + shared);
            for (ScopeSegment s : relative.subList(shared, relative.size())) {
                path = ensureChild(path, s);
            }
            made.put(relative, path);
        }
        lastBase = base;
        lastRelative = relative;
        lastPath = path;
        return path;
    }

    private static int sharedLevels(List<ScopeSegment> a, List<ScopeSegment> b) {
        int shared = 0;
        while (shared < a.size() && shared < b.size() && a.get(shared).equals(b.get(shared))) {
            shared++;
        }
        return shared;
    }

    private ModulePath ensureChild(ModulePath parent, ScopeSegment s) {
        ModulePath child = parent.child(s.name());
        Module existing = modules.get(child);
        if (existing == null) {
            modules.put(child, new Module(child, s.name(), s.className(), s.qualifiedClassName(), ModuleKind.MODULE,
                    0));
            return child;
        }
        if (existing.className() == null && s.className() != null) {
            modules.put(existing.path(), existing.withClassName(s.className(), s.qualifiedClassName()));
        }
        return existing.path();
    }

    /** Makes the module at {@code path} (a function call, a control-flow node or body), replacing any there. */
    ModulePath register(ModulePath path, String className, String qualifiedClassName, ModuleKind kind) {
        modules.put(path, new Module(path, path.last(), className, qualifiedClassName, kind, 0));
        return path;
    }

    /**
     * A child name not yet taken; repeats are numbered as torch numbers repeated calls ({@code If_1}). The next
     * number to try is remembered per name, so that thousands of calls of one name stay linear.
     */
    ModulePath uniqueChild(ModulePath parent, String wanted) {
        String name = wanted.isEmpty() ? "?" : wanted;
        ModulePath first = parent.child(name);
        ModulePath candidate = first;
        int k = nextRepeat.getOrDefault(first, 1);
        if (modules.containsKey(candidate)) {
            do {
                candidate = parent.child(name + "_" + k++);
            } while (modules.containsKey(candidate));
        }
        nextRepeat.put(first, k);
        return candidate;
    }

    /**
     * Moves each module in one of {@code moves}' keys, with the modules inside it, under the key's value; the order in
     * which modules were made is kept.
     */
    void move(Map<ModulePath, ModulePath> moves) {
        List<Module> all = new ArrayList<>(modules.values());
        modules.clear();
        for (Module m : all) {
            ModulePath to = GraphDraft.movedPath(m.path(), moves);
            String name = m.displayName().equals(m.path().last()) ? to.last() : m.displayName();
            modules.put(to, to == m.path() ? m
                    : new Module(to, name, m.className(), m.qualifiedClassName(), m.kind(), m.parameterCount()));
        }
        scopePaths.clear();
    }

    /**
     * The root and the modules in {@code used}, in the order they were made, each with its parameter count from
     * {@code totals} (0 when absent).
     */
    List<Module> kept(Set<ModulePath> used, Map<ModulePath, long[]> totals) {
        List<Module> kept = new ArrayList<>();
        for (Module m : modules.values()) {
            if (m.path().isRoot() || used.contains(m.path())) {
                long[] total = totals.get(m.path());
                kept.add(m.withParameterCount(total == null ? 0 : total[0]));
            }
        }
        return kept;
    }
}
