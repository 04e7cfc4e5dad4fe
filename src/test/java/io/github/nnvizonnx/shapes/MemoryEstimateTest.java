package io.github.nnvizonnx.shapes;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorInfo;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import io.github.nnvizonnx.read.OnnxReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryEstimateTest {
    @TempDir
    Path dir;

    @Test
    void declaredTensorsCountExactlyAndOthersAsTheLargestDeclaredOne() {
        // x (1×4 float32: 16 B) → a (declared 2×4: 32 B) → b (undeclared) → y (declared 1×4: 16 B)
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1, 4)).addOutput(tensor("y", 1, 4)).addValueInfo(tensor("a", 2, 4))
                .addNode(node("n1", "Tile", in("x"), "a"))
                .addNode(node("n2", "Relu", in("a"), "b"))
                .addNode(node("n3", "Neg", in("b"), "y"));
        ModelGraph model = OnnxReader.read(write(dir, "m.onnx", model(g)));
        ShapeRequest request = ShapeRequest.of(ShapeMode.RUN);
        Bindings bindings = Bindings.of(model, request);
        Map<String, TensorInfo> inputs = Map.of("x", new TensorInfo("x", "float32", Shape.of(1, 4)));
        assertEquals(16 + 32 + 32 + 16, MemoryEstimate.bytes(model, inputs, bindings));
        // A bigger input makes what follows it bigger too.
        Map<String, TensorInfo> big = Map.of("x", new TensorInfo("x", "int64", Shape.of(1000)));
        assertEquals(8000 + 32 + 8000 + 16, MemoryEstimate.bytes(model, big, bindings));
    }

    @Test
    void elementWidthsAndHumanSizes() {
        assertEquals(8, MemoryEstimate.elementBytes("int64"));
        assertEquals(2, MemoryEstimate.elementBytes("bfloat16"));
        assertEquals(4, MemoryEstimate.elementBytes(null));
        assertEquals("2.00 GiB", ByteText.of(2L << 30));
        assertEquals("64.0 KiB", ByteText.of(64 << 10));
        assertEquals("889 MiB", ByteText.of(889L << 20));
        assertEquals("100 B", ByteText.of(100));
        // An estimate just over the limit reads differently from it.
        assertEquals(List.of("2.01 GiB", "2.00 GiB"), List.of(ByteText.apart((2L << 30) + (8L << 20), 2L << 30)));
        assertEquals(List.of("2.0002 GiB", "2.0000 GiB"),
                List.of(ByteText.apart((2L << 30) + (200L << 10), 2L << 30)));
        assertEquals(Long.MAX_VALUE, MemoryEstimate.bytes(new TensorInfo("huge", "float32",
                Shape.of(1L << 40, 1L << 40))), "saturates instead of overflowing");
    }

    @Test
    void noTensorsNoBytes() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(ValueInfoProto.newBuilder().setName("x")).addOutput(ValueInfoProto.newBuilder().setName("x"));
        ModelGraph model = OnnxReader.read(write(dir, "empty.onnx", model(g)));
        assertEquals(0, MemoryEstimate.bytes(model, Map.of(), Bindings.of(model, ShapeRequest.of(ShapeMode.RUN))));
        assertEquals(List.of(), model.info().externalData());
    }
}
