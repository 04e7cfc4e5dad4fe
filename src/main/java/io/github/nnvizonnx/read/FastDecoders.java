package io.github.nnvizonnx.read;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.Shape;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the few fields the importer needs of the main graph's most numerous messages straight from their bytes,
 * without protobuf's builders: a million-node graph has a million value_infos and a million nodes. Only the plain
 * case is read here (a tensor type with a shape; a node without metadata); for anything else a decoder returns null
 * and the caller parses the message with protobuf, so the result is always what protobuf would give.
 */
final class FastDecoders {
    private static final int LENGTH_DELIMITED = WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int VARINT = WireFormat.WIRETYPE_VARINT;

    /** A value_info as the importer declares it: name, element type and shape (each may be null). */
    record Declaration(String name, String elementType, Shape shape) {
    }

    /** A node's name, op type and domain. */
    record NodeNames(String name, String opType, String domain) {
    }

    /**
     * What the importer keeps of an initializer: name, data type, dims, and where its data lives ({@code location}
     * is null unless {@code data_location} is EXTERNAL; {@code offset} and {@code length} the file's
     * {@code external_data} entries as written, null when absent).
     */
    record WeightHeader(String name, int dataType, List<Long> dims, String location, String offset, String length) {
        /** An initializer whose data is in the file, or external without offset and length. */
        WeightHeader(String name, int dataType, List<Long> dims, String location) {
            this(name, dataType, dims, location, null, null);
        }

        /** The same from a tensor protobuf parsed (the last of each {@code external_data} key wins). */
        static WeightHeader of(TensorProto tensor) {
            String location = null;
            String offset = null;
            String length = null;
            for (io.github.nnvizonnx.proto.Onnx.StringStringEntryProto entry : tensor.getExternalDataList()) {
                switch (entry.getKey()) {
                    case "location" -> location = entry.getValue();
                    case "offset" -> offset = entry.getValue();
                    case "length" -> length = entry.getValue();
                    default -> { }
                }
            }
            boolean external = tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL;
            return new WeightHeader(tensor.getName(), tensor.getDataType(), tensor.getDimsList(),
                    external ? (location == null ? "" : location) : null, offset, length);
        }
    }

    private FastDecoders() {
    }

    /**
     * TensorProto: dims = 1 (packed or not), data_type = 2, name = 8, external_data = 13 (StringStringEntryProto:
     * key = 1, value = 2), data_location = 14; every other field (the payloads among them) is skipped. A segment
     * (3) declines: protobuf's job.
     */
    static WeightHeader weightHeader(WireCursor in, int end) throws InvalidProtocolBufferException {
        String name = "";
        int dataType = 0;
        int dataLocation = 0;
        String location = null;
        String offset = null;
        String length = null;
        List<Long> dims = new ArrayList<>(4);
        while (in.position() < end) {
            int tag = in.readTag(end);
            int number = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            if (number == 1 && wireType == VARINT) {
                dims.add(in.readVarint(end));
            } else if (number == 1 && wireType == LENGTH_DELIMITED) {
                int packedEnd = messageEnd(in, end);
                while (in.position() < packedEnd) {
                    dims.add(in.readVarint(packedEnd));
                }
            } else if (number == 2 && wireType == VARINT) {
                dataType = (int) in.readVarint(end);
            } else if (number == 8 && wireType == LENGTH_DELIMITED) {
                name = in.readString(end);
            } else if (number == 14 && wireType == VARINT) {
                dataLocation = (int) in.readVarint(end);
            } else if (number == 13 && wireType == LENGTH_DELIMITED) {
                String[] entry = keyValue(in, messageEnd(in, end));
                if (entry == null) {
                    return null;
                }
                switch (entry[0]) {
                    case "location" -> location = entry[1];
                    case "offset" -> offset = entry[1];
                    case "length" -> length = entry[1];
                    default -> { }
                }
            } else if (number == 3 || number == 1 || number == 2 || number == 8 || number == 13 || number == 14) {
                return null; // a segment, or a known field with an unexpected wire type
            } else {
                in.skipValue(wireType, number, end, 0);
            }
        }
        boolean external = dataLocation == TensorProto.DataLocation.EXTERNAL_VALUE;
        return new WeightHeader(name, dataType, dims, external ? (location == null ? "" : location) : null, offset,
                length);
    }

