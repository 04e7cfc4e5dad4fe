package io.github.nnvizonnx.read;

import io.github.nnvizonnx.model.AttributeSummary;
import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Short, bounded renderings of operator attributes: {@code kernel_shape=[3, 3]}, {@code value=float32[64]}. */
final class AttributeSummaries {
    static final int MAX_TEXT = 48;
    static final int MAX_LIST_ITEMS = 8;

    private AttributeSummaries() {
    }

    static List<AttributeSummary> of(List<AttributeProto> attributes) {
        List<AttributeSummary> result = new ArrayList<>(attributes.size());
        for (AttributeProto a : attributes) {
            result.add(new AttributeSummary(clip(a.getName()), value(a)));
        }
        return result;
    }

    static String value(AttributeProto a) {
        if (!a.getRefAttrName().isEmpty()) {
            return "@" + clip(a.getRefAttrName());
        }
        if (a.getFloatsCount() > 0) {
            return list(a.getFloatsList().stream().limit(MAX_LIST_ITEMS).map(AttributeSummaries::number).toList(), a.getFloatsCount());
        }
        if (a.getIntsCount() > 0) {
            return list(a.getIntsList().stream().limit(MAX_LIST_ITEMS).map(String::valueOf).toList(), a.getIntsCount());
        }
        if (a.getStringsCount() > 0) {
            return list(a.getStringsList().stream().limit(MAX_LIST_ITEMS).map(s -> quoted(s.toStringUtf8())).toList(), a.getStringsCount());
        }
        if (a.getTensorsCount() > 0) {
            return list(a.getTensorsList().stream().limit(MAX_LIST_ITEMS).map(AttributeSummaries::tensor).toList(), a.getTensorsCount());
        }
        if (a.getGraphsCount() > 0) {
            return a.getGraphsCount() + " graphs";
        }
        if (a.hasT()) {
            return tensor(a.getT());
        }
        if (a.hasSparseTensor()) {
            return "sparse " + tensor(a.getSparseTensor().getValues());
        }
        if (a.hasG()) {
            return "graph(" + a.getG().getNodeCount() + " nodes)";
        }
        if (a.hasTp()) {
            return String.valueOf(DataTypes.typeName(a.getTp()));
        }
        if (a.hasS()) {
            return quoted(new String(a.getS().toByteArray(), StandardCharsets.UTF_8));
        }
        if (a.hasF()) {
            return number(a.getF());
        }
        if (a.hasI()) {
            return String.valueOf(a.getI());
        }
        return switch (a.getType()) {
            case FLOATS, INTS, STRINGS, TENSORS, GRAPHS, SPARSE_TENSORS, TYPE_PROTOS -> "[]";
            case FLOAT -> "0";
            case INT -> "0";
            case STRING -> "\"\"";
            default -> "";
        };
    }

    static String tensor(TensorProto t) {
        String type = DataTypes.elementName(t.getDataType());
        String dims = t.getDimsList().stream().map(String::valueOf).collect(Collectors.joining("×"));
        return (type == null ? "tensor" : type) + "[" + dims + "]";
    }

    private static String number(float f) {
        if (f == Math.rint(f) && Math.abs(f) < 1e7) {
            return String.valueOf((long) f);
        }
        return String.valueOf(f);
    }

    private static String list(List<String> items, int count) {
        String shown = String.join(", ", items);
        return "[" + shown + (count > MAX_LIST_ITEMS ? ", … " + count + " items" : "") + "]";
    }

    private static String quoted(String s) {
        return "\"" + clip(s) + "\"";
    }

    static String clip(String s) {
        return DisplayText.clip(s, MAX_TEXT);
    }
}
