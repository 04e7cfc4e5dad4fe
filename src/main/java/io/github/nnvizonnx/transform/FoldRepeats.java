package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.internal.IntList;
import io.github.nnvizonnx.model.Fold;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.ModuleTree;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.TensorEdge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Folds runs of repeated blocks: two or more consecutive sibling modules of identical structure (the twelve layers
 * of a BERT encoder, the tail blocks of a ResNet stage) are drawn as their first member, titled with the range and
 * the count ({@link Fold}). The other members' nodes are removed; what the last member sent out of the run now comes
 * from the first member's matching node.
 *
 * <p>Identical is checked exactly, on a canonical form compared in full ({@link BlockSignature}). Consecutive means a
 * chain: every tensor leaving a member other than the last goes into the next member, and a member reads from
 * outside the run only the very tensors the first member reads there (an attention mask read by every layer). A run
 * that breaks either rule is cut where it breaks, so no edge is ever lost or invented. Runs are folded from the top
 * of the tree down, so stages inside folded stages fold too.
 */
public final class FoldRepeats {
    private final ModelGraph model;
    private final ModuleTree tree;
    private final ModuleScopes scopes;
    private final BlockSignature signatures;
    /** By node number: removed with a folded member. */
    private final boolean[] removed;
    /** By node number: for a node of a run's last member, the first member's matching node; else -1. */
    private final int[] redirect;
    private final Map<ModulePath, Fold> folds = new LinkedHashMap<>();
    private final NodeMarks inFirst;
    private final NodeMarks inPrevious;
    private final NodeMarks inNext;
    /** By module number: folded away, as a member other than the first of a run or inside one. */
    private final boolean[] foldedAway;
    private final Function<ModulePath, Object> group;

    private FoldRepeats(ModelGraph model, Function<ModulePath, Object> group) {
        this.model = model;
        this.group = group;
        this.tree = model.modules();
        this.scopes = new ModuleScopes(model);
        this.signatures = new BlockSignature(model, scopes);
        this.removed = new boolean[model.nodeNumbers()];
        this.redirect = new int[model.nodeNumbers()];
        Arrays.fill(redirect, -1);
        this.inFirst = new NodeMarks(model.nodeNumbers());
        this.inPrevious = new NodeMarks(model.nodeNumbers());
        this.inNext = new NodeMarks(model.nodeNumbers());
        this.foldedAway = new boolean[tree.size()];
    }

    /** {@code model} with every foldable run folded; the model itself when nothing repeats. */
    public static ModelGraph apply(ModelGraph model) {
        return apply(model, path -> null);
    }

    /**
     * {@link #apply(ModelGraph)}, where only members of one {@code group} fold together: a comparison of two models
     * keeps the blocks added apart from those both have ({@code layer3.0–1 ×2} and {@code layer3.2–5 ×4 added}).
     */
    public static ModelGraph apply(ModelGraph model, Function<ModulePath, Object> group) {
        FoldRepeats pass = new FoldRepeats(model, group);
        pass.foldFromTheTop();
        return pass.folds.isEmpty() ? model : pass.build();
    }

    private void foldFromTheTop() {
        IntList parents = new IntList();
        parents.add(0);
        for (int k = 0; k < parents.size(); k++) {
            int[] children = scopes.childrenOf(parents.get(k));
            int i = 0;
            while (i < children.length) {
                int end = runEnd(children, i);
                if (end - i >= 2) {
                    fold(Arrays.copyOfRange(children, i, end));
                }
                parents.add(children[i]); // of a run, only the first member stays to be looked into
                i = end;
            }
        }
    }

    /**
     * The end (exclusive) of the longest foldable run starting at {@code children[first]}. Members are compared in
     * batches that double (1, 2, 4, …), so a long run is compared on two threads while siblings that differ cost at
     * most twice the comparisons of a run that stops at the first difference.
     */
    private int runEnd(int[] children, int first) {
        int head = children[first];
        if (!foldable(head)) {
            return first + 1;
        }
        int end = first + 1;
        int batch = 1;
        while (end < children.length) {
            int size = 0;
            while (end + size < children.length && size < batch && sameAtFirstGlance(head, children[end + size])) {
                size++;
            }
            int[] candidates = Arrays.copyOfRange(children, end, end + size);
            boolean[] identical = signatures.identicalToFirst(head, candidates);
            for (int k = 0; k < size; k++, end++) {
                if (!identical[k] || !chained(head, children[end - 1], candidates[k])) {
                    return end;
                }
            }
            if (size < batch) {
                return end; // the next sibling differs at first glance
            }
            batch *= 2;
        }
        return end;
    }

    private boolean foldable(int id) {
        ModuleKind kind = scopes.module(id).kind();
        return (kind == ModuleKind.MODULE || kind == ModuleKind.FUNCTION) && scopes.nodesInside(id) > 0;
    }

    /** Cheap necessary conditions, checked before any signature is built. */
    private boolean sameAtFirstGlance(int headId, int otherId) {
        Module head = scopes.module(headId);
        Module other = scopes.module(otherId);
        return head.kind() == other.kind() && Objects.equals(head.className(), other.className())
                && Objects.equals(head.qualifiedClassName(), other.qualifiedClassName())
                && scopes.nodesInside(headId) == scopes.nodesInside(otherId)
                && Objects.equals(group.apply(head.path()), group.apply(other.path()));
    }

