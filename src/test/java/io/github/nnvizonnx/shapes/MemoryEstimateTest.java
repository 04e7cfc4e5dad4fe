package io.github.nnvizonnx.shapes;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.constant;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.function;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.int64s;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aRunThatInlinesCallsCountsTheTensorsInsideThemToo() {
        // Block: a → r (Relu) → c (Neg), called on x1 (1×2 float32: 8 B) and x2 (3×4: 48 B): each call's r is
        // returned by the inlined run and, declared nowhere, counts as the largest declared tensor.
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x1", 1, 2)).addInput(tensor("x2", 3, 4))
                .addOutput(tensor("y1", 1, 2)).addOutput(tensor("y2", 3, 4))
                .addNode(node("/first/Block", "Block", in("x1"), "y1").setDomain("local"))
                .addNode(node("/second/Block", "Block", in("x2"), "y2").setDomain("local"));
        Path file = write(dir, "calls.onnx", model(g).addFunctions(function("local", "Block", in("a"), "c")
                .addNode(node("relu", "Relu", in("a"), "r")).addNode(node("neg", "Neg", in("r"), "c")))
                .addOpsetImport(io.github.nnvizonnx.proto.Onnx.OperatorSetIdProto.newBuilder().setDomain("local")
                        .setVersion(1)));
        ModelGraph model = OnnxReader.read(file);
        Bindings bindings = Bindings.of(model, ShapeRequest.of(ShapeMode.RUN));
        Map<String, TensorInfo> inputs = Map.of("x1", new TensorInfo("x1", "float32", Shape.of(1, 2)),
                "x2", new TensorInfo("x2", "float32", Shape.of(3, 4)));
        long topLevel = MemoryEstimate.bytes(model, inputs, bindings);
        assertEquals(2 * (8 + 48), topLevel);
        assertEquals(topLevel + 48 + 48, MemoryEstimate.bytes(model, inputs, bindings, InnerTensors.of(model, file)));
    }

    @Test
    void noTensorsNoBytes() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(ValueInfoProto.newBuilder().setName("x")).addOutput(ValueInfoProto.newBuilder().setName("x"));
        ModelGraph model = OnnxReader.read(write(dir, "empty.onnx", model(g)));
        assertEquals(0, MemoryEstimate.bytes(model, Map.of(), Bindings.of(model, ShapeRequest.of(ShapeMode.RUN))));
        assertEquals(List.of(), model.info().externalData());
    }

    private long estimate(GraphProto.Builder graph, String inputName, long... inputDims) {
        ModelGraph model = OnnxReader.read(write(dir, "m.onnx", model(graph)));
        Map<String, TensorInfo> inputs = Map.of(inputName, new TensorInfo(inputName, "float32", Shape.of(inputDims)));
        return MemoryEstimate.bytes(model, inputs, Bindings.of(model, ShapeRequest.of(ShapeMode.RUN)));
    }

    @Test
    void shapesTheFileFixesCountAtTheSizeTheyImply() {
        // x: 1×4 float32 (16 B). Each output below has no declared shape; its size follows from constant operands.
        GraphProto.Builder g = GraphProto.newBuilder().setName("g").addInput(tensor("x", 1, 4))
                .addInitializer(int64s("repeats", 10, 1)).addInitializer(int64s("target", 3, 4))
                .addNode(constant("big_shape", int64s("", 25000, 4000)))
                .addNode(node("fill", "ConstantOfShape", in("big_shape"), "big"))      // 25000×4000 float32
                .addNode(node("tile", "Tile", in("x", "repeats"), "tiled"))             // 10×4 float32
                .addNode(node("expand", "Expand", in("x", "target"), "expanded"))       // 3×4 float32
                .addNode(constant("start", int64s("", 0)).clearAttribute()
                        .addAttribute(io.github.nnvizonnx.testsupport.OnnxBuilder.intsAttribute("value_ints", 5)))
                .addNode(constant("limit", int64s("", 105)))
                .addNode(constant("delta", int64s("", 1)))
                .addNode(node("range", "Range", in("start", "limit", "delta"), "steps")) // 100 int64
                .addOutput(ValueInfoProto.newBuilder().setName("big")).addOutput(ValueInfoProto.newBuilder()
                        .setName("tiled")).addOutput(ValueInfoProto.newBuilder().setName("expanded"))
                .addOutput(ValueInfoProto.newBuilder().setName("steps"));
        long constants = 2 * 8 + 3 * 8; // big_shape, and start, limit, delta: declared by their Constant nodes
        assertEquals(16 + 25000L * 4000 * 4 + 40 * 4 + 12 * 4 + 100 * 8 + constants, estimate(g, "x", 1, 4));
    }

    @Test
    void indexArithmeticOnShapesCountsAsTheFewBytesItIs() {
        // x (1×3×224×224) → Shape → Gather(0) → Unsqueeze → Concat(·, [-1]) → Reshape(x, ·): the batch-flatten
        // that exporters write. Only x and the reshaped copy are image-sized.
        GraphProto.Builder g = GraphProto.newBuilder().setName("g").addInput(tensor("x", 1, 3, 224, 224))
                .addInitializer(int64s("axes", 0)).addInitializer(int64s("rest", -1))
                .addNode(constant("zero", int64s("", 0)))
                .addNode(node("shape", "Shape", in("x"), "dims"))
                .addNode(node("gather", "Gather", in("dims", "zero"), "batch"))
                .addNode(node("unsqueeze", "Unsqueeze", in("batch", "axes"), "batch1"))
                .addNode(node("concat", "Concat", in("batch1", "rest"), "flat_shape"))
                .addNode(node("reshape", "Reshape", in("x", "flat_shape"), "y"))
                .addOutput(ValueInfoProto.newBuilder().setName("y"));
        long image = 3 * 224 * 224 * 4;
        long estimate = estimate(g, "x", 1, 3, 224, 224);
        assertTrue(estimate >= 2 * image && estimate < 2 * image + 4096, "two images and a few int64s: " + estimate);
    }

    @Test
    void everyTensorOfAChainCountsBecauseTheRunReturnsThemAll() {
        // The run fetches every tensor, so none is freed before it ends: 50 chained 4 MB tensors take some 200 MB
        // more than 5 do (measured peak RSS: 324 MB against 133 MB). The estimate adds them all up.
        GraphProto.Builder g = GraphProto.newBuilder().setName("g").addInput(tensor("x", 1, 1000, 1000));
        String previous = "x";
        for (int i = 0; i < 50; i++) {
            g.addNode(node("relu" + i, "Relu", in(previous), "t" + i));
            previous = "t" + i;
        }
        g.addOutput(ValueInfoProto.newBuilder().setName(previous));
        assertEquals(51 * 4_000_000L, estimate(g, "x", 1, 1000, 1000));
    }
}
