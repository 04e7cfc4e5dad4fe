package io.github.nnvizonnx.read;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.function;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.weight;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.OperatorSetIdProto;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.transform.ViewOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file as torch's {@code export_modules_as_functions=True} writes it: the main graph is one call of the model's own
 * class, named after the scope of its last op ({@code /head/Net}); inside the bodies, nodes are named
 * {@code OpType_N}, after no module.
 */
class WholeModelCallTest {
    @TempDir
    Path dir;

    private Path everyClassAsFunction() {
        GraphProto.Builder main = GraphProto.newBuilder().setName("torch_jit")
                .addInput(tensor("input", 1, 8)).addOutput(tensor("output", 1, 8))
                .addInitializer(weight("stem.weight", 8, 8)).addInitializer(weight("b0.weight", 8, 8))
                .addInitializer(weight("b1.weight", 8, 8)).addInitializer(weight("head.weight", 8, 8))
                .addNode(node("Identity_0", "Identity", in("stem.weight"), "w0")) // as torch passes weights in
                .addNode(node("/head/Net", "Net", in("input", "w0", "b0.weight", "b1.weight",
                        "head.weight"), "output").setDomain("m"));
        ModelProto.Builder file = model(main)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("m").setVersion(1))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("torch.nn.modules.linear").setVersion(1))
                .addFunctions(function("m", "Net", in("x", "w0", "w1", "w2", "w3"), "y")
                        .addNode(node("Linear_0", "Linear", in("x", "w0"), "a").setDomain("torch.nn.modules.linear"))
                        .addNode(node("Relu_1", "Relu", in("a"), "r"))
                        .addNode(node("Block_2", "Block", in("r", "w1"), "b").setDomain("m"))
                        .addNode(node("Block.1_3", "Block.1", in("b", "w2"), "c").setDomain("m"))
                        .addNode(node("Linear_4", "Linear", in("c", "w3"), "y").setDomain("torch.nn.modules.linear")))
                .addFunctions(function("m", "Block", in("x", "w"), "y")
                        .addNode(node("Linear_0", "Linear", in("x", "w"), "l").setDomain("torch.nn.modules.linear"))
                        .addNode(node("Add_1", "Add", in("l", "x"), "y")))
                .addFunctions(function("m", "Block.1", in("x", "w"), "y")
                        .addNode(node("Linear_0", "Linear", in("x", "w"), "l").setDomain("torch.nn.modules.linear"))
                        .addNode(node("Add_1", "Add", in("l", "x"), "y")))
                .addFunctions(function("torch.nn.modules.linear", "Linear", in("x", "w"), "y")
                        .addNode(node("MatMul_0", "MatMul", in("x", "w"), "y")));
        return write(dir, "every-class.onnx", file);
    }

    private static List<String> children(ModelGraph g, ModulePath path) {
        return g.modules().children(path).stream().map(m -> m.path().last()).toList();
    }

    @Test
    void theCallThatIsTheWholeModelIsTheRootAndAutoReadsFunctions() {
        ModelGraph g = OnnxReader.read(everyClassAsFunction());
        assertEquals("functions", g.info().hierarchy(), "auto: the main graph is one call");
        Module root = g.modules().root();
        assertEquals("Net", root.className());
        assertEquals("m.Net", root.qualifiedClassName());
        // depth 1 shows the model's children, not a box named after its last layer (head)
        assertEquals(List.of("Linear_0", "Block_0", "Block_1", "Linear_1"), children(g, ModulePath.ROOT));
        assertEquals(ModulePath.ROOT, g.nodes(OperationNode.class).stream().filter(n -> n.opType().equals("Relu"))
                .findFirst().orElseThrow().scope());
        assertEquals("Block", g.modules().require(ModulePath.of("Block_1")).className(), "variant Block.1");
        // a sub-call keeps its own box, named once after its class
        assertEquals(List.of("Linear"), children(g, ModulePath.of("Block_0")));
        assertEquals(4 * 64, root.parameterCount());
    }

    @Test
    void torchAsAskedReadsTheSameRoot() {
        ModelGraph g = OnnxReader.read(everyClassAsFunction(), new OnnxReader.Options("torch"));
        assertEquals("Net", g.modules().root().className());
        assertEquals(List.of("Linear_0", "Block_0", "Block_1", "Linear_1"), children(g, ModulePath.ROOT));
    }

    @Test
    void flatDrawsTheOneCall() {
        ModelGraph g = OnnxReader.read(everyClassAsFunction(), new OnnxReader.Options("flat"));
        assertEquals(List.of("Identity", "Net"), g.nodes(OperationNode.class).stream().map(OperationNode::opType)
                .sorted().toList());
        assertEquals(1, g.modules().size(), "the root alone");
        assertEquals(null, g.modules().root().className());
    }

    @Test
    void namesShowTheClassOnce() {
        String mermaid = Drawing.mermaid(OnnxReader.read(everyClassAsFunction()), ViewOptions.everything());
        assertTrue(!mermaid.contains("(Linear)") && !mermaid.contains("(Block)"), mermaid);
        assertTrue(mermaid.contains("Linear_0"), mermaid);
    }
}
