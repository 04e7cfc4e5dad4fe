package io.github.nnvizonnx.read;

import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.proto.Onnx.TensorShapeProto;
import io.github.nnvizonnx.proto.Onnx.TypeProto;
import java.util.ArrayList;
import java.util.List;

/** ONNX element types and type protos in the short form diagrams show ({@code float32}, {@code seq(float32)}). */
final class DataTypes {
    private static final String[] NAMES = {
        null, "float32", "uint8", "int8", "uint16", "int16", "int32", "int64", "string", "bool", "float16",
        "float64", "uint32", "uint64", "complex64", "complex128", "bfloat16", "float8e4m3fn", "float8e4m3fnuz",
        "float8e5m2", "float8e5m2fnuz", "uint4", "int4", "float4e2m1", "float8e8m0", "uint2", "int2"
    };

    private DataTypes() {
    }

    /** The short name of an element type code; null for undefined, {@code dtype(N)} for codes newer than this table. */
    static String elementName(int code) {
        if (code <= 0) {
            return null;
        }
        return code < NAMES.length ? NAMES[code] : "dtype(" + code + ")";
    }

    /**
     * The bytes a tensor of element type {@code code} and {@code dims} takes as raw data (4-bit types two to a
     * byte, 2-bit four), saturating at {@link Long#MAX_VALUE}; 0 for strings and types this table does not know,
     * whose size cannot be told from the dims.
     */
    static long byteSize(int code, List<Long> dims) {
        String name = elementName(code);
        int bits = name == null ? 0 : switch (name) {
            case "uint2", "int2" -> 2;
            case "uint4", "int4", "float4e2m1" -> 4;
            case "uint8", "int8", "bool", "float8e4m3fn", "float8e4m3fnuz", "float8e5m2", "float8e5m2fnuz",
                    "float8e8m0" -> 8;
            case "uint16", "int16", "float16", "bfloat16" -> 16;
            case "float32", "int32", "uint32" -> 32;
            case "int64", "uint64", "float64", "complex64" -> 64;
            case "complex128" -> 128;
            default -> 0; // string, or a type newer than this table
        };
        long count = 1;
        for (long d : dims) {
            count = io.github.nnvizonnx.model.DisplayText.saturatingMultiply(count, Math.max(0, d));
        }
        long bitsTotal = io.github.nnvizonnx.model.DisplayText.saturatingMultiply(count, bits);
        return bitsTotal == Long.MAX_VALUE ? Long.MAX_VALUE : (bitsTotal + 7) / 8;
    }

    static String typeName(TypeProto type) {
        return switch (type.getValueCase()) {
            case TENSOR_TYPE -> elementName(type.getTensorType().getElemType());
            case SPARSE_TENSOR_TYPE -> "sparse(" + elementName(type.getSparseTensorType().getElemType()) + ")";
            case SEQUENCE_TYPE -> "seq(" + typeName(type.getSequenceType().getElemType()) + ")";
            case OPTIONAL_TYPE -> "optional(" + typeName(type.getOptionalType().getElemType()) + ")";
            case MAP_TYPE -> "map(" + elementName(type.getMapType().getKeyType()) + ","
                    + typeName(type.getMapType().getValueType()) + ")";
            case VALUE_NOT_SET -> null;
        };
    }

    /** The declared shape of a tensor type, or null when the file declares none. */
    static Shape shape(TypeProto type) {
        if (type.hasTensorType() && type.getTensorType().hasShape()) {
            return shape(type.getTensorType().getShape());
        }
        if (type.hasSparseTensorType() && type.getSparseTensorType().hasShape()) {
            return shape(type.getSparseTensorType().getShape());
        }
        return null;
    }

    private static Shape shape(TensorShapeProto proto) {
        List<Dim> dims = new ArrayList<>(proto.getDimCount());
        for (TensorShapeProto.Dimension d : proto.getDimList()) {
            if (d.hasDimValue()) {
                dims.add(Dim.of(d.getDimValue()));
            } else if (d.hasDimParam()) {
                dims.add(Dim.symbolic(d.getDimParam()));
            } else {
                dims.add(Dim.UNKNOWN);
            }
        }
        return new Shape(dims);
    }
}
