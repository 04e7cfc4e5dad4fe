package io.github.nnvizonnx.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.shapes.ShapeMode;
import io.github.nnvizonnx.shapes.ShapeRequest;
import io.github.nnvizonnx.shapes.Shapes;
import io.github.nnvizonnx.testsupport.TorchExports;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** torchvision's resnet18 statically quantized by torch FX and exported in the QDQ form, as a reader sees it. */
@Tag("slow") // a torch export
class QdqModelTest {
    private static Path file;
    private static ModelGraph model;

    @BeforeAll
    static void read() {
        file = TorchExports.resnet18Qdq();
        // measured shapes, as the command line draws by default: the file declares no type for a quantized tensor
        model = new Shapes().apply(OnnxReader.read(file), file, ShapeRequest.of(ShapeMode.RUN), status -> { }).model();
    }

    private static List<String> drawnQuantizers(ModelGraph view) {
        return view.nodes(OperationNode.class).stream().map(OperationNode::opType)
                .filter(t -> t.equals("QuantizeLinear") || t.equals("DequantizeLinear")).toList();
    }

    @Test
    void quantizeDequantizeChainsAreDrawnAsEdgesCarryingTheQuantizedTensor() {
        ViewOptions depth2 = new ViewOptions(2, List.of(), null, false);
        ModelGraph view = Views.apply(model, depth2);
        assertEquals(List.of(), drawnQuantizers(view));
        long quantizedEdges = view.graph().edgeSet().stream()
                .filter(e -> "uint8".equals(e.tensor().elementType())).count();
        assertTrue(quantizedEdges >= 16, "edges between layers carry uint8 tensors: " + quantizedEdges);
        // each residual Add still reads its two branches, now straight from the layers
        List<OperationNode> adds = view.nodes(OperationNode.class).stream()
                .filter(o -> o.opType().equals("Add")).toList();
        assertEquals(8, adds.size());
        for (OperationNode add : adds) {
            Set<Node> sources = new HashSet<>();
            for (TensorEdge e : view.graph().incomingEdgesOf(add)) {
                sources.add(view.graph().getEdgeSource(e));
            }
            assertEquals(2, sources.size(), add + " reads " + sources);
        }
        ModelGraph shown = Views.apply(model, depth2.withShowConstants(true));
        assertTrue(drawnQuantizers(shown).size() > 20, "--show-constants keeps the chains");
    }

    @Test
    void eightBitConstantWeightsCountAsParameters() throws IOException {
        assertEquals(elementsOfInitializersAndDequantizedConstants(file), model.totalParameters());
        assertTrue(model.totalParameters() > 11_000_000, "resnet18 holds some 11.7M weights");
    }

    /**
     * Counted independently, on the whole parsed file: every initializer, and every Constant of two elements or more
     * that a DequantizeLinear reads as its data.
     */
    private static long elementsOfInitializersAndDequantizedConstants(Path onnx) throws IOException {
        ModelProto proto;
        try (InputStream in = Files.newInputStream(onnx)) {
            proto = ModelProto.parseFrom(in);
        }
        Set<String> dequantized = new HashSet<>();
        for (NodeProto n : proto.getGraph().getNodeList()) {
            if (n.getOpType().equals("DequantizeLinear")) {
                dequantized.add(n.getInput(0));
            }
        }
        long total = 0;
        for (TensorProto t : proto.getGraph().getInitializerList()) {
            total += elements(t);
        }
        for (NodeProto n : proto.getGraph().getNodeList()) {
            if (n.getOpType().equals("Constant") && dequantized.contains(n.getOutput(0))) {
                long elements = elements(n.getAttribute(0).getT());
                total += elements >= 2 ? elements : 0;
            }
        }
        return total;
    }

    private static long elements(TensorProto t) {
        return t.getDimsList().stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
    }
}
