package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.ModuleTree;
import io.github.nnvizonnx.model.OperationNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How much of a model its If/Loop/Scan black boxes hide. A model built around one If (a voice-activity detector
 * switching on the sample rate) would otherwise draw as {@code input → Equal → If → output}: when the boxes hide more
 * than half of the operations, the default view opens them, and says so.
 *
 * @param boxes the outermost control-flow modules, each drawn as one node when closed
 * @param hidden the operations those nodes would hide: everything inside them but the If/Loop/Scan themselves
 * @param operations every operation of the model
 */
public record ControlFlowShare(List<ModulePath> boxes, int hidden, int operations) {
    public ControlFlowShare {
        boxes = List.copyOf(boxes);
    }

    /** The share in {@code model}, counted over its operations. */
    public static ControlFlowShare of(ModelGraph model) {
        ModuleTree tree = model.modules();
        if (tree.all().stream().noneMatch(m -> m.kind() == ModuleKind.CONTROL_FLOW)) {
            // most models: no box, so no operation needs looking up
            return new ControlFlowShare(List.of(), 0, model.nodes(OperationNode.class).size());
        }
        Map<ModulePath, ModulePath> outermostBox = new HashMap<>(); // per scope: many operations share one
        Set<ModulePath> boxes = new LinkedHashSet<>();
        int inside = 0;
        int operations = 0;
        ModulePath lastScope = null;
        ModulePath box = ModulePath.ROOT;
        for (OperationNode op : model.nodes(OperationNode.class)) {
            operations++;
            if (op.scope() != lastScope) { // neighbours mostly share their scope
                lastScope = op.scope();
                box = outermostBox.computeIfAbsent(lastScope, scope -> outermostControlFlow(tree, scope));
            }
            if (!box.isRoot()) {
                inside++;
                boxes.add(box);
            }
        }
        return new ControlFlowShare(List.copyOf(boxes), inside - boxes.size(), operations);
    }

    /** The outermost control-flow module holding {@code scope}, itself included; ROOT for none. */
    private static ModulePath outermostControlFlow(ModuleTree tree, ModulePath scope) {
        for (int length = 1; length <= scope.length(); length++) {
            ModulePath prefix = scope.prefix(length);
            if (tree.get(prefix).map(m -> m.kind() == ModuleKind.CONTROL_FLOW).orElse(false)) {
                return prefix;
            }
        }
        return ModulePath.ROOT;
    }

    /** Whether closed boxes would hide more than half of the operations. */
    public boolean hidesMost() {
        return 2L * hidden > operations;
    }

    /**
     * {@code view} with the bodies drawn open when the boxes hide most of the model, the view did not ask for them
     * and names not all of them in {@code --collapse} (a box named there stays closed either way); otherwise
     * {@code view} itself.
     */
    public ViewOptions open(ViewOptions view) {
        return !view.expandSubgraphs() && hidesMost() && !opened(view).isEmpty() ? view.withExpandSubgraphs(true)
                : view;
    }

    /**
     * What the summary line says when {@link #open} opened the boxes for {@code view}, e.g.
     * {@code ; If_0 drawn open: it holds 34 of the 37 operations (--collapse If_0 closes it)}.
     */
    public String openedNote(ViewOptions view) {
        List<ModulePath> opened = opened(view);
        String names = opened.stream().limit(3).map(ModulePath::dotted).collect(Collectors.joining(", "))
                + (opened.size() > 3 ? " and " + (opened.size() - 3) + " more" : "");
        boolean one = boxes.size() == 1;
        return String.format(Locale.ROOT, "; %s drawn open: %s %,d of the %,d operations (--collapse %s closes %s)",
                names, one ? "it holds" : "they hold", hidden, operations, opened.get(0).dotted(),
                one ? "it" : "one");
    }

    /** The boxes {@code view} does not name in {@code --collapse}. */
    private List<ModulePath> opened(ViewOptions view) {
        return boxes.stream().filter(box -> view.collapse().stream().noneMatch(box::matches)).toList();
    }
}