    /** StringStringEntryProto: key = 1, value = 2 (the last of each wins). */
    private static String[] keyValue(WireCursor in, int end) throws InvalidProtocolBufferException {
        String key = "";
        String value = "";
        while (in.position() < end) {
            int tag = in.readTag(end);
            int number = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            if (wireType != LENGTH_DELIMITED) {
                return null;
            }
            if (number == 1) {
                key = in.readString(end);
            } else if (number == 2) {
                value = in.readString(end);
            } else {
                in.skipValue(wireType, number, end, 0);
            }
        }
        return new String[] {key, value};
    }

    /**
     * Tensor types already decoded, by their bytes: a large graph declares a handful of distinct types a million
     * times, and each is then decoded (and its shape made) once.
     */
    static final class TypeCache {
        private final Map<ByteBuffer, Declaration> known = new HashMap<>();

        /** The tensor type from the cursor's position to {@code end}, decoded once per distinct content. */
        Declaration tensorType(WireCursor in, int end) throws InvalidProtocolBufferException {
            ByteBuffer content = in.buffer().slice(in.position(), end - in.position());
            Declaration type = known.get(content);
            if (type != null) {
                in.position(end);
                return type;
            }
            type = FastDecoders.tensorType(in, end);
            if (type != null && known.size() < MAX_TYPES) {
                known.put(ByteBuffer.wrap(copy(content)), type); // the key must not be a view of a reused buffer
            }
            return type;
        }

        private static byte[] copy(ByteBuffer content) {
            byte[] bytes = new byte[content.remaining()];
            content.duplicate().get(bytes);
            return bytes;
        }
    }

    /** A graph with more distinct types than this gains little from remembering more. */
    private static final int MAX_TYPES = 4096;

    /** {@link #valueInfo(WireCursor, int, TypeCache)} without a cache. */
    static Declaration valueInfo(WireCursor in, int end) throws InvalidProtocolBufferException {
        return valueInfo(in, end, null);
    }

    /**
     * ValueInfoProto: name = 1, type = 2 (TypeProto: tensor_type = 1, denotation = 6), doc_string = 3. {@code types}
     * (may be null) remembers the tensor types decoded so far.
     */
    static Declaration valueInfo(WireCursor in, int end, TypeCache types) throws InvalidProtocolBufferException {
        String name = "";
        boolean typed = false;
        Declaration tensor = null;
        while (in.position() < end) {
            int tag = in.readTag(end);
            int number = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            if (wireType != LENGTH_DELIMITED) {
                return null;
            }
            if (number == 1) {
                name = in.readString(end);
            } else if (number == 2 && !typed) {
                typed = true;
                int typeEnd = messageEnd(in, end);
                while (in.position() < typeEnd) {
                    int typeTag = in.readTag(typeEnd);
                    int typeField = WireFormat.getTagFieldNumber(typeTag);
                    if (WireFormat.getTagWireType(typeTag) != LENGTH_DELIMITED
                            || (typeField == 1 && tensor != null) || (typeField != 1 && typeField != 6)) {
                        return null; // sequence, map, optional or sparse types, repeats: protobuf's job
                    }
                    if (typeField == 6) {
                        in.skipValue(LENGTH_DELIMITED, typeField, typeEnd, 0);
                    } else {
                        int tensorEnd = messageEnd(in, typeEnd);
                        tensor = types == null ? tensorType(in, tensorEnd) : types.tensorType(in, tensorEnd);
                        if (tensor == null) {
                            return null;
                        }
                    }
                }
            } else if (number == 3 || number == 4) {
                in.skipValue(wireType, number, end, 0); // doc_string, metadata_props: not declared
            } else {
                return null; // a second type (protobuf would merge them), unknown fields
            }
        }
        return tensor == null ? new Declaration(name, null, null)
                : new Declaration(name, tensor.elementType(), tensor.shape());
    }

