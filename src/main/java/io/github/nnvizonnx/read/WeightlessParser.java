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
 * Parses a ModelProto while dropping every tensor payload (raw_data, float_data, ...) but the values of small int64
 * tensors ({@link IntegerConstants}), so that the memory needed grows with the size of the graph, not with the size
 * of the weights. It walks the wire format of the file (a memory-mapped
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

    /** Where a small int64 tensor keeps its values ({@link IntegerConstants}): int64_data or raw_data. */
    private static final Set<Integer> KEPT_VALUE_FIELDS = Set.of(TensorProto.INT64_DATA_FIELD_NUMBER,
            TensorProto.RAW_DATA_FIELD_NUMBER);
    /** The most bytes such values take (ten per varint); a malformed file's larger payload is dropped as usual. */
    private static final int MAX_KEPT_BYTES = io.github.nnvizonnx.model.FixedInputs.MAX_VALUES * 10;

    /** What to do with a field, by message type and field number. */
    private enum Treatment { COPY, FILTER, DROP }

    /** The model without the main graph's long lists, and those lists, parsed on demand. */
    record Parsed(ModelProto model, List<NodeProto> nodes, List<TensorProto> initializers,
                  List<ValueInfoProto> valueInfo) {
        GraphContent mainGraph() {
            return GraphContent.of(model.getGraph(), nodes, initializers, valueInfo);
        }
    }

    private final WireCursor in;
    private final Map<Descriptor, Treatment[]> treatments = new HashMap<>();
    private final Map<Descriptor, Boolean> holdsTensors = new HashMap<>();
    private final ByteSink core = new ByteSink(1 << 16);
    private final ByteSink parts = new ByteSink(1 << 12);
    private final LazyMessages.Ranges nodes = new LazyMessages.Ranges();
    private final LazyMessages.Ranges initializers = new LazyMessages.Ranges();
    private final LazyMessages.Ranges valueInfo = new LazyMessages.Ranges();

    private WeightlessParser(ByteBuffer file) {
        this.in = new WireCursor(file, 0);
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
        boolean keepsValues = type == TensorProto.getDescriptor() && IntegerConstants.isSmall(in, start, end);
        boolean leftOut = false;
        in.position(start);
        while (in.position() < end) {
            int fieldStart = in.position();
            int tag = in.readTag(end);
            int number = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            Treatment treatment = number < byNumber.length ? byNumber[number] : Treatment.DROP;
            if (keepsValues && KEPT_VALUE_FIELDS.contains(number) && valueBytes(wireType, end) <= MAX_KEPT_BYTES) {
                treatment = Treatment.COPY;
            }
            boolean delimited = wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            if (delimited && mainGraph && isStreamedList(number)) {
                int length = in.readLength(end);
                int contentStart = in.position();
                streamed(number, contentStart, contentStart + length, type.findFieldByNumber(number).getMessageType(),
                        depth + 1);
                in.position(contentStart + length);
                continue;
            }
            if (!delimited || treatment != Treatment.FILTER) {
                in.skipValue(wireType, number, end, depth);
                if (treatment == Treatment.DROP || wireType == WireFormat.WIRETYPE_START_GROUP) {
                    leftOut = true; // groups are not used by ONNX
                } else {
                    out.copy(in.buffer(), fieldStart, in.position());
                }
                continue;
            }
            int length = in.readLength(end);
            int contentStart = in.position();
            int contentEnd = contentStart + length;
            out.writeVarint(tag);
            int lengthAt = out.reserveLength();
            leftOut |= filter(contentStart, contentEnd, type.findFieldByNumber(number).getMessageType(), depth + 1,
                    out);
            out.fillLength(lengthAt);
            in.position(contentEnd);
        }
        return leftOut;
    }

    /** The bytes of the field value at the cursor (a tag just read): a length-delimited one's length, else 10. */
    private int valueBytes(int wireType, int end) throws InvalidProtocolBufferException {
        if (wireType != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            return 10;
        }
        int at = in.position();
        int length = in.readLength(end);
        in.position(at);
        return length;
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
        if (holdsTensors(type) && needsFiltering(start, end, treatments(type))
                && filter(start, end, type, depth, parts)) {
            ranges.addFiltered(mark, parts.size() - mark);
        } else {
            parts.truncate(mark);
            ranges.addOriginal(start, end - start);
        }
    }

    /**
     * Whether a message has a field that {@link #filter} would not copy as it is: a message field that may hold
     * tensors, a field to drop, or a group. Most nodes have no attributes at all, and are then used as they lie in
     * the file without being copied first.
     */
    private boolean needsFiltering(int start, int end, Treatment[] byNumber) throws InvalidProtocolBufferException {
        in.position(start);
        while (in.position() < end) {
            int tag = in.readTag(end);
            int number = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            if (number >= byNumber.length || byNumber[number] != Treatment.COPY
                    || wireType == WireFormat.WIRETYPE_START_GROUP) {
                return true;
            }
            in.skipValue(wireType, number, end, 0);
        }
        return false;
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
}
