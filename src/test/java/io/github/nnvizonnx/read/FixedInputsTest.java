package io.github.nnvizonnx.read;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.constant;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.int64s;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.weight;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.nnvizonnx.model.FixedInputs;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inputs of top-level operations that the file fixes: weights by name, small int64 constants by value. */
class FixedInputsTest {
    @TempDir
    Path dir;

    private static OperationNode op(ModelGraph model, String name) {
        return model.nodes(OperationNode.class).stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void smallInt64ConstantsAreReadAndEverythingElseIsOnlyNamed() {
        TensorProto longList = int64s("long", LongStream.range(0, FixedInputs.MAX_VALUES + 1).toArray());
        TensorProto listed = TensorProto.newBuilder().setName("listed").setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(2).addInt64Data(7).addInt64Data(-1).build();
        GraphProto.Builder g = GraphProto.newBuilder().setName("g").addInput(tensor("x", 2, 7))
                .addInitializer(int64s("shape", 25000, 4000)).addInitializer(longList).addInitializer(listed)
                .addInitializer(weight("w", 7, 7))
                .addNode(constant("axes", int64s("", 0, 2)))
                .addNode(node("fill", "ConstantOfShape", in("shape"), "big"))
                .addNode(node("long_reshape", "Reshape", in("x", "long"), "r1"))
                .addNode(node("listed_reshape", "Reshape", in("x", "listed"), "r2"))
                .addNode(node("squeeze", "Unsqueeze", in("r2", "axes"), "r3"))
                .addNode(node("matmul", "MatMul", in("x", "w"), "m"))
                .addNode(node("relu", "Relu", in("m"), "y"))
                .addOutput(tensor("y", 2, 7));
        ModelGraph model = OnnxReader.read(write(dir, "fixed.onnx", model(g)));

        assertArrayEquals(new long[] {25000, 4000}, model.fixedInputs(op(model, "fill")).values(0));
        assertArrayEquals(new long[] {7, -1}, model.fixedInputs(op(model, "listed_reshape")).values(1));
        assertArrayEquals(new long[] {0, 2}, model.fixedInputs(op(model, "squeeze")).values(1), "a Constant's");
        FixedInputs tooLong = model.fixedInputs(op(model, "long_reshape"));
        assertNull(tooLong.values(1), "65 values are a weight, not a shape: not kept");
        assertEquals("long", tooLong.name(1));
        FixedInputs matmul = model.fixedInputs(op(model, "matmul"));
        assertNotNull(matmul, "reads a weight");
        assertEquals("w", matmul.name(1));
        assertNull(matmul.values(1));
        assertNull(model.fixedInputs(op(model, "relu")), "reads an edge alone");
    }
}
