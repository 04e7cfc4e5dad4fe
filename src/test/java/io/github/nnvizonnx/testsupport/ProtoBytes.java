package io.github.nnvizonnx.testsupport;

import com.google.protobuf.CodedOutputStream;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Protobuf wire format written by hand, for files our schema classes refuse to build: messages nested deeper than
 * protobuf's serializer recurses, and fields of the wrong wire type.
 */
public final class ProtoBytes {
    private ProtoBytes() {
    }

    /** A length-delimited field: tag, length, bytes. */
    public static byte[] field(int number, byte[] message) {
        return write(out -> out.writeByteArray(number, message));
    }

    /** A varint field: tag, value. */
    public static byte[] varint(int number, long value) {
        return write(out -> out.writeUInt64(number, value));
    }

    /** A fixed32 field: tag, four bytes. */
    public static byte[] fixed32(int number, int value) {
        return write(out -> out.writeFixed32(number, value));
    }

    /** A raw tag with any wire type, including the invalid ones (6, 7). */
    public static byte[] tag(int number, int wireType) {
        return write(out -> out.writeUInt32NoTag((number << 3) | wireType));
    }

    public static byte[] concat(byte[]... parts) {
        byte[] result = new byte[0];
        for (byte[] p : parts) {
            int start = result.length;
            result = Arrays.copyOf(result, start + p.length);
            System.arraycopy(p, 0, result, start, p.length);
        }
        return result;
    }

    /** A model whose graph is {@code depth} If nodes, each holding the next graph as its then_branch. */
    public static byte[] nestedIfModel(int depth) {
        byte[] graph = GraphProto.newBuilder().setName("leaf").build().toByteArray();
        for (int level = 0; level < depth; level++) {
            byte[] attribute = concat(AttributeProto.newBuilder().setName("then_branch")
                    .setType(AttributeProto.AttributeType.GRAPH).build().toByteArray(),
                    field(AttributeProto.G_FIELD_NUMBER, graph));
            byte[] node = concat(NodeProto.newBuilder().setOpType("If").build().toByteArray(),
                    field(NodeProto.ATTRIBUTE_FIELD_NUMBER, attribute));
            graph = field(GraphProto.NODE_FIELD_NUMBER, node);
        }
        return concat(OnnxBuilder.model(GraphProto.newBuilder()).clearGraph().build().toByteArray(),
                field(ModelProto.GRAPH_FIELD_NUMBER, graph));
    }

    private interface Writing {
        void to(CodedOutputStream out) throws IOException;
    }

    private static byte[] write(Writing writing) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            writing.to(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
