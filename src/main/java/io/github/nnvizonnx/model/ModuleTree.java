package io.github.nnvizonnx.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The modules of a model by path, in order of first appearance, with the root always present. */
public final class ModuleTree {
    private final Map<ModulePath, Module> modules;
    private final Map<ModulePath, List<ModulePath>> children;
    /** {@link #depth} of every module, computed on first use. */
    private volatile Map<ModulePath, Integer> depths;

    public ModuleTree(Collection<Module> modules) {
        this.modules = new LinkedHashMap<>();
        this.children = new LinkedHashMap<>();
        for (Module m : modules) {
            this.modules.put(m.path(), m);
        }
        this.modules.putIfAbsent(ModulePath.ROOT, new Module(ModulePath.ROOT, "", null, null, ModuleKind.MODULE, 0));
        for (ModulePath path : this.modules.keySet()) {
            if (!path.isRoot()) {
                if (!this.modules.containsKey(path.parent())) {
                    throw new IllegalArgumentException("module " + path + " has no parent in the tree");
                }
                children.computeIfAbsent(path.parent(), p -> new ArrayList<>()).add(path);
            }
        }
    }

    public Module root() {
        return modules.get(ModulePath.ROOT);
    }

    public Optional<Module> get(ModulePath path) {
        return Optional.ofNullable(modules.get(path));
    }

    public Module require(ModulePath path) {
        Module m = modules.get(path);
        if (m == null) {
            throw new IllegalArgumentException("no module " + path);
        }
        return m;
    }

    public List<Module> children(ModulePath path) {
        List<ModulePath> paths = children.getOrDefault(path, List.of());
        List<Module> result = new ArrayList<>(paths.size());
        for (ModulePath p : paths) {
            result.add(modules.get(p));
        }
        return result;
    }

    public Collection<Module> all() {
        return Collections.unmodifiableCollection(modules.values());
    }

    public int size() {
        return modules.size();
    }

    /** How many module levels (kinds that count for {@code --depth}) lead from the root to {@code path}, itself included. */
    public int depth(ModulePath path) {
        Map<ModulePath, Integer> known = depths;
        if (known == null) {
            known = new HashMap<>();
            for (ModulePath p : modules.keySet()) {
                depthOfMember(p, known);
            }
            depths = known;
        }
        Integer memo = known.get(path);
        return memo != null ? memo : depthByPrefixes(path);
    }

    /** The depth of a module of the tree, from its parent's: once per module instead of once per prefix. */
    private int depthOfMember(ModulePath path, Map<ModulePath, Integer> known) {
        Integer memo = known.get(path);
        if (memo != null) {
            return memo;
        }
        int depth = path.isRoot() ? 0 : depthOfMember(path.parent(), known)
                + (modules.get(path).kind().countsForDepth() ? 1 : 0);
        known.put(path, depth);
        return depth;
    }

    private int depthByPrefixes(ModulePath path) {
        int depth = 0;
        for (int i = 1; i <= path.length(); i++) {
            Module m = modules.get(path.prefix(i));
            if (m != null && m.kind().countsForDepth()) {
                depth++;
            }
        }
        return depth;
    }

    /** Finds a module by a path typed by a user ({@code layer1.0} or {@code model/conv2d}). */
    public Optional<Module> find(String userPath) {
        for (Module m : modules.values()) {
            if (!m.path().isRoot() && m.path().matches(userPath)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
