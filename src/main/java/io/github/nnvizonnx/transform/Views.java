package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.ModuleTree;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Applies {@link ViewOptions}: the layer selection, then hiding clutter, then one collapse of everything chosen. */
public final class Views {
    private Views() {
    }

    public static ModelGraph apply(ModelGraph model, ViewOptions options) {
        return collapse(prepare(model, options), options);
    }

    /**
     * The first steps of {@link #apply}: the layer selected and clutter hidden, nothing collapsed yet. Drawing one
     * model at several depths ({@code --fit github}) prepares it once and collapses it per depth.
     */
    public static ModelGraph prepare(ModelGraph model, ViewOptions options) {
        ModelGraph view = model;
        if (options.layer() != null) {
            view = SelectLayer.apply(view, find(view.modules(), options.layer()).path());
        }
        if (!options.showConstants()) {
            view = HideClutter.apply(view);
        }
        return view;
    }

    /** The last step of {@link #apply}, on a model from {@link #prepare} with the same layer and clutter options. */
    public static ModelGraph collapse(ModelGraph prepared, ViewOptions options) {
        return Collapse.apply(prepared, modulesToCollapse(prepared.modules(), options));
    }

    /** How many nodes {@link #collapse} would draw, counted without building the collapsed graph. */
    public static int nodeCountAfterCollapse(ModelGraph prepared, ViewOptions options) {
        return Collapse.nodeCount(prepared, modulesToCollapse(prepared.modules(), options));
    }

    static Set<ModulePath> modulesToCollapse(ModuleTree tree, ViewOptions options) {
        Set<ModulePath> chosen = new LinkedHashSet<>();
        for (String userPath : options.collapse()) {
            chosen.add(find(tree, userPath).path());
        }
        if (!options.expandSubgraphs()) {
            for (Module m : tree.all()) {
                if (m.kind() == ModuleKind.CONTROL_FLOW && !m.path().isRoot()) {
                    chosen.add(m.path());
                }
            }
        }
        if (options.depth() != null && options.depth() > 0) { // the modules at that depth, not all of them
            for (Module m : tree.atDepth(options.depth())) {
                if (m.kind().countsForDepth()) {
                    chosen.add(m.path());
                }
            }
        }
        return chosen;
    }

    /**
     * Checks that every module {@code options} names ({@code --layer}, {@code --collapse}) exists, so that a typo is
     * reported before anything slow runs (the onnxruntime run); throws {@link UnknownModuleException} otherwise.
     */
    public static void requireNamedModules(ModelGraph model, ViewOptions options) {
        if (options.layer() != null) {
            find(model.modules(), options.layer());
        }
        for (String userPath : options.collapse()) {
            find(model.modules(), userPath);
        }
    }

    /** The deepest module depth in the tree: {@code --depth} beyond it changes nothing. */
    public static int maxDepth(ModelGraph model) {
        return model.modules().maxDepth();
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
