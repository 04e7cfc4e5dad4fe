package io.github.nnvizonnx.read;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.withMetadata;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleClassMapTest {
    private static final String MAP = """
            {"": {"class": "nnviz_intro.Net", "parameters": 612},
             "layer1": {"class": "torch.nn.modules.container.Sequential", "parameters": 10},
             "layer1.0": {"class": "torchvision.models.resnet.BasicBlock", "parameters": 10},
             "layer1.0.conv1": {"class": "torch.nn.modules.conv.Conv2d", "parameters": 10},
             "layer1.0.bn1": {"class": "torch.nn.modules.batchnorm.BatchNorm2d", "parameters": 2},
             "head": {"class": "Outer.Inner", "parameters": 0}}""";

    @TempDir
    Path dir;

    private static GraphProto.Builder resnetLikeGraph() {
        return GraphProto.newBuilder().setName("main_graph")
                .addInput(tensor("input", 1, 4)).addOutput(tensor("output", 1, 4))
                .addNode(node("/layer1/layer1.0/conv1/Conv", "Conv", in("input"), "c"))
                .addNode(node("/layer1/layer1.0/relu/Relu", "Relu", in("c"), "r"))
                .addNode(node("/head/Gemm", "Gemm", in("r"), "output"));
    }

    private ModelGraph read(ModelProto.Builder model) {
        return OnnxReader.read(write(dir, "m.onnx", model));
    }

    private static ModelProto.Builder withMap(ModelProto.Builder model, String json) {
        return model.addMetadataProps(StringStringEntryProto.newBuilder()
                .setKey(ModuleClassMap.METADATA_KEY).setValue(json));
    }

    private static Module module(ModelGraph g, String... path) {
        return g.modules().require(ModulePath.of(path));
    }

    @Test
    void classesComeFromTheMapMatchedByQualifiedName() {
        ModelGraph g = read(withMap(model(resnetLikeGraph()), MAP));

        assertEquals("BasicBlock", module(g, "layer1", "0").className());
        assertEquals("torchvision.models.resnet.BasicBlock", module(g, "layer1", "0").qualifiedClassName());
        assertEquals("Sequential", module(g, "layer1").className());
        assertEquals("Conv2d", module(g, "layer1", "0", "conv1").className());
        assertEquals("Net", g.modules().root().className());
        assertEquals("Inner", module(g, "head").className(), "a nested class keeps its last name");
        // relu is not in the map: it stays without a class; bn1 (folded away) is not invented.
        assertNull(module(g, "layer1", "0", "relu").className());
        assertTrue(g.modules().get(ModulePath.of("layer1", "0", "bn1")).isEmpty());
    }

    @Test
    void theMapWinsOverClassesFromScopes() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("main_graph")
                .addInput(tensor("x", 1, 4)).addOutput(tensor("y", 1, 4))
                .addNode(withMetadata(withMetadata(node("node_Conv_0", "Conv", in("x"), "y"),
                        "pkg.torch.onnx.name_scopes", "['', 'layer1', 'layer1.0']"),
                        "pkg.torch.onnx.class_hierarchy", "['guess.Root', 'guess.Seq', 'guess.Block']"));
        ModelGraph graph = read(withMap(model(g), MAP));

        assertEquals("dynamo", graph.info().hierarchy());
        assertEquals("BasicBlock", module(graph, "layer1", "0").className());
        assertEquals("Sequential", module(graph, "layer1").className());
        assertEquals("Net", graph.modules().root().className());
    }

    @Test
    void withoutOrWithAnUnreadableMapScopesDecide() {
        ModelGraph plain = read(model(resnetLikeGraph()));
        assertNull(module(plain, "layer1", "0").className());

        for (String broken : new String[] {"not json", "[1, 2]", "{\"layer1\": 3}", "{\"layer1\": {\"class\": 7}}",
                "{\"layer1\": {\"class\": \"\"}}", "{\"layer1\": {\"class\": \"a.B\"", ""}) {
            ModelGraph g = read(withMap(model(resnetLikeGraph()), broken));
            assertNull(module(g, "layer1").className(), broken);
            assertEquals(3, g.nodes().size() - 2, "the graph is read anyway");
        }
    }

    @Test
    void parsesOnlyEntriesWithAClass() {
        ModuleClassMap map = ModuleClassMap.from(Map.of(ModuleClassMap.METADATA_KEY,
                "{\"a\": {\"class\": \"x.A\"}, \"b\": {\"parameters\": 3}, \"c\": \"x.C\"}"));
        assertEquals("x.A", map.qualifiedClass("a"));
        assertNull(map.qualifiedClass("b"));
        assertNull(map.qualifiedClass("c"));
        assertTrue(ModuleClassMap.from(Map.of()).isEmpty());
    }
}
