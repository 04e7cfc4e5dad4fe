package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.ModuleTree;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Applies {@link ViewOptions}: the layer selection, then hiding clutter, then one collapse of everything chosen. */
public final class Views {
    private Views() {
    }

    public static ModelGraph apply(ModelGraph model, ViewOptions options) {
        return apply(model, options, path -> null);
    }

    /** {@link #apply(ModelGraph, ViewOptions)}, folding only blocks of one {@code foldGroup} together. */
    public static ModelGraph apply(ModelGraph model, ViewOptions options, Function<ModulePath, Object> foldGroup) {
        ViewOptions resolved = resolveNamedModules(model, options);
        return collapse(prepare(model, resolved, foldGroup), resolved);
    }

    /**
     * The first steps of {@link #apply}: the layer selected, clutter hidden and repeated blocks folded, nothing
     * collapsed yet. Drawing one model at several depths ({@code --fit github}) prepares it once and collapses it per
     * depth.
     */
    public static ModelGraph prepare(ModelGraph model, ViewOptions options) {
        return prepare(model, options, path -> null);
    }

    /**
     * {@link #prepare(ModelGraph, ViewOptions)}, where runs fold only within one {@code foldGroup}
     * ({@link FoldRepeats#apply(ModelGraph, Function)}); it is asked by the module's path in {@code model}.
     */
    public static ModelGraph prepare(ModelGraph model, ViewOptions options, Function<ModulePath, Object> foldGroup) {
        ModelGraph view = model;
        Function<ModulePath, Object> group = foldGroup;
        if (options.layer() != null) {
            ModulePath layer = find(view.modules(), options.layer()).path();
            view = SelectLayer.apply(view, layer);
            group = path -> foldGroup.apply(layer.append(path));
        }
        if (!options.showConstants()) {
            view = HideClutter.apply(view);
        }
        if (options.autoDepth()) {
            view = FlatSections.apply(view, options.maxNodes());
        }
        if (options.fold()) {
            view = FoldRepeats.apply(view, group);
        }
        return view;
    }

    /**
     * The last steps of {@link #apply}, on a model from {@link #prepare} with the same layer and clutter options:
     * the collapse, then a quantized tensor's scale and zero point merged into its edge wherever they run alongside
     * it (collapsing makes such pairs, so this comes after it), and the quantize → dequantize chains still drawn as
     * operations read past ({@link QdqChains}) unless constants are shown.
     */
    public static ModelGraph collapse(ModelGraph prepared, ViewOptions options) {
        ModelGraph collapsed = Collapse.apply(prepared, modulesToCollapse(prepared, options));
        ModelGraph merged = QuantizedEdges.apply(collapsed, QuantizedTensors.of(prepared));
        return options.showConstants() ? merged : QdqChains.apply(merged);
    }

    /** How many nodes {@link #collapse} would draw, counted without building the collapsed graph. */
    public static int nodeCountAfterCollapse(ModelGraph prepared, ViewOptions options) {
        return Collapse.nodeCount(prepared, modulesToCollapse(prepared, options));
    }

    /**
     * What to draw as single nodes: the modules named, black-box control flow, whole leaves at a finite depth, and
     * the modules at the depth asked for or those the budget leaves closed.
     */
    static Set<ModulePath> modulesToCollapse(ModelGraph prepared, ViewOptions options) {
        ModuleTree tree = prepared.modules();
        Set<ModulePath> chosen = new LinkedHashSet<>();
        for (String userPath : options.collapse()) {
            chosen.add(findDrawn(tree, userPath).path());
        }
        Set<ModulePath> named = Set.copyOf(chosen);
        if (!options.expandSubgraphs()) {
            for (Module m : tree.all()) {
                if (m.kind() == ModuleKind.CONTROL_FLOW && !m.path().isRoot()) {
                    chosen.add(m.path());
                }
            }
        }
        if (options.depth() == null && !options.autoDepth()) {
            return chosen; // every level
        }
        ModuleScopes scopes = new ModuleScopes(prepared);
        chosen.addAll(WholeLeaves.of(tree, scopes));
        if (options.autoDepth()) {
            chosen.addAll(DetailBudget.closedModules(tree, scopes, chosen, named, options.maxNodes()));
        } else { // the modules at that depth, not all of them
            for (Module m : tree.atDepth(options.depth())) {
                if (m.kind().countsForDepth()) {
                    chosen.add(m.path());
                }
            }
        }
        return chosen;
    }

