package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.testsupport.RealModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Silero's voice-activity detector v5, as spox wrote it: the whole model inside one If on the sample rate, each
 * branch a whole network inlined with a prefix, its weights Constant nodes, its LSTM cell in an If of its own.
 */
@Tag("slow") // fetched with npm
class SileroVadTest {
    @Test
    void theBranchesAreTwoNetworksWithTheirModulesAndWeights() throws IOException {
        Path file = RealModels.sileroVad("v5");
        ModelGraph g = OnnxReader.read(file);
        assertEquals("torch", g.info().hierarchy(), "the scopes behind the inlining prefix are read");
        for (String branch : List.of("then_branch", "else_branch")) {
            for (String part : List.of("stft", "encoder", "decoder")) {
                ModulePath path = ModulePath.of("If_0", branch, part);
                assertTrue(g.modules().get(path).isPresent(), path + " in " + g.modules().all().size() + " modules");
            }
        }
        assertEquals(floatConstantElements(file), g.totalParameters(), "every float Constant of two elements or"
                + " more is a weight here, the LSTM's included");
        List<String> branchResults = g.nodes(OutputNode.class).stream()
                .filter(o -> o.scope().length() == 2 && o.scope().segments().get(0).equals("If_0"))
                .map(OutputNode::displayName).toList();
        assertEquals(List.of("result", "result 2", "result", "result 2"), branchResults,
                "spox's If_0_then_branch__Introduce_0_outputs_0 and the like are drawn as the results they are");
        Module decoder = g.modules().require(ModulePath.of("If_0", "else_branch", "decoder"));
        assertTrue(decoder.parameterCount() > 0 && decoder.kind() != ModuleKind.CONTROL_FLOW, decoder.toString());
    }

    /** Counted independently on the whole parsed file, every body included. */
    private static long floatConstantElements(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return floatConstantElements(ModelProto.parseFrom(in).getGraph());
        }
    }

    private static long floatConstantElements(GraphProto graph) {
        long total = 0;
        for (NodeProto n : graph.getNodeList()) {
            for (AttributeProto a : n.getAttributeList()) {
                TensorProto t = a.getT();
                boolean floats = t.getDataType() == TensorProto.DataType.FLOAT_VALUE;
                if (n.getOpType().equals("Constant") && a.hasT() && floats) {
                    long elements = t.getDimsList().stream().mapToLong(Long::longValue).reduce(1, (x, y) -> x * y);
                    total += elements >= 2 ? elements : 0;
                }
                if (a.hasG()) {
                    total += floatConstantElements(a.getG());
                }
            }
        }
        return total;
    }
}