    /** TypeProto.Tensor: elem_type = 1, shape = 2 (TensorShapeProto: dim = 1). */
    private static Declaration tensorType(WireCursor in, int end) throws InvalidProtocolBufferException {
        int elementType = 0;
        List<Dim> dims = null;
        while (in.position() < end) {
            int tag = in.readTag(end);
            int number = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            if (number == 1 && wireType == VARINT) {
                elementType = (int) in.readVarint(end);
            } else if (number == 2 && wireType == LENGTH_DELIMITED && dims == null) {
                dims = new ArrayList<>(4);
                int shapeEnd = messageEnd(in, end);
                while (in.position() < shapeEnd) {
                    int dimTag = in.readTag(shapeEnd);
                    if (WireFormat.getTagFieldNumber(dimTag) != 1
                            || WireFormat.getTagWireType(dimTag) != LENGTH_DELIMITED) {
                        return null;
                    }
                    Dim dim = dimension(in, messageEnd(in, shapeEnd));
                    if (dim == null) {
                        return null;
                    }
                    dims.add(dim);
                }
            } else {
                return null;
            }
        }
        return new Declaration(null, DataTypes.elementName(elementType), dims == null ? null : new Shape(dims));
    }

    /** TensorShapeProto.Dimension: dim_value = 1 or dim_param = 2 (the last one wins), denotation = 3. */
    private static Dim dimension(WireCursor in, int end) throws InvalidProtocolBufferException {
        Dim dim = Dim.UNKNOWN;
        while (in.position() < end) {
            int tag = in.readTag(end);
            int number = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            if (number == 1 && wireType == VARINT) {
                dim = Dim.of(in.readVarint(end));
            } else if (number == 2 && wireType == LENGTH_DELIMITED) {
                dim = Dim.symbolic(in.readString(end));
            } else if (number == 3 && wireType == LENGTH_DELIMITED) {
                in.skipValue(wireType, number, end, 0);
            } else {
                return null;
            }
        }
        return dim;
    }

    /** NodeProto: name = 3, op_type = 4, domain = 7 (the last of each wins); metadata_props (9): protobuf's job. */
    static NodeNames nodeNames(WireCursor in, int end) throws InvalidProtocolBufferException {
        String name = "";
        String opType = "";
        String domain = "";
        while (in.position() < end) {
            int tag = in.readTag(end);
            int number = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            if (wireType == LENGTH_DELIMITED && number == 3) {
                name = in.readString(end);
            } else if (wireType == LENGTH_DELIMITED && number == 4) {
                opType = in.readString(end);
            } else if (wireType == LENGTH_DELIMITED && number == 7) {
                domain = in.readString(end);
            } else if (number == 9) {
                return null;
            } else {
                in.skipValue(wireType, number, end, 0);
            }
        }
        return new NodeNames(name, opType, domain);
    }

    /**
     * NodeProto: input = 1, output = 2, attribute = 5, overload = 8; the names (3, 4, 7), doc_string (6) and
     * metadata_props (9) are skipped. Each attribute is parsed by protobuf from its own bytes: attributes are few and
     * varied, and may hold graphs. A known field with an unexpected wire type declines.
     */
    static NodeWiring nodeWiring(WireCursor in, int end) throws InvalidProtocolBufferException {
        List<String> inputs = new ArrayList<>(3);
        List<String> outputs = new ArrayList<>(1);
        List<AttributeProto> attributes = List.of();
        String overload = "";
        while (in.position() < end) {
            int tag = in.readTag(end);
            int number = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            if (number <= 9 && wireType != LENGTH_DELIMITED) {
                return null;
            }
            switch (number) {
                case 1 -> inputs.add(in.readString(end));
                case 2 -> outputs.add(in.readString(end));
                case 5 -> {
                    attributes = attributes.isEmpty() ? new ArrayList<>(2) : attributes;
                    attributes.add(attribute(in, end));
                }
                case 8 -> overload = in.readString(end);
                default -> in.skipValue(wireType, number, end, 0);
            }
        }
        return new NodeWiring(inputs, outputs, attributes, overload);
    }

    private static AttributeProto attribute(WireCursor in, int end) throws InvalidProtocolBufferException {
        int length = in.readLength(end);
        ByteBuffer buffer = in.buffer();
        CodedInputStream bytes = buffer.hasArray()
                ? CodedInputStream.newInstance(buffer.array(), buffer.arrayOffset() + in.position(), length)
                : CodedInputStream.newInstance(buffer.slice(in.position(), length));
        bytes.setRecursionLimit(WeightlessParser.RECURSION_LIMIT - 1); // one level below its node
        in.position(in.position() + length);
        return AttributeProto.parser().parseFrom(bytes);
    }

    /** Reads a nested message's length; returns where it ends. */
    private static int messageEnd(WireCursor in, int end) throws InvalidProtocolBufferException {
        int length = in.readLength(end);
        return in.position() + length;
    }
}
