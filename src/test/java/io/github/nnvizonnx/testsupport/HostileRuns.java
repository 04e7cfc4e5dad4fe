package io.github.nnvizonnx.testsupport;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;

import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.OperatorSetIdProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.proto.Onnx.TensorShapeProto;
import io.github.nnvizonnx.proto.Onnx.TypeProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * Models that attack the onnxruntime run rather than the reader: each is small and reads as harmless (its declared
 * shapes ask for little memory), and only running it shows what it does.
 */
public final class HostileRuns {
    private static final int INT64 = TensorProto.DataType.INT64_VALUE;
    private static final int BOOL = TensorProto.DataType.BOOL_VALUE;

    private HostileRuns() {
    }

    /**
     * A float tensor of {@code side}×{@code side} whose size is computed while the model runs: Shape of the one-element
     * input, times {@code side}, concatenated with itself, fed to ConstantOfShape. Nothing declares its shape, so no
     * estimate made from the file sees it. {@code side} 40,000 asks for 6.4 GB in a file of some 300 bytes.
     */
    public static Path runTimeSizedTensor(Path dir, long side) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1))
                .addOutput(ValueInfoProto.newBuilder().setName("y").setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(1))))
                .addInitializer(OnnxBuilder.int64s("k", side))
                .addNode(node("shape", "Shape", in("x"), "s"))
                .addNode(node("times", "Mul", in("s", "k"), "n"))
                .addNode(node("square", "Concat", in("n", "n"), "dims").addAttribute(AttributeProto.newBuilder()
                        .setName("axis").setType(AttributeProto.AttributeType.INT).setI(0)))
                .addNode(node("fill", "ConstantOfShape", in("dims"), "y"));
        return OnnxBuilder.write(dir, "run-time-size.onnx", model(graph));
    }

    /**
     * A model whose one weight, {@code bytes} long, is external data in {@code weights.bin} next to it: a regular
     * file of exactly the declared extent, but sparse (made with {@link RandomAccessFile#setLength}), so that it
     * takes no disk space. Reading it takes memory all the same.
     */
    public static Path sparseExternalWeight(Path dir, long bytes) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("weights.bin").toFile(), "rw")) {
            file.setLength(bytes);
        }
        TensorProto weight = TensorProto.newBuilder().setName("w").setDataType(1).addDims(bytes / 4)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(entry("location", "weights.bin"))
                .addExternalData(entry("offset", "0"))
                .addExternalData(entry("length", Long.toString(bytes))).build();
        GraphProto.Builder graph = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1)).addOutput(ValueInfoProto.newBuilder().setName("y")) // no shape to estimate
                .addInitializer(weight)
                .addNode(node("add", "Add", in("x", "w"), "y"));
        return OnnxBuilder.write(dir, "sparse-weight.onnx", model(graph));
    }

    /** A Loop of 10^15 iterations adding 1 to a number: it runs until it is stopped. */
    public static Path endlessLoop(Path dir) {
        GraphProto.Builder body = GraphProto.newBuilder().setName("body")
                .addInput(typed("i", INT64)).addInput(typed("c", BOOL)).addInput(tensor("v", 1))
                .addOutput(typed("c_out", BOOL)).addOutput(tensor("v_out", 1))
                .addInitializer(TensorProto.newBuilder().setName("one").setDataType(1).addDims(1).addFloatData(1f))
                .addNode(node("keep", "Identity", in("c"), "c_out"))
                .addNode(node("step", "Add", in("v", "one"), "v_out"));
        GraphProto.Builder graph = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1)).addOutput(tensor("y", 1))
                .addInitializer(TensorProto.newBuilder().setName("m").setDataType(INT64).addInt64Data(1_000_000_000_000_000L))
                .addInitializer(TensorProto.newBuilder().setName("go").setDataType(BOOL).addInt32Data(1))
                .addNode(node("loop", "Loop", in("m", "go", "x"), "y")
                        .addAttribute(OnnxBuilder.graphAttribute("body", body.build())));
        return OnnxBuilder.write(dir, "endless-loop.onnx", model(graph));
    }

    /**
     * {@code levels} local functions, each calling the next twice, the last one a Relu, called once from the main
     * graph: a few KB that a runtime expands into 2^levels operations. {@code f0} calls itself too when
     * {@code recursive}.
     */
    public static Path explodingFunctions(Path dir, int levels, boolean recursive) {
        ModelProto.Builder model = model(GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1)).addOutput(tensor("y", 1))
                .addNode(node("call", "f0", in("x"), "y").setDomain("local")));
        model.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("local").setVersion(1));
        for (int level = 0; level < levels; level++) {
            FunctionProto.Builder f = OnnxBuilder.function("local", "f" + level, in("a"), "b")
                    .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("local").setVersion(1));
            String callee = level + 1 < levels ? "f" + (level + 1) : null;
            if (callee == null) {
                f.addNode(node("relu", "Relu", in("a"), "b"));
            } else {
                f.addNode(node("first", callee, in("a"), "m").setDomain("local"))
                        .addNode(node("second", callee, in("m"), "b").setDomain("local"));
            }
            if (recursive && level == 0) {
                f.addNode(node("again", "f0", in("a"), "unused").setDomain("local"));
            }
            model.addFunctions(f);
        }
        return OnnxBuilder.write(dir, "exploding-functions.onnx", model);
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    /** A scalar of element type {@code type}. */
    private static ValueInfoProto typed(String name, int type) {
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type).setShape(TensorShapeProto.newBuilder()))).build();
    }
}
