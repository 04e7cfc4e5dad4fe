package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bytes each external data file must hold, from the model alone: the furthest extent its tensors declare. */
class ExternalDataExtentsTest {
    @TempDir
    Path dir;

    private static TensorProto external(String name, int dataType, long[] dims, String location, String offset,
                                        String length) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(dataType)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL).addExternalData(entry("location", location));
        for (long d : dims) {
            t.addDims(d);
        }
        if (offset != null) {
            t.addExternalData(entry("offset", offset));
        }
        if (length != null) {
            t.addExternalData(entry("length", length));
        }
        return t.build();
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    @Test
    void eachFileMustReachItsFurthestTensor() {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(OnnxBuilder.tensor("x", 1))
                .addOutput(OnnxBuilder.tensor("y", 1))
                .addInitializer(external("a", 1, new long[] {2, 3}, "w.bin", null, null)) // 24 bytes at 0
                .addInitializer(external("b", 7, new long[] {4}, "w.bin", "100", "32")) // ends at 132
                .addInitializer(external("c", 22, new long[] {5}, "int4.bin", "8", null)) // 5 int4: 3 bytes
                .addInitializer(external("d", 1, new long[] {1}, "bad.bin", "x", "4"))
                .addNode(OnnxBuilder.node("n", "Relu", OnnxBuilder.in("x"), "y"));
        Path model = OnnxBuilder.write(dir, "m.onnx", OnnxBuilder.model(g));
        assertEquals(Map.of("w.bin", 132L, "int4.bin", 11L, "bad.bin", Long.MAX_VALUE),
                OnnxReader.read(model).info().externalDataExtents());
    }
}
