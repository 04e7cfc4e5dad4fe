package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.FixedInputs;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.Parameter;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The inputs of an operation in input order, as {@link OperationSizes} reads them. Edges reach an operation in the
 * order of its inputs, but weights are drawn as no edge: where the file fixes some inputs ({@link FixedInputs}), the
 * edges fill the positions that are neither weights nor left out, and weights are described from their dims.
 */
final class Operands {
    private final ModelGraph model;
    private final Map<String, Long> sizes;
    private final Bindings bindings;
    private final Bindings.Defaulted ignored = new Bindings.Defaulted();
    private Map<String, Parameter> weights;

    /** {@code sizes}: the bytes of the tensors estimated so far, by name; read when {@link #of} is called. */
    Operands(ModelGraph model, Map<String, Long> sizes, Bindings bindings) {
        this.model = model;
        this.sizes = sizes;
        this.bindings = bindings;
    }

    List<OperationSizes.Operand> of(OperationNode op) {
        Iterator<TensorEdge> edges = model.graph().incomingEdgesOf(op).iterator();
        FixedInputs fixed = model.fixedInputs(op);
        List<OperationSizes.Operand> operands = new ArrayList<>();
        if (fixed == null) {
            edges.forEachRemaining(e -> operands.add(fromEdge(e.tensor(), null)));
            return operands;
        }
        for (int i = 0; i < fixed.count(); i++) {
            String name = fixed.name(i);
            Parameter weight = name.isEmpty() ? null : weights().get(name);
            if (name.isEmpty()) {
                operands.add(OperationSizes.Operand.ABSENT);
            } else if (weight != null) {
                operands.add(fromWeight(weight, fixed.values(i)));
            } else if (edges.hasNext()) {
                operands.add(fromEdge(edges.next().tensor(), fixed.values(i)));
            } else {
                operands.add(OperationSizes.Operand.UNKNOWN);
            }
        }
        return operands;
    }

    private OperationSizes.Operand fromEdge(TensorInfo tensor, long[] values) {
        Shape shape = tensor.shape() == null ? null : bindings.concrete(tensor, ignored);
        return new OperationSizes.Operand(sizes.getOrDefault(tensor.name(), -1L), tensor.elementType(), shape,
                values);
    }

    private static OperationSizes.Operand fromWeight(Parameter weight, long[] values) {
        Shape shape = Shape.of(weight.dims().stream().mapToLong(Long::longValue).toArray());
        TensorInfo tensor = new TensorInfo(weight.name(), weight.elementType(), shape);
        return new OperationSizes.Operand(MemoryEstimate.bytes(tensor), weight.elementType(), shape, values);
    }

    /** The weights by name, gathered on first need (most operations read edges alone). */
    private Map<String, Parameter> weights() {
        if (weights == null) {
            weights = new HashMap<>();
            model.parameters().forEach(p -> weights.putIfAbsent(p.name(), p));
        }
        return weights;
    }
}