    /**
     * Whether {@code next} continues the run whose first member is {@code first} and whose last so far is
     * {@code previous}: {@code previous} sends everything it sends out to {@code next}, {@code next} reads something
     * of {@code previous}, and everything else {@code next} reads from outside is what {@code first} reads at the same
     * place. Members are identical, so their nodes and edges correspond one to one in order.
     */
    private boolean chained(int first, int previous, int next) {
        int[] firstNodes = scopes.nodesOf(first);
        int[] previousNodes = scopes.nodesOf(previous);
        int[] nextNodes = scopes.nodesOf(next);
        inFirst.mark(firstNodes);
        inPrevious.mark(previousNodes);
        inNext.mark(nextNodes);
        for (int node : previousNodes) {
            for (TensorEdge e : model.outgoingEdgesOf(node)) {
                int target = model.targetNumberOf(e);
                if (!inPrevious.has(target) && !inNext.has(target)) {
                    return false; // an output of a middle member used elsewhere: the fold could not show it
                }
            }
        }
        boolean fed = false;
        for (int k = 0; k < nextNodes.length; k++) {
            Iterator<TensorEdge> firstInputs = model.incomingEdgesOf(firstNodes[k]).iterator();
            for (TensorEdge e : model.incomingEdgesOf(nextNodes[k])) {
                TensorEdge counterpart = firstInputs.next(); // identical blocks: as many inputs, in the same order
                int source = model.sourceNumberOf(e);
                if (inNext.has(source)) {
                    continue;
                }
                if (inPrevious.has(source)) {
                    fed = true;
                    if (inFirst.has(model.sourceNumberOf(counterpart))) {
                        return false; // the first member reads this inside itself: not the run's input
                    }
                } else if (source != model.sourceNumberOf(counterpart)
                        || !e.tensor().name().equals(counterpart.tensor().name())) {
                    return false; // a side input the first member does not read
                }
            }
        }
        return fed;
    }

    /** A set of node numbers that is cheap to test and to replace: the numbers marked last. */
    private static final class NodeMarks {
        private final int[] marks;
        private int stamp;

        NodeMarks(int nodeNumbers) {
            marks = new int[nodeNumbers];
        }

        void mark(int[] nodes) {
            stamp++;
            for (int n : nodes) {
                marks[n] = stamp;
            }
        }

        boolean has(int number) {
            return marks[number] == stamp;
        }
    }

    private void fold(int[] run) {
        int first = run[0];
        int last = run[run.length - 1];
        int[] firstNodes = scopes.nodesOf(first);
        int[] lastNodes = scopes.nodesOf(last);
        for (int k = 0; k < lastNodes.length; k++) {
            redirect[lastNodes[k]] = firstNodes[k];
        }
        List<ModulePath> members = new ArrayList<>(run.length);
        for (int member : run) {
            members.add(scopes.module(member).path());
            if (member != first) {
                for (int node : scopes.nodesOf(member)) {
                    removed[node] = true;
                }
                markFoldedAway(member);
            }
        }
        Module head = scopes.module(first);
        folds.put(head.path(), new Fold(members, Fold.range(head.ownTitle(), scopes.module(last).ownTitle())));
    }

    /** The model without the folded-away members, edges re-attached, the first members titled as folds. */
    private ModelGraph build() {
        ModelGraph.Builder builder = new ModelGraph.Builder(model.info());
        for (int number = 0; number < removed.length; number++) {
            Node n = model.nodeAt(number);
            if (n != null && !removed[number]) {
                builder.addNode(n);
            }
        }
        Set<List<Object>> redirected = new HashSet<>();
        for (TensorEdge e : model.graph().edgeSet()) {
            int target = model.targetNumberOf(e);
            if (removed[target]) {
                continue; // inside the run, between members, or a side input the first member reads already
            }
            int source = model.sourceNumberOf(e);
            boolean moved = removed[source];
            while (removed[source]) {
                source = redirect[source];
                if (source < 0) { // cannot happen: runs are cut where a middle member's output leaves the run
                    throw new IllegalStateException("a fold would lose the edge of " + e.tensor().name());
                }
            }
            if (!moved || redirected.add(List.of(source, target, e.tensor().name()))) {
                builder.addEdge(model.nodeAt(source), model.nodeAt(target), e.tensor(), e.isTopLevel());
            }
        }
        List<Module> kept = new ArrayList<>();
        for (int id = 0; id < foldedAway.length; id++) {
            if (!foldedAway[id]) {
                Module m = scopes.module(id);
                Fold fold = folds.get(m.path());
                kept.add(fold == null ? m : m.folded(fold, parameters(fold)));
            }
        }
        return builder.modules(kept).parameters(model.parameters()).build();
    }

    /** {@code member} and every module inside it leave the tree. */
    private void markFoldedAway(int member) {
        IntList inside = new IntList();
        inside.add(member);
        for (int k = 0; k < inside.size(); k++) {
            foldedAway[inside.get(k)] = true;
            inside.addAll(scopes.childrenOf(inside.get(k)));
        }
    }

    private long parameters(Fold fold) {
        long sum = 0;
        for (ModulePath member : fold.members()) {
            sum = io.github.nnvizonnx.model.DisplayText.saturatingAdd(sum, tree.require(member).parameterCount());
        }
        return sum;
    }
}
