package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.AttributeSummary;
import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.Shape;
import java.util.List;
import java.util.Set;

/**
 * How many bytes an operation's outputs take, worked out from its inputs where the operator says so without a run:
 * <ul>
 * <li>operators whose output size is set by values the file fixes (a ConstantOfShape's shape, an Expand's target
 * shape, a Tile's repeats, a Range's bounds, a Resize's sizes): the size those values imply, however large;
 * <li>Reshape keeps its input's size; Shape and Size make a few int64s;
 * <li>operators whose output has at most as many elements as the sum or the product of their inputs' element counts
 * (element-wise arithmetic with broadcasting, Gather, Concat, Slice, MatMul, ...): at most that, so that the index
 * arithmetic on shapes that exporters emit (Shape → Gather → Unsqueeze → Concat) counts as the few bytes it is.
 * </ul>
 * Anything else keeps the caller's guess.
 */
final class OperationSizes {
    /**
     * One input as the estimate knows it: its bytes (-1: unknown), its element type and concrete shape when declared
     * (else null), and its values when the file fixes them as a small int64 constant (else null).
     */
    record Operand(long bytes, String elementType, Shape shape, long[] values) {
        static final Operand ABSENT = new Operand(0, null, null, null);
        static final Operand UNKNOWN = new Operand(-1, null, null, null);
    }

    /** Operators whose output has at most max(Σ, Π) of their inputs' element counts. */
    private static final Set<String> BOUNDED_BY_INPUTS = Set.of("Abs", "Add", "And", "ArgMax", "ArgMin", "Cast",
            "CastLike", "Ceil", "Concat", "Div", "Equal", "Flatten", "Floor", "Gather", "GatherElements", "Greater",
            "GreaterOrEqual", "Identity", "Less", "LessOrEqual", "MatMul", "Max", "Mean", "Min", "Mod", "Mul", "Neg",
            "Not", "Or", "Pow", "Reciprocal", "ReduceMax", "ReduceMean", "ReduceMin", "ReduceProd", "ReduceSum",
            "Round", "Sign", "Slice", "Sqrt", "Squeeze", "Sub", "Sum", "Transpose", "Unsqueeze", "Where", "Xor");
    /** A Shape whose input's rank is unknown: ranks over 8 are rare. */
    private static final int USUAL_MAX_RANK = 8;
    /** The widest common element type: a bound in elements times this is a bound in bytes. */
    private static final long WIDEST_ELEMENT = 8;

    private OperationSizes() {
    }

    /** The bytes of each output of {@code op}, or {@code guess} when no rule applies. */
    static long outputBytes(OperationNode op, List<Operand> inputs, long guess) {
        if (!op.domain().isEmpty() && !op.domain().equals("ai.onnx")) {
            return guess;
        }
        long implied = switch (op.opType()) {
            case "ConstantOfShape" -> times(count(values(inputs, 0)), valueWidth(op));
            case "Expand" -> expanded(input(inputs, 0), values(inputs, 1));
            case "Tile" -> times(input(inputs, 0).bytes(), count(values(inputs, 1)));
            case "Reshape" -> input(inputs, 0).bytes();
            case "Range" -> range(values(inputs, 0), values(inputs, 1), values(inputs, 2));
            case "Resize" -> times(count(values(inputs, 3)), width(input(inputs, 0)));
            case "Shape" -> Long.BYTES * (input(inputs, 0).shape() != null ? input(inputs, 0).shape().rank()
                    : USUAL_MAX_RANK);
            case "Size" -> Long.BYTES;
            default -> -1;
        };
        if (implied >= 0) {
            return implied;
        }
        return BOUNDED_BY_INPUTS.contains(op.opType()) ? Math.min(guess, boundByInputs(inputs)) : guess;
    }

    /** Expand broadcasts its input to a shape: exact when the input's shape is declared, else at least the shape. */
    private static long expanded(Operand input, long[] shape) {
        if (shape == null) {
            return -1;
        }
        if (input.shape() == null) {
            return input.bytes() < 0 ? -1 : Math.max(input.bytes(), times(count(shape), width(input)));
        }
        List<Dim> dims = input.shape().dims();
        int rank = Math.max(dims.size(), shape.length);
        long count = 1;
        for (int i = 1; i <= rank; i++) { // aligned from the last axis, as broadcasting is
            long a = i <= dims.size() ? dims.get(dims.size() - i).value() : 1;
            long b = i <= shape.length ? shape[shape.length - i] : 1;
            count = DisplayText.saturatingMultiply(count, a == 1 ? Math.max(b, 0) : a);
        }
        return times(count, width(input));
    }

    /** Range(start, limit, delta) makes ⌈(limit − start) / delta⌉ int64s. */
    private static long range(long[] start, long[] limit, long[] delta) {
        if (start == null || limit == null || delta == null || start.length != 1 || limit.length != 1
                || delta.length != 1 || delta[0] == 0) {
            return -1;
        }
        double steps = Math.ceil(((double) limit[0] - start[0]) / delta[0]);
        return times(Math.max(0, (long) Math.min(steps, Long.MAX_VALUE)), Long.BYTES);
    }

    /**
     * WIDEST_ELEMENT bytes times max(Σ, Π) of the inputs' element counts. A tensor of undeclared type is taken as
     * WIDEST_ELEMENT wide, the width its bytes were worked out with here, so a chain of such operations does not
     * grow its bound at each step.
     */
    private static long boundByInputs(List<Operand> inputs) {
        long sum = 0;
        long product = 1;
        for (Operand in : inputs) {
            if (in.bytes() < 0) {
                return Long.MAX_VALUE;
            }
            if (in != Operand.ABSENT) {
                long width = width(in);
                long elements = in.bytes() / width + (in.bytes() % width == 0 ? 0 : 1);
                sum = DisplayText.saturatingAdd(sum, elements);
                product = DisplayText.saturatingMultiply(product, elements);
            }
        }
        return DisplayText.saturatingMultiply(WIDEST_ELEMENT, Math.max(sum, product));
    }

    /** The element width a ConstantOfShape fills with: its value attribute's type ({@code int64[1]}), else float. */
    private static long valueWidth(OperationNode op) {
        for (AttributeSummary a : op.attributes()) {
            int bracket = a.value().indexOf('[');
            if (a.name().equals("value") && bracket > 0) {
                return MemoryEstimate.elementBytes(a.value().substring(0, bracket));
            }
        }
        return MemoryEstimate.elementBytes("float32");
    }

    /** The bytes of one element; an undeclared type counts as the widest, so a size is never guessed too small. */
    private static long width(Operand input) {
        return input.elementType() == null ? WIDEST_ELEMENT : MemoryEstimate.elementBytes(input.elementType());
    }

    private static Operand input(List<Operand> inputs, int position) {
        return position < inputs.size() ? inputs.get(position) : Operand.UNKNOWN;
    }

    private static long[] values(List<Operand> inputs, int position) {
        return input(inputs, position).values();
    }

    /** The element count a shape's values give; -1 when there are none or one is negative (a -1 to infer). */
    private static long count(long[] shape) {
        if (shape == null) {
            return -1;
        }
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                return -1;
            }
            count = DisplayText.saturatingMultiply(count, d);
        }
        return count;
    }

    private static long times(long count, long width) {
        return count < 0 || width < 0 ? -1 : DisplayText.saturatingMultiply(count, width);
    }
}
