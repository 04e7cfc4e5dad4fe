package io.github.nnvizonnx.read;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.function;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.graphAttribute;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.weight;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.withMetadata;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.OperatorSetIdProto;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small files made here, one per exporter convention, read end to end. */
class HierarchyFilesTest {
    @TempDir
    Path dir;

    private static OperationNode op(ModelGraph g, String name) {
        return g.nodes(OperationNode.class).stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    /** An If named {@code name} on input {@code cond}, writing {@code output}. */
    private static NodeProto.Builder ifNode(String name, String output, GraphProto then, GraphProto otherwise) {
        return node(name, "If", in("cond"), output).addAttribute(graphAttribute("then_branch", then))
                .addAttribute(graphAttribute("else_branch", otherwise));
    }

    private static List<String> modulePaths(ModelGraph g) {
        return g.modules().all().stream().map(m -> m.path().dotted()).collect(Collectors.toList());
    }

    @Test
    void torchScopedFileGivesModulesConstantsAndParameters() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("torch_jit")
                .addInput(tensor("input", 1, 8)).addOutput(tensor("output", 1, 8))
                .addInitializer(weight("block.linear.weight", 8, 8))
                .addNode(node("Constant_0", "Constant", in(), "c0"))
                .addNode(node("/block/linear/MatMul", "MatMul", in("input", "block.linear.weight"), "m"))
                .addNode(node("/block/relu/Relu", "Relu", in("m"), "r"))
                .addNode(node("/block/Add", "Add", in("r", "c0"), "a"))
                .addNode(node("/block/relu_1/Relu", "Relu", in("a"), "output"));
        ModelGraph graph = OnnxReader.read(write(dir, "torch.onnx", model(g)));

        assertEquals("torch", graph.info().hierarchy());
        // the second call of relu is a module call of its own, after the first
        assertEquals(List.of("", "block", "block.linear", "block.relu", "block.relu#2"), modulePaths(graph));
        assertEquals(ModulePath.of("block", "relu#2"), op(graph, "/block/relu_1/Relu").scope());
        // The constant is consumed only inside block, so it moves there.
        assertEquals(ModulePath.of("block"), op(graph, "Constant_0").scope());
        assertEquals(64, op(graph, "/block/linear/MatMul").parameterCount());
        assertEquals(64, graph.modules().require(ModulePath.of("block")).parameterCount());
        assertEquals(64, graph.modules().root().parameterCount());
        assertEquals(1, graph.nodes(InputNode.class).size(), "weights are not inputs");
        assertEquals("1×8", graph.nodes(OutputNode.class).get(0).tensor().shape().compact());
    }

    @Test
    void dynamoMetadataGivesPathsAndClassNames() {
        String classes = "['m.Net', 'torch.nn.modules.container.Sequential', 'm.Block', 'torch.nn.modules.linear.Linear']";
        GraphProto.Builder g = GraphProto.newBuilder().setName("main_graph")
                .addInput(tensor("x", 1, 4)).addOutput(tensor("y", 1, 4))
                .addNode(withMetadata(withMetadata(node("node_MatMul_0", "MatMul", in("x", "x"), "h"),
                        "pkg.torch.onnx.name_scopes", "['', 'blocks', 'blocks.0', 'blocks.0.fc']"),
                        "pkg.torch.onnx.class_hierarchy", classes))
                .addNode(withMetadata(node("node_Relu_1", "Relu", in("h"), "y"), "namespace",
                        ": m.Net/blocks: torch.nn.modules.container.Sequential/blocks.0: m.Block/node_Relu_1:"
                                + " aten.relu.default"));
        ModelGraph graph = OnnxReader.read(write(dir, "dynamo.onnx", model(g).setIrVersion(10)));

        assertEquals("dynamo", graph.info().hierarchy());
        assertEquals(List.of("", "blocks", "blocks.0", "blocks.0.fc"), modulePaths(graph));
        assertEquals("Block", graph.modules().require(ModulePath.of("blocks", "0")).className());
        assertEquals("Linear", graph.modules().require(ModulePath.of("blocks", "0", "fc")).className());
        assertEquals("Net", graph.modules().root().className());
        assertEquals(ModulePath.of("blocks", "0"), op(graph, "node_Relu_1").scope());
    }

