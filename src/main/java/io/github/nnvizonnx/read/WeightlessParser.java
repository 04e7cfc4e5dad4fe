package io.github.nnvizonnx.read;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parses a ModelProto while dropping every tensor payload (raw_data, float_data, ...) on the way, so that the memory
 * needed grows with the size of the graph, not with the size of the weights. It walks the wire format guided by the
 * message descriptors: fields of message types that can contain a TensorProto are filtered recursively, everything
 * else is copied unchanged, and the filtered bytes are then parsed as usual.
 */
final class WeightlessParser {
    /** Deeper than any real model; protects the stack against hostile nesting. */
    static final int MAX_NESTING = 96;

    private static final Set<Integer> PAYLOAD_FIELDS = Set.of(
            TensorProto.FLOAT_DATA_FIELD_NUMBER, TensorProto.INT32_DATA_FIELD_NUMBER,
            TensorProto.STRING_DATA_FIELD_NUMBER, TensorProto.INT64_DATA_FIELD_NUMBER,
            TensorProto.RAW_DATA_FIELD_NUMBER, TensorProto.DOUBLE_DATA_FIELD_NUMBER,
            TensorProto.UINT64_DATA_FIELD_NUMBER);

    private final Map<Descriptor, Boolean> holdsTensors = new HashMap<>();

    ModelProto parse(InputStream stream) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(stream, 1 << 16);
        in.setSizeLimit(Integer.MAX_VALUE);
        byte[] filtered = filterMessage(in, ModelProto.getDescriptor(), 0);
        CodedInputStream parsed = CodedInputStream.newInstance(filtered);
        parsed.setRecursionLimit(MAX_NESTING * 2 + 8);
        return ModelProto.parseFrom(parsed);
    }

    /** Reads fields until the current limit (or end of input) and returns them re-encoded without payloads. */
    private byte[] filterMessage(CodedInputStream in, Descriptor type, int depth) throws IOException {
        if (depth > MAX_NESTING) {
            throw new InvalidModelException("graphs or messages are nested more than " + MAX_NESTING + " levels deep");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        boolean isTensor = type.equals(TensorProto.getDescriptor());
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int number = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            if (isTensor && PAYLOAD_FIELDS.contains(number)) {
                in.skipField(tag);
                continue;
            }
            FieldDescriptor field = type.findFieldByNumber(number);
            if (field == null) {
                in.skipField(tag); // unknown to our schema (a newer IR version): not needed for diagrams
                continue;
            }
            if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED
                    && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    && holdsTensors(field.getMessageType())) {
                int length = in.readRawVarint32();
                if (length < 0) {
                    throw new InvalidProtocolBufferException("negative length");
                }
                int oldLimit = in.pushLimit(length);
                byte[] inner = filterMessage(in, field.getMessageType(), depth + 1);
                if (in.getBytesUntilLimit() != 0) {
                    throw new InvalidProtocolBufferException("message ended before its declared length");
                }
                in.popLimit(oldLimit);
                out.writeTag(number, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(inner.length);
                out.writeRawBytes(inner);
            } else {
                copyField(in, out, tag);
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static void copyField(CodedInputStream in, CodedOutputStream out, int tag) throws IOException {
        switch (WireFormat.getTagWireType(tag)) {
            case WireFormat.WIRETYPE_VARINT -> {
                long value = in.readRawVarint64();
                out.writeUInt32NoTag(tag);
                out.writeUInt64NoTag(value);
            }
            case WireFormat.WIRETYPE_FIXED64 -> {
                long value = in.readRawLittleEndian64();
                out.writeUInt32NoTag(tag);
                out.writeFixed64NoTag(value);
            }
            case WireFormat.WIRETYPE_FIXED32 -> {
                int value = in.readRawLittleEndian32();
                out.writeUInt32NoTag(tag);
                out.writeFixed32NoTag(value);
            }
            case WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
                ByteString value = in.readBytes();
                out.writeUInt32NoTag(tag);
                out.writeBytesNoTag(value);
            }
            default -> in.skipField(tag); // groups are not used by ONNX
        }
    }

    private boolean holdsTensors(Descriptor type) {
        Boolean known = holdsTensors.get(type);
        if (known != null) {
            return known;
        }
        holdsTensors.put(type, false); // breaks cycles (GraphProto -> NodeProto -> AttributeProto -> GraphProto)
        boolean result = type.equals(TensorProto.getDescriptor());
        for (FieldDescriptor f : type.getFields()) {
            if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && holdsTensors(f.getMessageType())) {
                result = true;
            }
        }
        holdsTensors.put(type, result);
        return result;
    }
}
