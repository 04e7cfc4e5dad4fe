package io.github.nnvizonnx.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.emit.style.OpFamily;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.QuantizedLayers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules for dynamically quantized models, on a small model written as onnxruntime's quantizer writes them. */
class QuantizedViewsTest {
    @TempDir
    Path dir;

    private ModelGraph model;

    @BeforeEach
    void read() {
        model = OnnxReader.read(QuantizedLayers.write(dir));
    }

    private static OperationNode op(ModelGraph g, String opType) {
        return g.nodes(OperationNode.class).stream().filter(o -> o.opType().equals(opType)).findFirst()
                .orElseThrow();
    }

    private static Node moduleNode(ModelGraph g, String dotted) {
        return g.nodes(ModuleNode.class).stream().filter(m -> m.module().path().dotted().equals(dotted))
                .findFirst().orElseThrow();
    }

    private static List<String> tensorsBetween(ModelGraph g, Node from, Node to) {
        return g.graph().getAllEdges(from, to).stream().map(e -> e.tensor().name()).sorted().toList();
    }

    @Test
    void theQuantizerSitsInTheModuleOfTheOperationsItFeeds() {
        // named after h, it would sit in a.LayerNorm, h's producer; it feeds b.q and b.k, so it belongs to b
        assertEquals(ModulePath.of("b"), op(model, "DynamicQuantizeLinear").scope());
    }

    @Test
    void betweenCollapsedModulesTheQuantizedInputIsNoExtraConnection() {
        ModelGraph v = Views.apply(model, new ViewOptions(1, List.of(), null, false));
        assertEquals(List.of("h"), tensorsBetween(v, moduleNode(v, "a"), moduleNode(v, "b")),
                "one connection, the float tensor b quantizes and adds back, as in the float model");
    }

    @Test
    void scaleAndZeroPointTravelInTheQuantizedTensorsEdge() {
        ModelGraph v = Views.apply(model, new ViewOptions(2, List.of(), null, false).withFold(false));
        OperationNode quantizer = op(v, "DynamicQuantizeLinear");
        for (String m : List.of("b.q", "b.k")) {
            List<TensorEdge> edges = List.copyOf(v.graph().getAllEdges(quantizer, moduleNode(v, m)));
            assertEquals(1, edges.size(), "values, scale and zero point into " + m + ": " + edges);
            assertEquals("h_quantized", edges.get(0).tensor().name());
            assertEquals("uint8", edges.get(0).tensor().elementType());
        }
        String mermaid = Drawing.mermaid(model, new ViewOptions(2, List.of(), null, false).withFold(false));
        assertTrue(mermaid.contains("|\"uint8 1×4×8\"|"), "the quantized edge shows its type:\n" + mermaid);
    }

    @Test
    void betweenOperationsOnlyTheScaleGoingAloneStaysApart() {
        ModelGraph v = Views.apply(model, ViewOptions.everything());
        OperationNode quantizer = op(v, "DynamicQuantizeLinear");
        OperationNode integerMatMul = v.nodes(OperationNode.class).stream()
                .filter(o -> o.name().equals("/b/q/MatMul_quant")).findFirst().orElseThrow();
        OperationNode scalesMul = v.nodes(OperationNode.class).stream()
                .filter(o -> o.name().equals("/b/q/MatMul_quant_scales_mul")).findFirst().orElseThrow();
        assertEquals(List.of("h_quantized"), tensorsBetween(v, quantizer, integerMatMul), "zero point merged");
        assertEquals(List.of("h_scale"), tensorsBetween(v, quantizer, scalesMul), "nothing to merge it into");
        assertEquals(3, model.graph().outgoingEdgesOf(op(model, "DynamicQuantizeLinear")).stream()
                .map(e -> e.tensor().name()).distinct().count(), "the model keeps every tensor");
    }

    @Test
    void collapsedModulesComputingInIntegersAreMarked() {
        String mermaid = Drawing.mermaid(model, new ViewOptions(1, List.of(), null, false));
        String b = mermaid.lines().filter(l -> l.contains("<b>b</b>")).findFirst().orElseThrow();
        String a = mermaid.lines().filter(l -> l.contains("<b>a</b>")).findFirst().orElseThrow();
        assertTrue(b.contains("int8"), b);
        assertFalse(a.contains("int8"), a);
    }

    @Test
    void integerOperationsTakeTheirFloatCounterpartsFamily() {
        assertEquals(OpFamily.LINEAR, OpFamily.ofOperation("MatMulInteger"));
        assertEquals(OpFamily.LINEAR, OpFamily.ofOperation("QLinearMatMul"));
        assertEquals(OpFamily.LINEAR, OpFamily.ofOperation("MatMulNBits"));
        assertEquals(OpFamily.LINEAR, OpFamily.ofOperation("MatMulIntegerToFloat"));
        assertEquals(OpFamily.LINEAR, OpFamily.ofOperation("QGemm"));
        assertEquals(OpFamily.CONVOLUTION, OpFamily.ofOperation("ConvInteger"));
        assertEquals(OpFamily.CONVOLUTION, OpFamily.ofOperation("QLinearConv"));
        assertEquals(OpFamily.ELEMENTWISE, OpFamily.ofOperation("QLinearAdd"));
        assertEquals(OpFamily.ACTIVATION, OpFamily.ofOperation("QLinearSigmoid"));
        assertEquals(OpFamily.POOLING, OpFamily.ofOperation("QLinearGlobalAveragePool"));
        assertEquals(OpFamily.ATTENTION, OpFamily.ofOperation("QAttention"));
        assertEquals(OpFamily.QUANTIZATION, OpFamily.ofOperation("DynamicQuantizeLinear"));
        assertEquals(OpFamily.QUANTIZATION, OpFamily.ofOperation("DequantizeLinear"));
        assertEquals(OpFamily.OTHER, OpFamily.ofOperation("QLinearSomethingNew"));
        assertEquals(OpFamily.LINEAR, OpFamily.of(op(model, "MatMulInteger")));
    }
}
