package io.github.nnvizonnx.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collapsing and selection on a two-block model: x → b1(fc, act) → b2(fc, act) → head → y, plus a skip x → b2. */
class ViewsTest {
    @TempDir
    Path dir;

    private ModelGraph model;

    @BeforeEach
    void read() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("net")
                .addInput(OnnxBuilder.tensor("x", 1, 4)).addOutput(OnnxBuilder.tensor("y", 1, 2))
                .addInitializer(OnnxBuilder.weight("b1.fc.w", 4, 4)).addInitializer(OnnxBuilder.weight("b2.fc.w", 4, 4))
                .addInitializer(OnnxBuilder.weight("head.w", 4, 2))
                .addNode(OnnxBuilder.node("/b1/fc/MatMul", "MatMul", OnnxBuilder.in("x", "b1.fc.w"), "h1"))
                .addNode(OnnxBuilder.node("/b1/act/Relu", "Relu", OnnxBuilder.in("h1"), "a1"))
                .addNode(OnnxBuilder.node("/b2/fc/MatMul", "MatMul", OnnxBuilder.in("a1", "b2.fc.w"), "h2"))
                .addNode(OnnxBuilder.node("/b2/Add", "Add", OnnxBuilder.in("h2", "x"), "s2"))
                .addNode(OnnxBuilder.node("/b2/act/Relu", "Relu", OnnxBuilder.in("s2"), "a2"))
                .addNode(OnnxBuilder.node("/head/MatMul", "MatMul", OnnxBuilder.in("a2", "head.w"), "y"));
        model = OnnxReader.read(OnnxBuilder.write(dir, "net.onnx", OnnxBuilder.model(g)));
    }

    private static Set<String> edgeTensors(ModelGraph g, Node to) {
        return g.graph().incomingEdgesOf(to).stream().map(e -> e.tensor().name()).collect(Collectors.toSet());
    }

    private static ModuleNode moduleNode(ModelGraph g, String dotted) {
        return g.nodes(ModuleNode.class).stream().filter(m -> m.module().path().dotted().equals(dotted))
                .findFirst().orElseThrow();
    }

    @Test
    void depthOneMakesTopLevelModulesNodesWithSummedParametersAndKeptTensors() {
        ModelGraph v = Views.apply(model, new ViewOptions(1, List.of(), null, false));
        assertEquals(List.of("b1", "b2"), v.nodes(ModuleNode.class).stream()
                .map(m -> m.module().path().dotted()).toList(), "head holds one node: it stays that node");
        assertEquals(List.of(ModulePath.of("head")), v.nodes(OperationNode.class).stream().map(Node::scope).toList());
        ModuleNode b2 = moduleNode(v, "b2");
        assertEquals(Set.of("a1", "x"), edgeTensors(v, b2), "tensor names survive on boundary edges");
        assertEquals(16, b2.parameterCount());
        assertEquals(3, b2.operationCount());
        assertEquals(List.of("", "b1", "b2", "head"), v.modules().all().stream().map(m -> m.path().dotted()).toList(),
                "collapsed modules stay in the tree, their insides do not");
        long edgesIntoOutput = v.graph().incomingEdgesOf(v.nodes(OutputNode.class).get(0)).size();
        assertEquals(1, edgesIntoOutput);
    }

    @Test
    void depthTwoKeepsBlocksAsBoxesAndSingleNodeModulesAsTheirNode() {
        ModelGraph v = Views.apply(model, new ViewOptions(2, List.of(), null, false));
        assertEquals(List.of(), v.nodes(ModuleNode.class), "fc and act hold one operation each");
        assertEquals(6, v.nodes(OperationNode.class).size());
        OperationNode add = v.nodes(OperationNode.class).stream().filter(o -> o.opType().equals("Add")).findFirst()
                .orElseThrow();
        assertEquals(ModulePath.of("b2"), add.scope());
        assertEquals(6, Views.apply(model, new ViewOptions(null, List.of(), null, false))
                .nodes(OperationNode.class).size(), "depth all keeps every operation");
    }

    @Test
    void collapseByPathAndSelectLayer() {
        ModelGraph collapsed = Views.apply(model, new ViewOptions(null, List.of("b2"), null, false));
        assertEquals(List.of("b2"), collapsed.nodes(ModuleNode.class).stream()
                .map(m -> m.module().path().dotted()).toList());
        assertEquals(3, collapsed.nodes(OperationNode.class).size());

        ModelGraph layer = Views.apply(model, new ViewOptions(null, List.of(), "b2", false));
        assertEquals(Set.of("a1", "x"), layer.nodes(InputNode.class).stream().map(i -> i.tensor().name())
                .collect(Collectors.toSet()));
        assertEquals(List.of("a2"), layer.nodes(OutputNode.class).stream().map(o -> o.tensor().name()).toList());
        assertEquals(3, layer.nodes(OperationNode.class).size());
        assertEquals(List.of("", "fc", "act"), layer.modules().all().stream().map(m -> m.path().dotted()).toList());
        for (TensorEdge e : layer.graph().edgeSet()) {
            assertTrue(layer.graph().getEdgeSource(e).scope().length() <= 1);
        }
        assertThrows(UnknownModuleException.class,
                () -> Views.apply(model, new ViewOptions(null, List.of("b3"), null, false)));
    }

    @Test
    void insideALayerModulesAreNamedByTheirPathInTheLayerOrByTheirFullPath() {
        for (String named : List.of("fc", "b2.fc", "b2/fc")) {
            ViewOptions resolved = Views.resolveNamedModules(model, new ViewOptions(null, List.of(named), "b2",
                    false));
            assertEquals(List.of("fc"), resolved.collapse(), named);
            Views.apply(model, new ViewOptions(null, List.of(named), "b2", false)); // found when drawn too
        }
        UnknownModuleException outside = assertThrows(UnknownModuleException.class, () -> Views.resolveNamedModules(
                model, new ViewOptions(null, List.of("b1.fc"), "b2", false)));
        assertTrue(outside.getMessage().contains("inside layer 'b2'") && outside.getMessage().contains("fc, act"),
                outside.getMessage());
        assertThrows(UnknownModuleException.class, () -> Views.resolveNamedModules(model,
                new ViewOptions(null, List.of(), "b9", false)));
    }
}
