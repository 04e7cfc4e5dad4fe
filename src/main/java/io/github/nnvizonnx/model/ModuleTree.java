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
    /** {@link #depth} of every module, and the modules at each depth; computed on first use. */
    private volatile Depths depths;

    private record Depths(Map<ModulePath, Integer> byPath, List<List<Module>> byDepth) {
    }

    /** The tree of {@code modules}, which hold the root and each module's parent. */
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

    /** The whole model's module. */
    public Module root() {
        return modules.get(ModulePath.ROOT);
    }

    /** The module at {@code path}, if any. */
    public Optional<Module> get(ModulePath path) {
        return Optional.ofNullable(modules.get(path));
    }

    /** The module at {@code path}; an error when there is none. */
    public Module require(ModulePath path) {
        Module m = modules.get(path);
        if (m == null) {
            throw new IllegalArgumentException("no module " + path);
        }
        return m;
    }

    /** The modules directly inside {@code path}, in order. */
    public List<Module> children(ModulePath path) {
        List<ModulePath> paths = children.getOrDefault(path, List.of());
        List<Module> result = new ArrayList<>(paths.size());
        for (ModulePath p : paths) {
            result.add(modules.get(p));
        }
        return result;
    }

    /** The paths of the modules directly inside {@code path}, in order; nothing is copied (walks of large trees). */
    public List<ModulePath> childPaths(ModulePath path) {
        return Collections.unmodifiableList(children.getOrDefault(path, List.of()));
    }

    /** Every module, the root included. */
    public Collection<Module> all() {
        return Collections.unmodifiableCollection(modules.values());
    }

    /** How many modules there are, the root included. */
    public int size() {
        return modules.size();
    }

    /** How many module levels (kinds that count for {@code --depth}) lead from the root to {@code path}, itself included. */
    public int depth(ModulePath path) {
        Integer memo = depths().byPath().get(path);
        return memo != null ? memo : depthByPrefixes(path);
    }

    /** The modules of depth {@code depth} ({@link #depth}), in tree order: the root alone is at depth 0. */
    public List<Module> atDepth(int depth) {
        List<List<Module>> byDepth = depths().byDepth();
        return depth >= 0 && depth < byDepth.size() ? Collections.unmodifiableList(byDepth.get(depth)) : List.of();
    }

    /** The largest {@link #depth} of a module of this tree. */
    public int maxDepth() {
        return depths().byDepth().size() - 1;
    }

    private Depths depths() {
        Depths known = depths;
        if (known == null) {
            Map<ModulePath, Integer> byPath = new HashMap<>();
            List<List<Module>> byDepth = new ArrayList<>();
            for (Module m : modules.values()) {
                int depth = depthOfMember(m.path(), byPath);
                while (byDepth.size() <= depth) {
                    byDepth.add(new ArrayList<>());
                }
                byDepth.get(depth).add(m);
            }
            known = new Depths(byPath, byDepth);
            depths = known;
        }
        return known;
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