    @Test
    void dynamoExportKeepsOpsOutOfTheModuleTree() {
        // As torch >= 2.5 writes it: every list ends with the FX node itself; a node outside every module has only
        // that entry. None of them may become a module.
        String sequential = "torch.nn.modules.container.Sequential";
        GraphProto.Builder g = GraphProto.newBuilder().setName("main_graph")
                .addInput(tensor("x", 1, 4)).addOutput(tensor("add", 1, 4))
                .addNode(exportedByDynamo(node("node_linear", "Gemm", in("x", "x"), "linear"), "linear",
                        "aten.linear.default", List.of("", "blocks", "blocks.0", "blocks.0.fc"),
                        List.of("m.Net", sequential, "m.Block", "torch.nn.modules.linear.Linear")))
                .addNode(exportedByDynamo(node("node_relu", "Relu", in("linear"), "relu"), "relu",
                        "aten.relu.default", List.of("", "blocks", "blocks.0"), List.of("m.Net", sequential, "m.Block")))
                .addNode(exportedByDynamo(node("node_add", "Add", in("relu", "x"), "add"), "add", "aten.add.Tensor",
                        List.of(), List.of()));
        ModelGraph graph = OnnxReader.read(write(dir, "dynamo-export.onnx", model(g).setIrVersion(10)));

        assertEquals("dynamo", graph.info().hierarchy());
        assertEquals(List.of("", "blocks", "blocks.0", "blocks.0.fc"), modulePaths(graph));
        assertEquals("Linear", graph.modules().require(ModulePath.of("blocks", "0", "fc")).className());
        assertEquals(ModulePath.of("blocks", "0", "fc"), op(graph, "node_linear").scope());
        assertEquals(ModulePath.of("blocks", "0"), op(graph, "node_relu").scope());
        assertEquals(ModulePath.ROOT, op(graph, "node_add").scope());
        assertEquals("Net", graph.modules().root().className());
    }

