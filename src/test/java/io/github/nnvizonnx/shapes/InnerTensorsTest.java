package io.github.nnvizonnx.shapes;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.function;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.graphAttribute;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.OperatorSetIdProto;
import io.github.nnvizonnx.read.OnnxReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drawn operations matched with the inliner's, where the reader expands calls in its own ways. */
class InnerTensorsTest {
    @TempDir
    Path dir;

    private static final OperatorSetIdProto LOCAL = OperatorSetIdProto.newBuilder().setDomain("local").setVersion(1)
            .build();

    private static OperationNode operation(ModelGraph g, String name) {
        return g.nodes(OperationNode.class).stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private static TensorEdge edgeFrom(ModelGraph g, String producer) {
        return g.graph().edgeSet().stream()
                .filter(e -> g.graph().getEdgeSource(e) instanceof OperationNode op && op.name().equals(producer))
                .findFirst().orElseThrow();
    }

    @Test
    void aFunctionCallingItselfIsInlinedOnceAsTheReaderDrawsIt() {
        // The reader draws Loop's inner call of Loop as a plain operation; so does the inliner, in the same place.
        var loop = function("local", "Loop", in("a"), "c")
                .addNode(node("relu", "Relu", in("a"), "r"))
                .addNode(node("again", "Loop", in("r"), "c").setDomain("local"));
        GraphProto.Builder g = GraphProto.newBuilder().setName("g").addInput(tensor("x", 1, 2)).addOutput(tensor("y"))
                .addNode(node("call", "Loop", in("x"), "y").setDomain("local"));
        Path file = write(dir, "recursive.onnx", model(g).addFunctions(loop).addOpsetImport(LOCAL));
        ModelGraph model = OnnxReader.read(file);
        InnerTensors inner = InnerTensors.of(model, file);
        assertNull(inner.unmatched());
        TensorEdge r = edgeFrom(model, "relu");
        assertNotNull(inner.runName(r.tensor().name(), false, operation(model, "relu")));
        assertEquals(1, inner.runNames().size(), "r; c is the call's y: " + inner.runNames());
    }

    @Test
    void callsInsideAControlFlowBodyAreMatchedButNotReturned() {
        // The reader expands the call in the then branch too; the run leaves bodies as they are.
        var block = function("local", "Block", in("a"), "c")
                .addNode(node("relu", "Relu", in("a"), "r")).addNode(node("neg", "Neg", in("r"), "c"));
        GraphProto thenBranch = GraphProto.newBuilder().setName("then")
                .addNode(node("in_body", "Block", in("x"), "t").setDomain("local")).addOutput(tensor("t")).build();
        GraphProto elseBranch = GraphProto.newBuilder().setName("else")
                .addNode(node("else_id", "Identity", in("x"), "e")).addOutput(tensor("e")).build();
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1, 2)).addInput(tensor("cond")).addOutput(tensor("y")).addOutput(tensor("z"))
                .addNode(node("if", "If", in("cond"), "z")
                        .addAttribute(graphAttribute("then_branch", thenBranch))
                        .addAttribute(graphAttribute("else_branch", elseBranch)))
                .addNode(node("call", "Block", in("x"), "y").setDomain("local"));
        Path file = write(dir, "bodies.onnx", model(g).addFunctions(block).addOpsetImport(LOCAL));
        ModelGraph model = OnnxReader.read(file);
        InnerTensors inner = InnerTensors.of(model, file);
        assertNull(inner.unmatched());
        assertEquals(1, inner.runNames().size(), "the main graph's call's r alone: " + inner.runNames());
        List<OperationNode> relus = model.nodes(OperationNode.class).stream()
                .filter(n -> n.opType().equals("Relu")).toList();
        assertEquals(2, relus.size(), "one in the branch, one in the main graph");
        long returned = relus.stream().filter(n -> inner.runName("r", false, n) != null).count();
        assertEquals(1, returned, "the branch's r is not returned");
    }

    @Test
    void aModelWithoutCallsNeedsNoSecondLook() {
        // No call drawn as a module: the file is not even read again (it does not exist), and runs as it is.
        GraphProto.Builder g = GraphProto.newBuilder().setName("g").addInput(tensor("x", 1, 2)).addOutput(tensor("y"))
                .addNode(node("relu", "Relu", in("x"), "y"));
        Path file = write(dir, "plain.onnx", model(g));
        InnerTensors inner = InnerTensors.of(OnnxReader.read(file), dir.resolve("not read.onnx"));
        assertSame(InnerTensors.NONE, inner);
        assertFalse(inner.inlines());
        assertTrue(inner.runNames().isEmpty());
    }
}