    /**
     * Checks the modules {@code options} names ({@code --layer}, {@code --collapse}) before anything slow runs (the
     * onnxruntime run), and returns the options with each {@code --collapse} path as the drawn tree names it: with a
     * layer, a module inside it may be given by its path inside the layer ({@code 0}) or by its full path
     * ({@code layer1.0}). Throws {@link UnknownModuleException} for a module not found.
     */
    public static ViewOptions resolveNamedModules(ModelGraph model, ViewOptions options) {
        ModuleTree tree = model.modules();
        if (options.layer() == null) {
            options.collapse().forEach(userPath -> find(tree, userPath));
            return options;
        }
        ModulePath layer = find(tree, options.layer()).path();
        List<String> collapse = new ArrayList<>();
        for (String userPath : options.collapse()) {
            collapse.add(insideLayer(tree, layer, userPath).dotted());
        }
        return options.withCollapse(collapse);
    }

    /** A module strictly inside {@code layer}, as a path relative to it; by relative path first, then by full path. */
    private static ModulePath insideLayer(ModuleTree tree, ModulePath layer, String userPath) {
        List<ModulePath> inside = new ArrayList<>();
        for (Module m : tree.all()) {
            if (!m.path().equals(layer) && layer.contains(m.path())) {
                ModulePath relative = m.path().relativeTo(layer);
                if (relative.matches(userPath)) {
                    return relative;
                }
                inside.add(relative);
            }
        }
        for (ModulePath relative : inside) {
            if (layer.append(relative).matches(userPath)) {
                return relative;
            }
        }
        String names = inside.stream().filter(p -> p.length() == 1).limit(12).map(ModulePath::dotted)
                .collect(Collectors.joining(", "));
        throw new UnknownModuleException("no module named '" + userPath + "' inside layer '" + layer.dotted()
                + "'; its modules: " + (names.isEmpty() ? "(none)" : names));
    }

    /**
     * The views to try when a drawing must fit a limit ({@code --fit github}), most detailed first: {@code requested},
     * then each fixed depth shallower than it that can make a difference, down to 1 (from the deepest module's depth
     * when {@code requested} draws every level or chooses its detail by budget).
     */
    public static List<ViewOptions> fitCandidates(ViewOptions requested, int deepestModule) {
        List<ViewOptions> views = new ArrayList<>();
        views.add(requested);
        int next = requested.autoDepth() || requested.depth() == null ? deepestModule
                : Math.min(requested.depth() - 1, deepestModule);
        for (int d = next; d >= 1; d--) {
            views.add(requested.withDepth(d));
        }
        return views;
    }

    /** The deepest module depth in the tree: {@code --depth} beyond it changes nothing. */
    public static int maxDepth(ModelGraph model) {
        return model.modules().maxDepth();
    }

    /** A module of a prepared tree, also when named by its path in a member that a fold drew as the first one. */
    private static Module findDrawn(ModuleTree tree, String userPath) {
        return tree.find(userPath).or(() -> FoldedNames.find(tree, userPath)).orElseGet(() -> find(tree, userPath));
    }

    private static Module find(ModuleTree tree, String userPath) {
        return tree.find(userPath).orElseThrow(() -> new UnknownModuleException("no module named '" + userPath
                + "'; top-level modules: " + topLevel(tree)));
    }

    private static String topLevel(ModuleTree tree) {
        List<Module> children = tree.children(ModulePath.ROOT);
        if (children.isEmpty()) {
            return "(none, this model has no hierarchy)";
        }
        String names = children.stream().limit(12).map(m -> m.path().dotted()).collect(Collectors.joining(", "));
        return children.size() > 12 ? names + ", …" : names;
    }
}
