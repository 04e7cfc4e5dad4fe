package io.github.nnvizonnx.read;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.weight;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.testsupport.RealModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node count taken before reading, to decide whether the onnxruntime run is worth starting early. */
class NodeCountTest {
    @TempDir
    Path dir;

    @Test
    void countsTheMainGraphsNodesWithoutDecodingThem() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("g").addInput(tensor("x", 1, 4))
                .addOutput(tensor("y", 1, 4)).addInitializer(weight("w", 4, 4));
        String input = "x";
        for (int i = 0; i < 37; i++) {
            String output = i == 36 ? "y" : "h" + i;
            g.addNode(node("n" + i, i % 2 == 0 ? "MatMul" : "Relu", i % 2 == 0 ? in(input, "w") : in(input), output));
            input = output;
        }
        assertEquals(37, OnnxReader.mainGraphNodeCount(write(dir, "chain.onnx", model(g))));
    }

    @Test
    void aRealModelCountsWhatProtobufParses() throws IOException {
        Path miniLm = RealModels.miniLm();
        try (InputStream in = Files.newInputStream(miniLm)) {
            assertEquals(ModelProto.parseFrom(in).getGraph().getNodeCount(), OnnxReader.mainGraphNodeCount(miniLm));
        }
    }

    @Test
    void anythingThatIsNotAModelCountsAsUnknown() throws IOException {
        Path garbage = Files.write(dir.resolve("garbage.onnx"), new byte[] {(byte) 0xff, (byte) 0xff, 0x01});
        assertEquals(-1, OnnxReader.mainGraphNodeCount(garbage));
        assertEquals(-1, OnnxReader.mainGraphNodeCount(dir.resolve("missing.onnx")));
        assertEquals(-1, OnnxReader.mainGraphNodeCount(dir));
    }
}
