package io.github.nnvizonnx.read;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.Shape;
import java.util.ArrayList;
import java.util.List;

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

    private FastDecoders() {
    }

    /** ValueInfoProto: name = 1, type = 2 (TypeProto: tensor_type = 1, denotation = 6), doc_string = 3. */
    static Declaration valueInfo(WireCursor in, int end) throws InvalidProtocolBufferException {
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
                        tensor = tensorType(in, messageEnd(in, typeEnd));
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

    /** Reads a nested message's length; returns where it ends. */
    private static int messageEnd(WireCursor in, int end) throws InvalidProtocolBufferException {
        int length = in.readLength(end);
        return in.position() + length;
    }
}
