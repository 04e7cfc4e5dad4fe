package io.github.nnvizonnx.read;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.testsupport.NestedScopesModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader puts on edges: declared types, names as the defining graph writes them, top-level or not. */
class DeclaredTensorsTest {
    @TempDir
    Path dir;

    private static TensorEdge edgeInto(ModelGraph g, String consumerName, String tensorName) {
        return g.graph().edgeSet().stream()
                .filter(e -> g.graph().getEdgeTarget(e) instanceof OperationNode op && op.name().equals(consumerName))
                .filter(e -> e.tensor().name().equals(tensorName)).findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + tensorName + " into " + consumerName));
    }

    private static TensorEdge edgeOutOf(ModelGraph g, String producerName) {
        return g.graph().edgeSet().stream()
                .filter(e -> g.graph().getEdgeSource(e) instanceof OperationNode op && op.name().equals(producerName))
                .findFirst().orElseThrow(() -> new AssertionError("no edge out of " + producerName));
    }

    @Test
    void functionBoundariesCarryTheCallersNamesAndBodiesAreNotTopLevel() {
        ModelGraph graph = OnnxReader.read(NestedScopesModel.write(dir));

        TensorEdge entering = edgeInto(graph, "inner_relu", "h");
        assertTrue(entering.isTopLevel(), "the function's input is the caller's tensor h");
        assertFalse(edgeInto(graph, "inner_neg", "b").isTopLevel(), "this b lives only inside the function");
        TensorEdge leaving = edgeOutOf(graph, "inner_neg");
        assertEquals("b", leaving.tensor().name(), "named as the caller names the call's output");
        assertTrue(leaving.isTopLevel());
        assertTrue(edgeInto(graph, "mm", "x").isTopLevel());
        // A body reading an outer tensor reads the top-level h; what it makes itself is local.
        assertTrue(edgeInto(graph, "then_neg", "h").isTopLevel());
        assertFalse(edgeOutOf(graph, "then_neg").isTopLevel());
    }

    @Test
    void aLaterDeclarationWithoutTypeKeepsTheEarlierShape() {
        // The graph passes its input through as an output and declares the output without a type.
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 4)).addOutput(io.github.nnvizonnx.proto.Onnx.ValueInfoProto.newBuilder()
                        .setName("x"))
                .addOutput(tensor("y", 4))
                .addNode(node("relu", "Relu", in("x"), "y"));
        ModelGraph graph = OnnxReader.read(write(dir, "io.onnx", model(g)));

        TensorEdge input = edgeInto(graph, "relu", "x");
        assertEquals("float32", input.tensor().elementType());
        assertEquals(io.github.nnvizonnx.model.Shape.of(4), input.tensor().shape());
    }

    @Test
    void constantsDeclareTheirOutputTypeAndShape() {
        AttributeProto ints = AttributeProto.newBuilder().setName("value_ints").setType(AttributeProto.AttributeType.INTS)
                .addAllInts(List.of(1L, 4L, 1L)).build();
        AttributeProto tensorValue = AttributeProto.newBuilder().setName("value")
                .setType(AttributeProto.AttributeType.TENSOR)
                .setT(TensorProto.newBuilder().setDataType(10).addAllDims(List.of(2L, 2L))).build();
        AttributeProto scalar = AttributeProto.newBuilder().setName("value_float")
                .setType(AttributeProto.AttributeType.FLOAT).setF(1f).build();
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1, 4)).addOutput(tensor("y", 1, 4, 1))
                .addNode(node("shape", "Constant", in(), "s").addAttribute(ints))
                .addNode(node("half", "Constant", in(), "w").addAttribute(tensorValue))
                .addNode(node("one", "Constant", in(), "k").addAttribute(scalar))
                .addNode(node("reshape", "Reshape", in("x", "s"), "r"))
                .addNode(node("use_w", "Add", in("r", "w"), "q"))
                .addNode(node("mul", "Mul", in("q", "k"), "y"));
        ModelGraph graph = OnnxReader.read(write(dir, "c.onnx", model(g)));

        TensorEdge shape = edgeInto(graph, "reshape", "s");
        assertEquals("int64", shape.tensor().elementType());
        assertEquals("3", shape.tensor().shape().compact());
        assertEquals("float16", edgeInto(graph, "use_w", "w").tensor().elementType());
        assertEquals("2×2", edgeInto(graph, "use_w", "w").tensor().shape().compact());
        assertEquals("scalar", edgeInto(graph, "mul", "k").tensor().shape().compact());
        assertNull(edgeInto(graph, "use_w", "r").tensor().shape(), "nothing declares r: no shape is invented");
    }

    @Test
    void externalDataLocationsAreListedOnce() {
        TensorProto.Builder external = TensorProto.newBuilder().setName("w").setDataType(1).addAllDims(List.of(1L, 4L))
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("weights.bin"))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue("0"));
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1, 4)).addOutput(tensor("y", 1, 4))
                .addInitializer(external).addInitializer(external.clone().setName("v"))
                .addNode(node("add", "Add", in("x", "w"), "h"))
                .addNode(node("sub", "Sub", in("h", "v"), "y"));
        ModelGraph graph = OnnxReader.read(write(dir, "e.onnx", model(g)));
        assertEquals(List.of("weights.bin"), graph.info().externalData());
        assertEquals(List.of(), OnnxReader.read(write(dir, "plain.onnx", model(GraphProto.newBuilder()
                .addInput(tensor("x", 1)).addOutput(tensor("x", 1))))).info().externalData());
    }

    @Test
    void everyEdgeOfAFlatGraphIsTopLevel() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1, 4)).addOutput(tensor("y", 1, 4))
                .addNode(node("a", "Relu", in("x"), "h")).addNode(node("b", "Neg", in("h"), "y"));
        ModelGraph graph = OnnxReader.read(write(dir, "flat.onnx", model(g)));
        for (TensorEdge e : graph.graph().edgeSet()) {
            assertTrue(e.isTopLevel(), e.toString());
        }
        assertTrue(graph.toBuilder().build().graph().edgeSet().stream().allMatch(TensorEdge::isTopLevel),
                "copies keep the flag");
    }
}
