package io.github.nnvizonnx.read;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a ModelProto while dropping every tensor payload (raw_data, float_data, ...), so that the memory needed grows
 * with the size of the graph, not with the size of the weights. It walks the wire format of the file (a memory-mapped
 * buffer: the bytes of skipped payloads are never read) guided by the message descriptors: fields of message types
 * that can contain a TensorProto are filtered recursively, everything else is copied unchanged, and the filtered bytes
 * are then parsed as usual.
 *
 * <p>The filtered copy is written in one pass into one buffer: each nested message gets a five-byte (padded) length
 * varint that is filled in when the message ends, which protobuf accepts, so no level is copied twice.
 *
 * <p>The main graph's long lists (nodes, initializers, value_info) are not parsed here: their elements' positions
 * are recorded and {@link Parsed#mainGraph} parses them one at a time when the importer asks, so a million-node graph
 * never exists as a million protobuf objects at once. An element that needed no filtering (a node without tensor
 * attributes, an external-data initializer, any value_info) is parsed straight from the file's bytes.
 */
final class WeightlessParser {
    /** Deeper than any real model; protects the stack against hostile nesting. */
    static final int MAX_NESTING = 96;
    static final int RECURSION_LIMIT = MAX_NESTING * 2 + 8;

    private static final Set<Integer> PAYLOAD_FIELDS = Set.of(
            TensorProto.FLOAT_DATA_FIELD_NUMBER, TensorProto.INT32_DATA_FIELD_NUMBER,
            TensorProto.STRING_DATA_FIELD_NUMBER, TensorProto.INT64_DATA_FIELD_NUMBER,
            TensorProto.RAW_DATA_FIELD_NUMBER, TensorProto.DOUBLE_DATA_FIELD_NUMBER,
            TensorProto.UINT64_DATA_FIELD_NUMBER);

    /** What to do with a field, by message type and field number. */
    private enum Treatment { COPY, FILTER, DROP }

    /** The model without the main graph's long lists, and those lists, parsed on demand. */
    record Parsed(ModelProto model, List<NodeProto> nodes, List<TensorProto> initializers,
                  List<ValueInfoProto> valueInfo) {
        GraphContent mainGraph() {
            return GraphContent.of(model.getGraph(), nodes, initializers, valueInfo);
        }
    }

    private final ByteBuffer in;
    private final Map<Descriptor, Treatment[]> treatments = new HashMap<>();
    private final Map<Descriptor, Boolean> holdsTensors = new HashMap<>();
    private final ByteSink core = new ByteSink(1 << 16);
    private final ByteSink parts = new ByteSink(1 << 12);
    private final LazyMessages.Ranges nodes = new LazyMessages.Ranges();
    private final LazyMessages.Ranges initializers = new LazyMessages.Ranges();
    private final LazyMessages.Ranges valueInfo = new LazyMessages.Ranges();
    private int at;

    private WeightlessParser(ByteBuffer in) {
        this.in = in;
    }

    /** Parses a whole file's bytes (at most 2 GiB, as protobuf allows). */
    static Parsed parse(ByteBuffer file) throws IOException {
        WeightlessParser parser = new WeightlessParser(file);
        parser.filter(0, file.limit(), ModelProto.getDescriptor(), 0, parser.core);
        CodedInputStream coreInput = CodedInputStream.newInstance(parser.core.bytes(), 0, parser.core.size());
        coreInput.setRecursionLimit(RECURSION_LIMIT);
        ModelProto model = ModelProto.parseFrom(coreInput);
        byte[] filtered = parser.parts.bytes();
        return new Parsed(model,
                new LazyMessages<>(NodeProto.parser(), file, filtered, parser.nodes),
                new LazyMessages<>(TensorProto.parser(), file, filtered, parser.initializers),
                new LazyMessages<>(ValueInfoProto.parser(), file, filtered, parser.valueInfo));
    }

    /**
     * Appends the fields of the message in {@code [start, end)} to {@code out}, without payloads and unknown fields;
     * returns whether anything was left out.
     */
    private boolean filter(int start, int end, Descriptor type, int depth, ByteSink out)
            throws InvalidProtocolBufferException {
        if (depth > MAX_NESTING) {
            throw new InvalidModelException("graphs or messages are nested more than " + MAX_NESTING + " levels deep");
        }
        Treatment[] byNumber = treatments(type);
        boolean mainGraph = depth == 1 && type == GraphProto.getDescriptor();
        boolean leftOut = false;
        at = start;
        while (at < end) {
            int fieldStart = at;
            int tag = readTag(end);
            int number = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            Treatment treatment = number < byNumber.length ? byNumber[number] : Treatment.DROP;
            boolean delimited = wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            if (delimited && mainGraph && isStreamedList(number)) {
                int length = readLength(end);
                int contentStart = at;
                streamed(number, contentStart, contentStart + length, type.findFieldByNumber(number).getMessageType(),
                        depth + 1);
                at = contentStart + length;
                continue;
            }
            if (!delimited || treatment != Treatment.FILTER) {
                skipValue(wireType, number, end, depth);
                if (treatment == Treatment.DROP || wireType == WireFormat.WIRETYPE_START_GROUP) {
                    leftOut = true; // groups are not used by ONNX
                } else {
                    out.copy(in, fieldStart, at);
                }
                continue;
            }
            int length = readLength(end);
            int contentStart = at;
            int contentEnd = contentStart + length;
            out.writeVarint(tag);
            int lengthAt = out.reserveLength();
            leftOut |= filter(contentStart, contentEnd, type.findFieldByNumber(number).getMessageType(), depth + 1,
                    out);
            out.fillLength(lengthAt);
            at = contentEnd;
        }
        return leftOut;
    }

    private static boolean isStreamedList(int graphField) {
        return graphField == GraphProto.NODE_FIELD_NUMBER || graphField == GraphProto.INITIALIZER_FIELD_NUMBER
                || graphField == GraphProto.VALUE_INFO_FIELD_NUMBER;
    }

    /** Records where one element of the main graph's node, initializer or value_info list is. */
    private void streamed(int graphField, int start, int end, Descriptor type, int depth)
            throws InvalidProtocolBufferException {
        LazyMessages.Ranges ranges = graphField == GraphProto.NODE_FIELD_NUMBER ? nodes
                : graphField == GraphProto.INITIALIZER_FIELD_NUMBER ? initializers : valueInfo;
        int mark = parts.size();
        if (holdsTensors(type) && filter(start, end, type, depth, parts)) {
            ranges.addFiltered(mark, parts.size() - mark);
        } else {
            parts.truncate(mark);
            ranges.addOriginal(start, end - start);
        }
    }

    private Treatment[] treatments(Descriptor type) {
        Treatment[] known = treatments.get(type);
        if (known != null) {
            return known;
        }
        int highest = 0;
        for (FieldDescriptor f : type.getFields()) {
            highest = Math.max(highest, f.getNumber());
        }
        Treatment[] result = new Treatment[highest + 1];
        java.util.Arrays.fill(result, Treatment.DROP); // unknown to our schema (a newer IR version): not needed
        boolean isTensor = type == TensorProto.getDescriptor();
        for (FieldDescriptor f : type.getFields()) {
            if (isTensor && PAYLOAD_FIELDS.contains(f.getNumber())) {
                continue;
            }
            boolean nested = f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && holdsTensors(f.getMessageType());
            result[f.getNumber()] = nested ? Treatment.FILTER : Treatment.COPY;
        }
        treatments.put(type, result);
        return result;
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

    // ---- the wire format, read at absolute positions

    private int readTag(int end) throws InvalidProtocolBufferException {
        long tag = readVarint(end);
        if (tag >>> 32 != 0 || WireFormat.getTagFieldNumber((int) tag) == 0) {
            throw new InvalidProtocolBufferException("Protocol message contained an invalid tag (zero).");
        }
        return (int) tag;
    }

    private int readLength(int end) throws InvalidProtocolBufferException {
        long length = readVarint(end);
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new InvalidProtocolBufferException("CodedInputStream encountered an embedded string or message"
                    + " which claimed to have negative size.");
        }
        if (length > end - at) {
            throw truncated();
        }
        return (int) length;
    }

    private long readVarint(int end) throws InvalidProtocolBufferException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= end) {
                throw truncated();
            }
            byte b = in.get(at++);
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new InvalidProtocolBufferException("CodedInputStream encountered a malformed varint.");
    }

    private void skipValue(int wireType, int number, int end, int depth) throws InvalidProtocolBufferException {
        switch (wireType) {
            case WireFormat.WIRETYPE_VARINT -> readVarint(end);
            case WireFormat.WIRETYPE_FIXED64 -> skipBytes(8, end);
            case WireFormat.WIRETYPE_FIXED32 -> skipBytes(4, end);
            case WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
                int length = readLength(end); // read first: it moves the cursor past the length itself
                at += length;
            }
            case WireFormat.WIRETYPE_START_GROUP -> skipGroup(number, end, depth);
            default -> throw new InvalidProtocolBufferException("Protocol message tag had invalid wire type.");
        }
    }

    private void skipGroup(int number, int end, int depth) throws InvalidProtocolBufferException {
        if (depth > MAX_NESTING) {
            throw new InvalidModelException("graphs or messages are nested more than " + MAX_NESTING + " levels deep");
        }
        while (true) {
            int tag = readTag(end);
            if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_END_GROUP) {
                if (WireFormat.getTagFieldNumber(tag) != number) {
                    throw new InvalidProtocolBufferException("Protocol message end-group tag did not match expected"
                            + " tag.");
                }
                return;
            }
            skipValue(WireFormat.getTagWireType(tag), WireFormat.getTagFieldNumber(tag), end, depth + 1);
        }
    }

    private void skipBytes(int count, int end) throws InvalidProtocolBufferException {
        if (count > end - at) {
            throw truncated();
        }
        at += count;
    }

    private static InvalidProtocolBufferException truncated() {
        return new InvalidProtocolBufferException("While parsing a protocol message, the input ended unexpectedly in"
                + " the middle of a field.");
    }
}
