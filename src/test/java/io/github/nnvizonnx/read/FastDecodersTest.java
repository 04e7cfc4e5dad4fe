package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.proto.Onnx.TensorShapeProto;
import io.github.nnvizonnx.proto.Onnx.TypeProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast decoders read what protobuf reads, or decline. */
class FastDecodersTest {
    private static FastDecoders.WeightHeader decode(byte[] bytes) throws Exception {
        return FastDecoders.weightHeader(new WireCursor(ByteBuffer.wrap(bytes), 0), bytes.length);
    }

    /** What the importer would keep of {@code bytes} parsed by protobuf. */
    private static FastDecoders.WeightHeader expected(byte[] bytes) throws Exception {
        TensorProto t = TensorProto.parseFrom(bytes);
        return FastDecoders.WeightHeader.of(t);
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    @Test
    void readsWhatProtobufReads() throws Exception {
        List<TensorProto> tensors = List.of(
                TensorProto.newBuilder().setName("w").setDataType(1).addAllDims(List.of(64L, 3L, 7L, 7L))
                        .setRawData(ByteString.copyFrom(new byte[4096])).build(),
                TensorProto.newBuilder().setName("scalar").setDataType(7).addInt64Data(5).build(),
                TensorProto.newBuilder().setName("ext").setDataType(10).addDims(1L << 40)
                        .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                        .addExternalData(entry("location", "first.bin")).addExternalData(entry("offset", "128"))
                        .addExternalData(entry("location", "weights/second.bin")).build(),
                TensorProto.newBuilder().setName("no_location").setDataType(1)
                        .setDataLocation(TensorProto.DataLocation.EXTERNAL).addExternalData(entry("length", "4"))
                        .build(),
                TensorProto.newBuilder().setName("listed_but_default").setDataType(1)
                        .addExternalData(entry("location", "ignored.bin")).setDocString("doc").build(),
                TensorProto.newBuilder().setName("ünïcode").setDataType(16).addDims(0).addFloatData(1.5f)
                        .addDoubleData(2.5).build());
        for (TensorProto t : tensors) {
            byte[] bytes = t.toByteArray();
            assertEquals(expected(bytes), decode(bytes), t.getName());
        }
    }

    @Test
    void unpackedDimsAndRepeatedScalarsFollowProtobufsRules() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(buffer);
        out.writeInt64(1, 2); // dims one by one (unpacked), then packed: they concatenate
        out.writeInt64(1, 3);
        out.writeTag(1, 2);
        out.writeUInt32NoTag(2);
        out.writeInt64NoTag(4);
        out.writeInt64NoTag(5);
        out.writeString(8, "first");
        out.writeInt32(2, 1);
        out.writeString(8, "last"); // the last name wins
        out.writeInt32(2, 11);
        out.flush();
        byte[] bytes = buffer.toByteArray();
        assertEquals(expected(bytes), decode(bytes));
        assertEquals(List.of(2L, 3L, 4L, 5L), decode(bytes).dims());
    }

    @Test
    void segmentsAndOddWireTypesAreLeftToProtobuf() throws Exception {
        TensorProto segmented = TensorProto.newBuilder().setName("s").setDataType(1)
                .setSegment(TensorProto.Segment.newBuilder().setBegin(0).setEnd(4)).build();
        assertNull(decode(segmented.toByteArray()));

        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(buffer);
        out.writeFixed32(2, 1); // data_type as fixed32: not what the schema says
        out.flush();
        assertNull(decode(buffer.toByteArray()));
    }

    @Test
    void randomTensorsDecodeAlike() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            TensorProto.Builder t = TensorProto.newBuilder().setName("t" + random.nextInt(1000))
                    .setDataType(random.nextInt(17));
            for (int d = random.nextInt(5); d > 0; d--) {
                t.addDims(random.nextInt(5) == 0 ? Math.abs(random.nextLong()) : random.nextInt(512));
            }
            if (random.nextBoolean()) {
                t.setDataLocation(random.nextBoolean() ? TensorProto.DataLocation.EXTERNAL
                        : TensorProto.DataLocation.DEFAULT);
                for (int e = random.nextInt(3); e > 0; e--) {
                    t.addExternalData(entry(random.nextBoolean() ? "location" : "offset", "f" + random.nextInt(9)));
                }
            }
            if (random.nextBoolean()) {
                t.setRawData(ByteString.copyFrom(new byte[random.nextInt(64)]));
            }
            byte[] bytes = t.build().toByteArray();
            assertEquals(expected(bytes), decode(bytes), t.toString());
        }
    }

    /** {@code bytes} placed in a buffer like the mapped model file (no array behind it), at a non-zero offset. */
    private static NodeWiring wiring(byte[] bytes, boolean direct) throws Exception {
        int size = bytes.length + 3;
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
        buffer.put(3, bytes);
        return FastDecoders.nodeWiring(new WireCursor(buffer, 3), 3 + bytes.length);
    }

    @Test
    void nodeWiringReadsWhatProtobufReads() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            NodeProto.Builder node = NodeProto.newBuilder().setName("/m" + i + "/Op").setOpType("Op" + i % 7);
            for (int k = random.nextInt(4); k > 0; k--) {
                node.addInput(random.nextInt(4) == 0 ? "" : "/x/ïn_" + random.nextInt(50));
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                node.addOutput("out_" + random.nextInt(50));
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                node.addAttribute(AttributeProto.newBuilder().setName("a" + k)
                        .setType(AttributeProto.AttributeType.INTS).addInts(random.nextInt(9)).addInts(-1));
            }
            if (random.nextBoolean()) {
                node.setDomain("com.example").setOverload("v" + random.nextInt(3)).setDocString("doc")
                        .addMetadataProps(entry("k", "v"));
            }
            NodeProto proto = node.build();
            NodeWiring expected = NodeWiring.of(proto);
            for (boolean direct : new boolean[] {false, true}) {
                assertEquals(expected, wiring(proto.toByteArray(), direct), proto.toString());
            }
        }
    }

    @Test
    void nodeWiringLeavesOddWireTypesToProtobuf() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(buffer);
        out.writeString(1, "x");
        out.writeInt32(2, 5); // an output as a number: not what the schema says
        out.flush();
        assertNull(wiring(buffer.toByteArray(), false));
    }

    @Test
    void rememberedTypesDecodeAsTheFirstTime() throws Exception {
        Random random = new Random(5);
        FastDecoders.TypeCache types = new FastDecoders.TypeCache();
        for (int i = 0; i < 400; i++) {
            TypeProto.Tensor.Builder tensor = TypeProto.Tensor.newBuilder().setElemType(1 + random.nextInt(3));
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            for (int d = random.nextInt(3); d > 0; d--) {
                TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
                shape.addDim(random.nextBoolean() ? dim.setDimValue(random.nextInt(3))
                        : dim.setDimParam("batch" + random.nextInt(2)));
            }
            byte[] bytes = ValueInfoProto.newBuilder().setName("v" + i)
                    .setType(TypeProto.newBuilder().setTensorType(tensor.setShape(shape))).build().toByteArray();
            FastDecoders.Declaration plain = FastDecoders.valueInfo(new WireCursor(ByteBuffer.wrap(bytes), 0),
                    bytes.length);
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            assertEquals(plain, FastDecoders.valueInfo(new WireCursor(direct, 0), bytes.length, types), "v" + i);
        }
    }
}
