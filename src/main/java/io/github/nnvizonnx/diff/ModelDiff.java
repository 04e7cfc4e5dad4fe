package io.github.nnvizonnx.diff;

import io.github.nnvizonnx.model.Change;
import io.github.nnvizonnx.model.ChangeKind;
import io.github.nnvizonnx.model.ChangeMarks;
import io.github.nnvizonnx.model.DiffSummary;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OutputNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Two models compared: the new one with what was added, removed (put back as ghosts, {@link MergedGraph}) and
 * changed marked, ready to be drawn like any model. Modules are matched by path, then by structure
 * ({@link ModuleMatching}); nodes within matched modules by order and op type ({@link NodeMatching}); what differs
 * between matched ones is said in a few words ({@link Differences}).
 * <pre>{@code
 * ModelDiff diff = ModelDiff.of(oldModel, newModel);
 * diff.summary().line();   // modules: 8 added, 0 removed, 3 changed; operations: …
 * }</pre>
 */
public final class ModelDiff {
    private final ModelGraph merged;
    private final DiffMarks marks;

    private ModelDiff(ModelGraph merged, DiffMarks marks) {
        this.merged = merged;
        this.marks = marks;
    }

    /** Compares {@code old} with {@code neu}, named in the summary by their sources. */
    public static ModelDiff of(ModelGraph old, ModelGraph neu) {
        ModuleMatching modules = ModuleMatching.of(old, neu);
        NodeMatching nodes = NodeMatching.of(old, neu, modules);
        MergedGraph.Merged merged = MergedGraph.of(old, neu, modules, nodes);
        Differences differences = new Differences(old, neu);
        Counter counter = new Counter();

        Map<String, Change> nodeMarks = new HashMap<>();
        for (Node n : neu.nodes()) {
            Node counterpart = nodes.oldOf(n);
            Change change = counterpart == null ? Change.of(ChangeKind.ADDED)
                    : changed(differences.between(counterpart, n));
            counter.node(n, change, nodeMarks);
        }
        for (Node ghost : merged.ghostNodes()) {
            counter.node(ghost, Change.of(ChangeKind.REMOVED), nodeMarks);
        }
        Map<ModulePath, Change> moduleMarks = new HashMap<>();
        for (Module m : neu.modules().all()) {
            ModulePath counterpart = modules.oldOf(m.path());
            if (counterpart == null) {
                moduleMarks.put(m.path(), Change.of(ChangeKind.ADDED));
                counter.modulesAdded++;
            } else {
                Change own = changed(differences.between(old.modules().require(counterpart), m));
                if (own != null) {
                    moduleMarks.put(m.path(), own);
                }
            }
        }
        for (ModulePath ghost : merged.ghostModules()) {
            moduleMarks.put(ghost, Change.of(ChangeKind.REMOVED));
            counter.modulesRemoved++;
        }
        Map<ModulePath, int[]> inside = inside(merged.model(), nodeMarks);
        for (Module m : neu.modules().all()) {
            Change own = moduleMarks.get(m.path());
            boolean matched = own == null || own.kind() == ChangeKind.CHANGED;
            if (!m.path().isRoot() && matched && (own != null || inside.containsKey(m.path()))) {
                counter.modulesChanged++;
            }
        }
        DiffSummary summary = new DiffSummary(old.info().source(), neu.info().source(), counter.modulesAdded,
                counter.modulesRemoved, counter.modulesChanged, counter.operations[0], counter.operations[1],
                counter.operations[2], counter.boundaries, old.totalParameters(), neu.totalParameters());
        return new ModelDiff(merged.model(), new DiffMarks(nodeMarks, moduleMarks, inside, summary, null));
    }

    /** The new model with the removed parts put back as ghosts: what a drawing of the comparison draws. */
    public ModelGraph merged() {
        return merged;
    }

    /** What is added, removed and changed, for each node and module of {@link #merged()}. */
    public ChangeMarks marks() {
        return marks;
    }

    /** The counts: modules and operations added, removed and changed, parameter totals before and after. */
    public DiffSummary summary() {
        return marks.summary();
    }

    private static Change changed(String detail) {
        return detail.isEmpty() ? null : new Change(ChangeKind.CHANGED, detail);
    }

    /** By module: how many operations inside it, at any depth, were added, removed and changed. */
    private static Map<ModulePath, int[]> inside(ModelGraph merged, Map<String, Change> nodeMarks) {
        Map<ModulePath, int[]> inside = new HashMap<>();
        for (Node n : merged.nodes()) {
            Change change = nodeMarks.get(n.id());
            if (change == null || n instanceof InputNode || n instanceof OutputNode) {
                continue;
            }
            for (ModulePath p = n.scope(); ; p = p.parent()) {
                inside.computeIfAbsent(p, x -> new int[3])[change.kind().ordinal()]++;
                if (p.isRoot()) {
                    break;
                }
            }
        }
        return inside;
    }

    /** Counts marks as they are made. */
    private static final class Counter {
        final int[] operations = new int[3];
        int boundaries;
        int modulesAdded;
        int modulesRemoved;
        int modulesChanged;

        void node(Node n, Change change, Map<String, Change> marks) {
            if (change == null) {
                return;
            }
            marks.put(n.id(), change);
            if (n instanceof InputNode || n instanceof OutputNode) {
                boundaries++;
            } else {
                operations[change.kind().ordinal()]++;
            }
        }
    }
}
