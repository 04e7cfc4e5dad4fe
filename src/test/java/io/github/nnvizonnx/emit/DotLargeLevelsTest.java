package io.github.nnvizonnx.emit;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.Graphviz;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import io.github.nnvizonnx.transform.ViewOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modules with hundreds of operations: dot puts every node in its own cluster and keeps every edge. */
class DotLargeLevelsTest {
    private static final int PER_MODULE = 150;

    @TempDir
    Path dir;

    @Test
    void everyNodeLandsInItsOwnCluster() throws Exception {
        Graphviz.require();
        GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", 1)).addOutput(tensor("y", 1));
        String previous = "x";
        for (int i = 0; i < 3 * PER_MODULE; i++) {
            String out = i == 3 * PER_MODULE - 1 ? "y" : "t" + i;
            g.addNode(node("/block" + (i / PER_MODULE) + "/Relu_" + i, "Relu", in(previous), out));
            previous = out;
        }
        ModelGraph model = OnnxReader.read(OnnxBuilder.write(dir, "long.onnx", model(g)));
        String dot = Drawing.draw("dot", model, ViewOptions.everything());

        Path json = dir.resolve("layout.json");
        Graphviz.Outcome outcome = Graphviz.run(Files.writeString(dir.resolve("long.dot"), dot), "json", json);
        assertTrue(outcome.ok(), outcome.messages());
        JsonObject layout = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        Map<String, Integer> clusterSizes = new TreeMap<>();
        for (JsonElement o : layout.getAsJsonArray("objects")) {
            JsonObject object = o.getAsJsonObject();
            if (object.get("name").getAsString().startsWith("cluster_") && object.has("nodes")) {
                clusterSizes.put(object.get("name").getAsString(), object.getAsJsonArray("nodes").size());
            }
        }
        int withTitle = PER_MODULE + 1; // each box's title is a node of its own
        assertEquals(Map.of("cluster_s0", withTitle, "cluster_s1", withTitle, "cluster_s2", withTitle),
                clusterSizes);
        int titleLinks = 3; // one invisible edge from each box's title to its first node
        assertEquals(3 * PER_MODULE + 1 + titleLinks, layout.getAsJsonArray("edges").size());
    }
}
