package io.github.nnvizonnx.read;

import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorInfo;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.read.hierarchy.NodeView;
import java.util.List;

/**
 * The type and shape a Constant operator declares for its output through its value attribute: a tensor's data type
 * and dims, or the length of a {@code value_floats}/{@code value_ints}/{@code value_strings} list. The file states
 * them, so they are declared shapes, not inferred ones.
 */
final class ConstantTypes {
    private ConstantTypes() {
    }

    /** The declared output of a Constant node, or null when {@code node} is not one or says nothing usable. */
    static TensorInfo of(NodeView node, NodeWiring wiring) {
        boolean defaultDomain = node.domain().isEmpty() || node.domain().equals("ai.onnx");
        if (!defaultDomain || !node.opType().equals("Constant") || wiring.outputs().size() != 1
                || wiring.attributes().size() != 1) {
            return null;
        }
        AttributeProto a = wiring.attributes().get(0);
        String output = wiring.outputs().get(0);
        return switch (a.getName()) {
            case "value" -> a.hasT() ? tensor(output, a.getT().getDataType(), a.getT().getDimsList()) : null;
            case "sparse_value" -> a.hasSparseTensor() ? tensor(output,
                    a.getSparseTensor().getValues().getDataType(), a.getSparseTensor().getDimsList()) : null;
            case "value_float" -> tensor(output, TensorProto.DataType.FLOAT_VALUE, List.of());
            case "value_floats" -> tensor(output, TensorProto.DataType.FLOAT_VALUE, List.of((long) a.getFloatsCount()));
            case "value_int" -> tensor(output, TensorProto.DataType.INT64_VALUE, List.of());
            case "value_ints" -> tensor(output, TensorProto.DataType.INT64_VALUE, List.of((long) a.getIntsCount()));
            case "value_string" -> tensor(output, TensorProto.DataType.STRING_VALUE, List.of());
            case "value_strings" -> tensor(output, TensorProto.DataType.STRING_VALUE,
                    List.of((long) a.getStringsCount()));
            default -> null;
        };
    }

    private static TensorInfo tensor(String name, int dataType, List<Long> dims) {
        return new TensorInfo(name, DataTypes.elementName(dataType),
                Shape.of(dims.stream().mapToLong(Long::longValue).toArray()));
    }
}
