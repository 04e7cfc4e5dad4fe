package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.emit.style.OpFamily;
import io.github.nnvizonnx.model.Change;
import io.github.nnvizonnx.model.ChangeKind;
import io.github.nnvizonnx.model.ChangeMarks;
import io.github.nnvizonnx.model.DiffSummary;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.TensorEdge;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an emitter reads: the (already collapsed) graph, grouped for nesting. Emitters never change the model; they
 * walk {@link #nodesDirectlyIn} and {@link #boxesIn} from the root, then write {@link #edges}. A module holding a
 * single node (a torch {@code conv1} around its one Conv) gets no box of its own: its node is drawn in the enclosing
 * box and names the module instead ({@link #ownModule}); of nested such modules, the innermost with a known class.
 */
public final class Diagram {
    private final ModelGraph source;
    private final ModelGraph model;
    private final DrawOptions options;
    private final java.util.function.Supplier<ModelGraph> explorable;
    private final ChangeMarks marks;
    private final Map<ModulePath, List<Node>> nodesByBox = new LinkedHashMap<>();
    private final Map<ModulePath, Integer> nodesInside = new HashMap<>();
    private final Map<Node, Module> ownModules = new HashMap<>();

    /** A diagram of the whole model as it is, nothing collapsed: the model is both what is drawn and its source. */
    public static Diagram of(ModelGraph model, DrawOptions options) {
        return new Diagram(model, model, options, () -> model, ChangeMarks.NONE);
    }

    /**
     * A diagram of {@code drawn}, a view (collapsed, maybe one layer), finished by {@link ViewOf#from} with the model
     * it was made from. The two roles are named at the call, so they cannot be swapped silently: formats that keep
     * every level (JSON) read the source, the others the view.
     */
    public static ViewOf view(ModelGraph drawn) {
        return new ViewOf(drawn);
    }

    /** The first half of {@link #view}: the graph drawn, waiting for the model it was made from. */
    public static final class ViewOf {
        private final ModelGraph drawn;
        private java.util.function.Supplier<ModelGraph> explorable;
        private ChangeMarks marks = ChangeMarks.NONE;

        private ViewOf(ModelGraph drawn) {
            this.drawn = drawn;
        }

        /** What {@link Diagram#explorable()} gives, computed only if a format asks for it. */
        public ViewOf explorable(java.util.function.Supplier<ModelGraph> unfoldedView) {
            this.explorable = unfoldedView;
            return this;
        }

        /** The view marked with what a comparison of two models found ({@code nnviz-onnx diff}). */
        public ViewOf marked(ChangeMarks changeMarks) {
            this.marks = java.util.Objects.requireNonNull(changeMarks, "changeMarks");
            return this;
        }

        /** The diagram of the view, made from {@code wholeModel}, drawn with {@code options}. */
        public Diagram from(ModelGraph wholeModel, DrawOptions options) {
            return new Diagram(wholeModel, drawn, options, explorable != null ? explorable : () -> wholeModel, marks);
        }
    }

    private Diagram(ModelGraph source, ModelGraph view, DrawOptions options,
                    java.util.function.Supplier<ModelGraph> explorable, ChangeMarks marks) {
        this.source = source;
        this.model = view;
        this.options = options;
        this.explorable = explorable;
        this.marks = marks;
        Map<ModulePath, Integer> direct = new HashMap<>();
        for (Node n : model.graph().vertexSet()) {
            direct.merge(n.scope(), 1, Integer::sum);
        }
        direct.forEach((scope, count) -> {
            for (ModulePath p = scope; ; p = p.parent()) {
                nodesInside.merge(p, count, Integer::sum);
                if (p.isRoot()) {
                    break;
                }
            }
        });
        boolean boxes = options.style().boxes();
        for (Node n : model.graph().vertexSet()) {
            ModulePath box = n.scope();
            Module own = null;
            while (!box.isRoot() && (nodesInside.get(box) == 1 || !boxes)) {
                if (nodesInside.get(box) == 1) {
                    own = closerName(own, model.modules().require(box));
                }
                box = box.parent();
            }
            if (own != null) {
                ownModules.put(n, own);
            }
            nodesByBox.computeIfAbsent(box, s -> new ArrayList<>()).add(n);
        }
    }

    /**
     * Of two modules that hold only one node, {@code inner} found first: the one to name the node after. The innermost
     * module with a known class says most ({@code classifier.1 (Linear)}, not {@code classifier (Sequential)}); when
     * none has a class, the innermost. But a call named only after its class ({@code Conv2d}, as torch's
     * {@code export_modules_as_functions=True} leaves them) says less than a classed module around it: a ResNet's
     * downsample, a {@code Sequential} holding one {@code Conv2d}, is named {@code Sequential}, apart from the block's
     * own convolutions.
     */
    private static Module closerName(Module inner, Module outer) {
        if (inner == null || outer.className() != null && (inner.className() == null
                || Labels.namesClass(inner.title(), inner.className()))) {
            return outer;
        }
        return inner;
    }

    /** The same drawing flowing {@code direction}. */
    public Diagram withDirection(Direction direction) {
        return new Diagram(source, model, options.withDirection(direction), explorable, marks);
    }

    /** The graph as drawn. */
    public ModelGraph model() {
        return model;
    }

    /** The model before collapsing and selection. */
    public ModelGraph source() {
        return source;
    }

    /**
     * The model the view was made from with every module open and no run folded, but the same layer, hidden clutter
     * and sections: what an interactive format lets its reader open, where the view's modules and folds have the same
     * paths. Computed when asked for (the whole model when the view was not given one).
     */
    public ModelGraph explorable() {
        return explorable.get();
    }

    /** How the diagram is drawn: direction, style, legend. */
    public DrawOptions options() {
        return options;
    }

    /** The nodes drawn directly inside the box of {@code scope} (the root for the whole picture). */
    public List<Node> nodesDirectlyIn(ModulePath scope) {
        return nodesByBox.getOrDefault(scope, List.of());
    }

    /** The child modules of {@code scope} drawn as boxes: those holding two nodes or more (none without boxes). */
    public List<Module> boxesIn(ModulePath scope) {
        List<Module> result = new ArrayList<>();
        if (!options.style().boxes()) {
            return result;
        }
        for (Module m : model.modules().children(scope)) {
            if (nodesInside.getOrDefault(m.path(), 0) > 1) {
                result.add(m);
            }
        }
        return result;
    }

    /** The op families of the drawn nodes, in a fixed order: what a legend lists. */
    public java.util.Set<OpFamily> families() {
        java.util.Set<OpFamily> used = java.util.EnumSet.noneOf(OpFamily.class);
        for (Node n : model.graph().vertexSet()) {
            used.add(OpFamily.of(n));
        }
        return used;
    }

    /** The module a node stands for on its own (it is that module's only node), or null. */
    public Module ownModule(Node node) {
        return ownModules.get(node);
    }

    /** What a comparison of two models found about {@code node} (added, removed, changed), or null. */
    public Change change(Node node) {
        return marks.ofNode(node);
    }

    /**
     * What a comparison of two models found in the module at {@code path} of {@link #source()} (added, removed, or
     * a summary of the changes inside it), or null: for formats that carry the whole model, such as the explorer.
     */
    public Change changeOfModule(ModulePath path) {
        return marks.ofModule(path);
    }

    /** What a comparison of two models found about a module drawn as a box, or null. */
    public Change change(Module box) {
        return marks.ofBox(box);
    }

    /**
     * What a comparison found about an edge: removed when it leaves or enters a removed node, added when it leaves or
     * enters an added one; else null.
     */
    public Change change(TensorEdge edge) {
        Change from = marks.ofNode(source(edge));
        Change to = marks.ofNode(target(edge));
        for (ChangeKind kind : new ChangeKind[] {ChangeKind.REMOVED, ChangeKind.ADDED}) {
            if (from != null && from.kind() == kind || to != null && to.kind() == kind) {
                return Change.of(kind);
            }
        }
        return null;
    }

    /** The marks of a comparison read at the paths of {@link #source()} (not of a layer drawn alone). */
    public ChangeMarks sourceChanges() {
        return marks.within(ModulePath.ROOT);
    }

    /** The counts of the comparison drawn, or null when the diagram draws one model. */
    public DiffSummary changeSummary() {
        return marks.summary();
    }

    /** The kinds of change drawn, in a fixed order: what a legend lists (none for a drawing of one model). */
    public java.util.Set<ChangeKind> changeKinds() {
        java.util.Set<ChangeKind> used = java.util.EnumSet.noneOf(ChangeKind.class);
        if (marks == ChangeMarks.NONE) {
            return used;
        }
        for (Node n : model.graph().vertexSet()) {
            Change c = marks.ofNode(n);
            if (c != null) {
                used.add(c.kind());
            }
        }
        for (Module m : model.modules().all()) {
            Change c = nodesInside.getOrDefault(m.path(), 0) > 1 ? marks.ofBox(m) : null;
            if (c != null) {
                used.add(c.kind());
            }
        }
        return used;
    }

    /** The nodes drawn. */
    public Collection<Node> nodes() {
        return model.graph().vertexSet();
    }

    /** The tensors drawn between nodes. */
    public Collection<TensorEdge> edges() {
        return model.graph().edgeSet();
    }

    /** The node an edge leaves. */
    public Node source(TensorEdge e) {
        return model.graph().getEdgeSource(e);
    }

    /** The node an edge enters. */
    public Node target(TensorEdge e) {
        return model.graph().getEdgeTarget(e);
    }
}
