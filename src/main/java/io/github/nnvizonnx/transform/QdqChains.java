package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.QuantizedOperations;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Draws the quantize → dequantize chains of a QDQ model (static quantization as onnxruntime's quantizer, TensorRT's
 * tools and torch's FX export write it: {@code QuantizeLinear → [Cast] → DequantizeLinear} before every quantized
 * operation) as one edge carrying the quantized tensor ({@code uint8 1×64×56×56}). The chain stands for one tensor
 * stored in 8 bits: drawn as three nodes between every pair of layers, it triples the figure and hides the layers.
 *
 * <p>A view pass after collapsing, like {@link QuantizedEdges}: only the chain nodes still drawn as operations are
 * read past; a module box that holds a quantizer keeps it, and its mark ({@code · int8}). A chain node has one
 * producer (its scale and zero point are weights, or constants already hidden); one whose scale is computed by a drawn
 * operation is left as it is. {@code --show-constants} keeps every chain, as it keeps other glue.
 */
final class QdqChains {
    private QdqChains() {
    }

    static ModelGraph apply(ModelGraph view) {
        BitSet chain = new BitSet();
        for (int number = 0; number < view.nodeNumbers(); number++) {
            if (view.nodeAt(number) instanceof OperationNode op && passesValuesOn(view, number, op)) {
                chain.set(number);
            }
        }
        if (chain.isEmpty()) {
            return view;
        }
        ModelGraph.Builder builder = view.withoutNumbers(chain).toBuilder();
        Set<Joined> joined = new HashSet<>();
        for (int number = chain.nextSetBit(0); number >= 0; number = chain.nextSetBit(number + 1)) {
            for (TensorEdge in : view.incomingEdgesOf(number)) {
                int source = view.sourceNumberOf(in);
                if (!chain.get(source)) {
                    joinPast(view, chain, source, number, in, builder, joined);
                }
            }
        }
        return builder.build();
    }

    /**
     * Adds an edge from {@code source} to each node the chain starting at {@code first} reaches, carrying the first
     * quantized tensor on the way (else the tensor read by the chain).
     */
    private static void joinPast(ModelGraph view, BitSet chain, int source, int first, TensorEdge entry,
                                 ModelGraph.Builder builder, Set<Joined> joined) {
        Deque<Step> steps = new ArrayDeque<>();
        steps.push(new Step(first, entry.tensor()));
        BitSet seen = new BitSet();
        while (!steps.isEmpty()) {
            Step step = steps.pop();
            if (seen.get(step.node())) {
                continue;
            }
            seen.set(step.node());
            for (TensorEdge out : view.outgoingEdgesOf(step.node())) {
                int target = view.targetNumberOf(out);
                TensorInfo carried = isQuantized(step.carried()) ? step.carried() : out.tensor();
                if (chain.get(target)) {
                    steps.push(new Step(target, carried));
                } else if (joined.add(new Joined(source, target, carried.name()))) {
                    Node from = view.nodeAt(source);
                    Node to = view.nodeAt(target);
                    builder.addEdge(from, to, carried, entry.isTopLevel());
                }
            }
        }
    }

    /**
     * Whether the operation only passes a tensor's values on between float and 8 bits: a QuantizeLinear or
     * DequantizeLinear with one producer, or a Cast or Identity of a quantized tensor.
     */
    private static boolean passesValuesOn(ModelGraph view, int number, OperationNode op) {
        String type = op.opType();
        boolean quantizer = type.equals("QuantizeLinear") || type.equals("DequantizeLinear");
        boolean retype = type.equals("Cast") || type.equals("Identity");
        if (!quantizer && !retype || !QuantizedOperations.isStandardDomain(op.domain())) {
            return false;
        }
        Set<TensorEdge> in = view.incomingEdgesOf(number);
        int source = -1;
        for (TensorEdge e : in) {
            int s = view.sourceNumberOf(e);
            if (source >= 0 && s != source) {
                return false; // a scale or zero point computed by a drawn operation
            }
            source = s;
        }
        if (source < 0) {
            return false;
        }
        if (quantizer) {
            return true;
        }
        return in.size() == 1 && (isQuantized(in.iterator().next().tensor())
                || view.nodeAt(source) instanceof OperationNode producer && producer.opType().equals("QuantizeLinear"));
    }

    private static boolean isQuantized(TensorInfo tensor) {
        return QuantizedOperations.isQuantizedType(tensor.elementType());
    }

    /** One step of the walk along a chain: the node reached and the tensor to draw for what it passes on. */
    private record Step(int node, TensorInfo carried) {
    }

    /** An edge already drawn past a chain. */
    private record Joined(int source, int target, String tensor) {
    }
}
