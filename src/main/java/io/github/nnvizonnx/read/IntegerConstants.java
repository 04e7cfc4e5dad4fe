package io.github.nnvizonnx.read;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.github.nnvizonnx.model.FixedInputs;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.read.hierarchy.NodeView;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The values of small int64 constants: the shapes, repeats and bounds that decide how large other tensors get.
 * These are the only tensor payloads the reader keeps ({@link WeightlessParser} drops every other one): at most
 * {@link FixedInputs#MAX_VALUES} values each, so a graph's weights still cost nothing.
 */
final class IntegerConstants {
    private IntegerConstants() {
    }

    /** Whether a tensor of this type and these dims is one whose values are kept. */
    static boolean isSmall(int dataType, List<Long> dims) {
        return dataType == TensorProto.DataType.INT64_VALUE && count(dims) >= 0;
    }

    /**
     * {@link #isSmall} for the TensorProto in {@code [start, end)} of the cursor's buffer, read from its dims (1)
     * and data_type (2) alone; the cursor is left at {@code end}.
     */
    static boolean isSmall(WireCursor in, int start, int end) throws InvalidProtocolBufferException {
        in.position(start);
        int dataType = 0;
        long count = 1;
        while (in.position() < end) {
            int tag = in.readTag(end);
            int number = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            if (number == 1 && wireType == WireFormat.WIRETYPE_VARINT) {
                count = times(count, in.readVarint(end));
            } else if (number == 1 && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int packedEnd = in.readLength(end) + in.position();
                while (in.position() < packedEnd) {
                    count = times(count, in.readVarint(packedEnd));
                }
            } else if (number == 2 && wireType == WireFormat.WIRETYPE_VARINT) {
                dataType = (int) in.readVarint(end);
            } else {
                in.skipValue(wireType, number, end, 0);
            }
        }
        return dataType == TensorProto.DataType.INT64_VALUE && count >= 0;
    }

    /** The values of a small int64 tensor whose data is in the file, else null. */
    static long[] of(TensorProto t) {
        if (!isSmall(t.getDataType(), t.getDimsList())
                || t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            return null;
        }
        int count = (int) count(t.getDimsList());
        if (t.getInt64DataCount() == count) {
            return t.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
        }
        ByteString raw = t.getRawData();
        if (raw.size() != (long) count * Long.BYTES) {
            return null;
        }
        long[] values = new long[count];
        raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
        return values;
    }

    /** The values a Constant node states for its output when they are a small int64 tensor, else null. */
    static long[] ofConstant(NodeView node, NodeWiring wiring) {
        boolean defaultDomain = node.domain().isEmpty() || node.domain().equals("ai.onnx");
        if (!defaultDomain || !node.opType().equals("Constant") || wiring.attributes().size() != 1) {
            return null;
        }
        AttributeProto a = wiring.attributes().get(0);
        return switch (a.getName()) {
            case "value" -> a.hasT() ? of(a.getT()) : null;
            case "value_int" -> new long[] {a.getI()};
            case "value_ints" -> a.getIntsCount() <= FixedInputs.MAX_VALUES
                    ? a.getIntsList().stream().mapToLong(Long::longValue).toArray() : null;
            default -> null;
        };
    }

    /** The element count, or -1 when it is negative or over {@link FixedInputs#MAX_VALUES}. */
    private static long count(List<Long> dims) {
        long count = 1;
        for (long d : dims) {
            count = times(count, d);
        }
        return count;
    }

    private static long times(long count, long dim) {
        if (count < 0 || dim < 0) {
            return -1;
        }
        if (count == 0 || dim == 0) {
            return 0;
        }
        return dim > FixedInputs.MAX_VALUES || count * dim > FixedInputs.MAX_VALUES ? -1 : count * dim;
    }
}