    /** The metadata torch's exporter writes: the module stack, then the FX node's own name and target. */
    private static NodeProto.Builder exportedByDynamo(NodeProto.Builder node, String fxName, String target,
            List<String> scopes, List<String> classes) {
        List<String> names = new ArrayList<>(scopes);
        names.add(fxName);
        List<String> types = new ArrayList<>(classes);
        types.add(target);
        StringBuilder namespace = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            namespace.append(i == 0 ? "" : "/").append(names.get(i)).append(": ").append(types.get(i));
        }
        NodeProto.Builder withLists = withMetadata(withMetadata(node, "pkg.torch.onnx.name_scopes",
                pythonList(names)), "pkg.torch.onnx.class_hierarchy", pythonList(types));
        return withMetadata(withMetadata(withLists, "namespace", namespace.toString()), "pkg.torch.onnx.fx_node",
                "%" + fxName + " : [num_users=1] = call_function[target=torch.ops." + target + "](args = (), kwargs = {})");
    }

    private static String pythonList(List<String> items) {
        return items.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    @Test
    void nestedLocalFunctionsBecomeNestedModules() {
        // Net calls Block twice; Block calls Inner; names inside bodies carry no scope (as torch writes them).
        var inner = function("pkg.layers", "Inner", in("t"), "u")
                .addNode(node("Relu_0", "Relu", in("t"), "u"));
        var block = function("pkg.blocks", "Block", in("a", "w"), "b")
                .addNode(node("MatMul_1", "MatMul", in("a", "w"), "h"))
                .addNode(node("Inner_2", "Inner", in("h"), "b").setDomain("pkg.layers"));
        GraphProto.Builder g = GraphProto.newBuilder().setName("torch_jit")
                .addInput(tensor("x", 1, 4)).addOutput(tensor("y", 1, 4))
                .addInitializer(weight("block1.w", 4, 4)).addInitializer(weight("block2.w", 4, 4))
                .addNode(node("/block1/Block", "Block", in("x", "block1.w"), "h1").setDomain("pkg.blocks"))
                .addNode(node("/block2/Block", "Block", in("h1", "block2.w"), "y").setDomain("pkg.blocks"));
        var m = model(g).addFunctions(inner).addFunctions(block)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("pkg.blocks").setVersion(1))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("pkg.layers").setVersion(1));
        ModelGraph graph = OnnxReader.read(write(dir, "functions.onnx", m));

        assertEquals(List.of("", "block1", "block1.Inner", "block2", "block2.Inner"), modulePaths(graph));
        Module block1 = graph.modules().require(ModulePath.of("block1"));
        assertEquals(ModuleKind.FUNCTION, block1.kind());
        assertEquals("Block", block1.className());
        assertEquals("pkg.blocks.Block", block1.qualifiedClassName());
        assertEquals(16, block1.parameterCount());
        assertEquals("Inner", graph.modules().require(ModulePath.of("block2", "Inner")).className());
        List<OperationNode> relus = graph.nodes(OperationNode.class).stream()
                .filter(n -> n.opType().equals("Relu")).toList();
        assertEquals(List.of(ModulePath.of("block1", "Inner"), ModulePath.of("block2", "Inner")),
                relus.stream().map(Node::scope).toList());
        // Data flows from block1's Relu into block2's MatMul through the call's output name h1.
        OperationNode matmul2 = graph.nodes(OperationNode.class).stream()
                .filter(n -> n.opType().equals("MatMul") && n.scope().equals(ModulePath.of("block2"))).findFirst()
                .orElseThrow();
        assertTrue(graph.graph().incomingEdgesOf(matmul2).stream()
                .anyMatch(e -> graph.graph().getEdgeSource(e).equals(relus.get(0))));

        ModelGraph flat = OnnxReader.read(write(dir, "functions-flat.onnx", m), new OnnxReader.Options("flat"));
        assertEquals(List.of(""), modulePaths(flat), "--hierarchy flat draws calls as plain operations");
        assertEquals(2, flat.nodes(OperationNode.class).size());
    }

    @Test
    void controlFlowBodiesAreRegionsWithCapturedEdges() {
        GraphProto then = GraphProto.newBuilder().setName("then")
                .addOutput(tensor("t_out", 2)).addNode(node("then_add", "Add", in("x", "x"), "t_out")).build();
        GraphProto otherwise = GraphProto.newBuilder().setName("else")
                .addOutput(tensor("e_out", 2)).addNode(node("else_neg", "Neg", in("x"), "e_out")).build();
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("cond")).addInput(tensor("x", 2)).addOutput(tensor("y", 2))
                .addNode(ifNode("choose", "y", then, otherwise));
        ModelGraph graph = OnnxReader.read(write(dir, "if.onnx", model(g)));

        Module region = graph.modules().require(ModulePath.of("choose"));
        assertEquals(ModuleKind.CONTROL_FLOW, region.kind());
        assertEquals("If", region.className());
        assertEquals(ModuleKind.BRANCH, graph.modules().require(ModulePath.of("choose", "then_branch")).kind());
        OperationNode add = op(graph, "then_add");
        assertEquals(ModulePath.of("choose", "then_branch"), add.scope());
        // x is captured from the outer graph: an edge from the outer Input into the body.
        assertTrue(graph.graph().incomingEdgesOf(add).stream()
                .anyMatch(e -> graph.graph().getEdgeSource(e) instanceof InputNode i && i.tensor().name().equals("x")));
    }

    @Test
    void aGraphReadOnTwoCoresHasItsModulesInNodeOrder() {
        // From PARALLEL_FROM nodes on, the hierarchy is worked out on another core and the nodes read meanwhile are
        // placed later; the If in the middle needs its module at once, so everything before it is placed first.
        int half = GraphImporter.PARALLEL_FROM / 2 + 100;
        GraphProto then = GraphProto.newBuilder().setName("then").addOutput(tensor("t", 2))
                .addNode(node("/b/Identity", "Identity", in("x"), "t")).build();
        GraphProto otherwise = GraphProto.newBuilder().setName("else").addOutput(tensor("e", 2))
                .addNode(node("/b/Neg", "Neg", in("x"), "e")).build();
        GraphProto.Builder g = GraphProto.newBuilder().setName("g").addInput(tensor("cond")).addInput(tensor("x", 2))
                .addOutput(tensor("y", 2));
        List<String> expected = new ArrayList<>(List.of(""));
        String previous = "x";
        for (int i = 0; i < 2 * half; i++) {
            if (i == half) {
                g.addNode(ifNode("/b/If", "f", then, otherwise));
                expected.addAll(List.of("b", "b.If", "b.If.then_branch", "b.If.else_branch"));
            }
            String module = (i < half ? "a" : "c") + i / 1000;
            if (!expected.contains(module)) {
                expected.add(module);
            }
            String out = i == 2 * half - 1 ? "y" : "t" + i;
            g.addNode(node("/" + module + "/Relu_" + i, "Relu", in(previous), out));
            previous = out;
        }
        ModelGraph graph = OnnxReader.read(write(dir, "two-cores.onnx", model(g)));

        assertTrue(graph.nodes().size() >= GraphImporter.PARALLEL_FROM);
        assertEquals(expected, modulePaths(graph));
        for (OperationNode op : graph.nodes(OperationNode.class)) {
            if (op.opType().equals("Relu")) {
                String module = op.name().substring(1, op.name().indexOf('/', 1));
                assertEquals(ModulePath.of(module), op.scope(), op.name());
            }
        }
        assertEquals(ModulePath.of("b", "If", "else_branch"), op(graph, "/b/Neg").scope());
    }

    @Test
    void torchBodiesNamedByTheirFullScopeDoNotRepeatTheirOwnersModule() {
        // torch names a body's nodes by their full scope: /gate/lin/Gemm inside the If of module gate.
        GraphProto then = GraphProto.newBuilder().setName("then")
                .addOutput(tensor("t_out", 2)).addNode(node("/gate/lin/Gemm", "Gemm", in("x", "x"), "t_out")).build();
        GraphProto otherwise = GraphProto.newBuilder().setName("else")
                .addOutput(tensor("e_out", 2)).addNode(node("/gate/Neg", "Neg", in("x"), "e_out")).build();
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("cond")).addInput(tensor("x", 2)).addOutput(tensor("y", 2))
                .addNode(ifNode("/gate/If", "y", then, otherwise));
        ModelGraph graph = OnnxReader.read(write(dir, "torch-if.onnx", model(g)));

        assertEquals(ModulePath.of("gate", "If", "then_branch", "lin"), op(graph, "/gate/lin/Gemm").scope());
        assertEquals(ModulePath.of("gate", "If", "else_branch"), op(graph, "/gate/Neg").scope());
        assertTrue(graph.modules().get(ModulePath.of("gate", "If", "then_branch", "gate")).isEmpty());
    }

    @Test
    void tfAndFlatFilesAreDetected() {
        GraphProto.Builder tf = GraphProto.newBuilder().setName("tf")
                .addInput(tensor("input", 1, 4)).addOutput(tensor("out", 1, 4))
                .addNode(node("StatefulPartitionedCall/model/dense/MatMul", "MatMul", in("input", "input"), "h"))
                .addNode(node("model/dense/BiasAdd__5", "Add", in("h", "h"), "out"));
        ModelGraph tfGraph = OnnxReader.read(write(dir, "tf.onnx", model(tf)));
        assertEquals("tf", tfGraph.info().hierarchy());
        assertEquals(List.of("", "model", "model.dense"), modulePaths(tfGraph));

        GraphProto.Builder paddle = GraphProto.newBuilder().setName("paddle")
                .addInput(tensor("x", 1, 4)).addOutput(tensor("y", 1, 4))
                .addNode(node("p2o.Relu.0", "Relu", in("x"), "h"))
                .addNode(node("", "Relu", in("h"), "y"));
        ModelGraph paddleGraph = OnnxReader.read(write(dir, "paddle.onnx", model(paddle)));
        assertEquals("flat", paddleGraph.info().hierarchy());
        assertEquals(List.of(""), modulePaths(paddleGraph));
    }
}
