package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.TensorEdge;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Hides what only feeds the real computation with fixed values: constant-like operations (no data input at all:
 * Constant, an Identity or Cast of a weight, ...) and shape glue ({@code Shape} and {@code Size}, and every
 * operation whose inputs all come from shape glue or constants — the Shape → Gather → Unsqueeze → Concat chains that
 * compute the target of a Reshape or Expand). Consumers of a hidden value lose that edge. Never hidden: anything whose
 * value reaches a graph output through hidden nodes only, control-flow operators, and operations that compute with
 * their own weights (a position-embedding Gather, say) rather than merely reshape or convert them.
 */
final class HideClutter {
    private static final Set<String> SHAPE_SOURCES = Set.of("Shape", "Size");
    private static final Set<String> NEVER_HIDDEN = Set.of("If", "Loop", "Scan");
    /** Operations that only move, convert or (de)quantize a weight: hidden even though they hold parameters. */
    private static final Set<String> WEIGHT_PLUMBING = Set.of("Identity", "Cast", "CastLike", "Reshape", "Transpose",
            "Squeeze", "Unsqueeze", "Flatten", "DequantizeLinear", "QuantizeLinear", "Constant", "Expand", "Tile",
            "Concat", "Slice", "Split");

    private HideClutter() {
    }

    public static ModelGraph apply(ModelGraph model) {
        BitSet hidden = hiddenNumbers(model);
        return hidden.isEmpty() ? model : model.withoutNumbers(hidden);
    }

    /** The numbers ({@link ModelGraph#numberOf}) of what {@link #apply} removes; per-node state lives in arrays. */
    private static BitSet hiddenNumbers(ModelGraph model) {
        BitSet hidden = staticNodes(model);
        keepWhatReachesOutputs(model, hidden);
        return hidden;
    }

    /** What {@link #apply} removes. */
    static Set<Node> hiddenNodes(ModelGraph model) {
        BitSet hidden = hiddenNumbers(model);
        Set<Node> result = Collections.newSetFromMap(new IdentityHashMap<>(hidden.cardinality()));
        for (Node n : model.graph().vertexSet()) {
            if (hidden.get(model.numberOf(n))) {
                result.add(n);
            }
        }
        return result;
    }

    /** Operations computed from constants and shapes only, found from the sources forward. */
    private static BitSet staticNodes(ModelGraph model) {
        int[] dataInputsLeft = new int[model.nodeNumbers()]; // inputs still unknown + 1; 0: not a candidate
        int[] ready = new int[model.nodeNumbers()]; // a queue: each node enters it at most once
        int queued = 0;
        BitSet result = new BitSet(model.nodeNumbers());
        for (int number = 0; number < model.nodeNumbers(); number++) {
            if (!(model.nodeAt(number) instanceof OperationNode op) || NEVER_HIDDEN.contains(op.opType())
                    || (op.parameterCount() > 0 && !WEIGHT_PLUMBING.contains(op.opType()))) {
                continue;
            }
            int inputs = model.incomingEdgesOf(number).size();
            if (inputs == 0 || SHAPE_SOURCES.contains(op.opType())) {
                ready[queued++] = number;
            } else {
                dataInputsLeft[number] = inputs + 1;
            }
        }
        for (int next = 0; next < queued; next++) {
            int number = ready[next];
            result.set(number);
            for (TensorEdge e : model.outgoingEdgesOf(number)) {
                int consumer = model.targetNumberOf(e);
                if (dataInputsLeft[consumer] > 1 && --dataInputsLeft[consumer] == 1) {
                    ready[queued++] = consumer;
                }
            }
        }
        return result;
    }

    /** Un-hides every static node whose value flows into a graph output through static nodes only. */
    private static void keepWhatReachesOutputs(ModelGraph model, BitSet hidden) {
        int[] work = new int[model.nodeNumbers()]; // a stack: each node enters it at most once
        int size = 0;
        for (int number = 0; number < model.nodeNumbers(); number++) {
            if (model.nodeAt(number) instanceof OutputNode) {
                work[size++] = number;
            }
        }
        while (size > 0) {
            for (TensorEdge e : model.incomingEdgesOf(work[--size])) {
                int producer = model.sourceNumberOf(e);
                if (hidden.get(producer)) { // each hidden node is un-hidden, and walked from, once
                    hidden.clear(producer);
                    work[size++] = producer;
                }
            }
        }
    }
}
