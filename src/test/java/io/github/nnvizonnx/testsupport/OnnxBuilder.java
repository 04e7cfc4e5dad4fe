package io.github.nnvizonnx.testsupport;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.OperatorSetIdProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.proto.Onnx.TensorShapeProto;
import io.github.nnvizonnx.proto.Onnx.TypeProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small ONNX models for tests, built with the project's own schema classes. */
public final class OnnxBuilder {
    private OnnxBuilder() {
    }

    public static NodeProto.Builder node(String name, String opType, String[] inputs, String... outputs) {
        NodeProto.Builder b = NodeProto.newBuilder().setName(name).setOpType(opType);
        for (String i : inputs) {
            b.addInput(i);
        }
        for (String o : outputs) {
            b.addOutput(o);
        }
        return b;
    }

    public static String[] in(String... names) {
        return names;
    }

    public static NodeProto.Builder withMetadata(NodeProto.Builder node, String key, String value) {
        return node.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value));
    }

    public static ValueInfoProto tensor(String name, long... dims) {
        return typedTensor(name, TensorProto.DataType.FLOAT_VALUE, dims);
    }

    /** A declared tensor of an element type ({@code TensorProto.DataType.UINT8_VALUE}, ...). */
    public static ValueInfoProto typedTensor(String name, int elementType, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elementType).setShape(shape))).build();
    }

    public static TensorProto weight(String name, long... dims) {
        return typedWeight(name, TensorProto.DataType.FLOAT_VALUE, 4, dims);
    }

    /** A weight of zeros of an element type whose values take {@code bytesPerValue} bytes; a scalar without dims. */
    public static TensorProto typedWeight(String name, int elementType, int bytesPerValue, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(elementType);
        long count = 1;
        for (long d : dims) {
            t.addDims(d);
            count *= d;
        }
        return t.setRawData(com.google.protobuf.ByteString.copyFrom(new byte[(int) (count * bytesPerValue)]))
                .build();
    }

    /** An int64 tensor of one dim holding {@code values} in raw_data, little-endian, as exporters write it. */
    public static TensorProto int64s(String name, long... values) {
        java.nio.ByteBuffer raw = java.nio.ByteBuffer.allocate(values.length * 8)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length).setRawData(com.google.protobuf.ByteString.copyFrom(raw.array())).build();
    }

    /** A Constant node that outputs {@code value} under {@code output}. */
    public static NodeProto.Builder constant(String output, TensorProto value) {
        return node(output + "_const", "Constant", in(), output).addAttribute(AttributeProto.newBuilder()
                .setName("value").setType(AttributeProto.AttributeType.TENSOR).setT(value.toBuilder().clearName()));
    }

    public static AttributeProto graphAttribute(String name, GraphProto graph) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.GRAPH).setG(graph)
                .build();
    }

    public static AttributeProto intsAttribute(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    public static FunctionProto.Builder function(String domain, String name, String[] inputs, String... outputs) {
        FunctionProto.Builder f = FunctionProto.newBuilder().setDomain(domain).setName(name)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17));
        for (String i : inputs) {
            f.addInput(i);
        }
        for (String o : outputs) {
            f.addOutput(o);
        }
        return f;
    }

    public static ModelProto.Builder model(GraphProto.Builder graph) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("nnviz-onnx-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph);
    }

    /**
     * Writes one more occurrence of a model's graph field, holding the initializer {@code meta} with a raw_data of
     * {@code payloadBytes}, up to the start of that payload: the caller writes the payload (or leaves a sparse hole).
     * Protobuf merges repeated occurrences of a message field, so a model may be followed by any number of these.
     */
    public static void writeWeightHeader(CodedOutputStream out, TensorProto meta, long payloadBytes)
            throws IOException {
        long rawField = CodedOutputStream.computeTagSize(TensorProto.RAW_DATA_FIELD_NUMBER)
                + CodedOutputStream.computeUInt64SizeNoTag(payloadBytes) + payloadBytes;
        long tensorSize = meta.getSerializedSize() + rawField;
        long initializerField = CodedOutputStream.computeTagSize(GraphProto.INITIALIZER_FIELD_NUMBER)
                + CodedOutputStream.computeUInt64SizeNoTag(tensorSize) + tensorSize;
        out.writeTag(ModelProto.GRAPH_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt64NoTag(initializerField);
        out.writeTag(GraphProto.INITIALIZER_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt64NoTag(tensorSize);
        meta.writeTo(out);
        out.writeTag(TensorProto.RAW_DATA_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt64NoTag(payloadBytes);
    }

    public static Path write(Path dir, String fileName, ModelProto.Builder model) {
        try {
            Path file = dir.resolve(fileName);
            Files.write(file, model.build().toByteArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
