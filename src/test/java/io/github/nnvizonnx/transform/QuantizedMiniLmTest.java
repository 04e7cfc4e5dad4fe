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
import io.github.nnvizonnx.model.QuantizedOperations;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.RealModels;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** all-MiniLM-L6-v2 quantized by onnxruntime's dynamic quantizer, drawn next to the float export it was made from. */
@Tag("slow") // two real models: left out of the quick tier (-Pquick)
class QuantizedMiniLmTest {
    private static ModelGraph float32;
    private static ModelGraph quantized;

    @BeforeAll
    static void read() {
        float32 = OnnxReader.read(RealModels.miniLm());
        quantized = OnnxReader.read(RealModels.miniLmQuantized());
    }

    /** Edges between two collapsed modules, counted by the pair of boxes (their paths). */
    private static Map<String, Integer> connectionsBetweenBoxes(ModelGraph view) {
        Map<String, Integer> counts = new TreeMap<>();
        for (TensorEdge e : view.graph().edgeSet()) {
            Node from = view.graph().getEdgeSource(e);
            Node to = view.graph().getEdgeTarget(e);
            if (from instanceof ModuleNode a && to instanceof ModuleNode b) {
                counts.merge(a.module().path().dotted() + " → " + b.module().path().dotted(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void atDepthTwoTheQuantizedModelHasTheFloatModelsConnections() {
        for (ViewOptions view : List.of(new ViewOptions(2, List.of(), null, false),
                new ViewOptions(2, List.of(), null, false).withFold(false))) {
            Map<String, Integer> floatEdges = connectionsBetweenBoxes(Views.apply(float32, view));
            assertFalse(floatEdges.isEmpty());
            assertEquals(floatEdges, connectionsBetweenBoxes(Views.apply(quantized, view)), view.toString());
        }
    }

    @Test
    void everyQuantizerSitsInTheModuleOfTheOperationsItFeeds() {
        List<OperationNode> quantizers = quantized.nodes(OperationNode.class).stream()
                .filter(o -> QuantizedOperations.isQuantizer(o.opType())).toList();
        assertTrue(quantizers.size() >= 4 * 6, "a DynamicQuantizeLinear per integer MatMul input: " + quantizers.size());
        for (OperationNode q : quantizers) {
            ModulePath common = null;
            for (TensorEdge e : quantized.graph().outgoingEdgesOf(q)) {
                if (quantized.graph().getEdgeTarget(e) instanceof OperationNode consumer) {
                    common = common == null ? consumer.scope() : common.commonAncestor(consumer.scope());
                }
            }
            assertEquals(common, q.scope(), q.name());
            if (q.opType().equals(QuantizedOperations.DYNAMIC_QUANTIZER)) { // named after a LayerNorm's output
                assertFalse(q.scope().segments().contains("LayerNorm"), q.name() + " sits in its producer's module");
            }
        }
    }

    @Test
    void scaleAndZeroPointNeverRunBesideTheirValues() {
        // at depth 5 the attention's query, key and value are boxes, and their quantizer sits beside them
        for (ViewOptions view : List.of(ViewOptions.everything(), new ViewOptions(5, List.of(), null, false))) {
            ModelGraph v = Views.apply(quantized, view);
            Set<String> pairs = new HashSet<>();
            int quantizedEdges = 0;
            for (TensorEdge e : v.graph().edgeSet()) {
                String name = e.tensor().name();
                if (e.tensor().elementType() != null && e.tensor().elementType().equals("uint8")) {
                    quantizedEdges++;
                }
                String pair = v.graph().getEdgeSource(e).id() + "→" + v.graph().getEdgeTarget(e).id() + ":";
                String values = name.endsWith("_scale") ? name.substring(0, name.length() - "_scale".length())
                        : name.endsWith("_zero_point") ? name.substring(0, name.length() - "_zero_point".length())
                        : name.endsWith("_quantized") ? name.substring(0, name.length() - "_quantized".length())
                        : null;
                if (values != null) {
                    assertTrue(pairs.add(pair + values), "two edges of " + values + " at " + pair + " in " + view);
                }
            }
            assertTrue(quantizedEdges > 0, "quantized edges are labelled uint8 in " + view);
        }
        String mermaid = Drawing.mermaid(quantized, ViewOptions.everything());
        assertTrue(mermaid.contains("|\"uint8"), "the type is on the label without --show-dtypes");
    }

    @Test
    void integerOperationsAreColouredAsTheFloatOnesTheyReplace() {
        Set<String> floatOps = new HashSet<>();
        float32.nodes(OperationNode.class).forEach(o -> floatOps.add(o.opType()));
        Set<String> integerOps = new HashSet<>();
        for (OperationNode o : quantized.nodes(OperationNode.class)) {
            String counterpart = QuantizedOperations.floatCounterpart(o.opType());
            if (counterpart != null) {
                integerOps.add(o.opType());
                assertTrue(floatOps.contains(counterpart), o.opType());
                assertEquals(OpFamily.ofOperation(counterpart), OpFamily.of(o), o.opType());
            }
        }
        assertTrue(integerOps.contains("MatMulInteger"), integerOps.toString());
        assertEquals(OpFamily.LINEAR, OpFamily.ofOperation("MatMulInteger"));
    }

    @Test
    void collapsedQuantizedLayersAreMarked() {
        ViewOptions depth2 = new ViewOptions(2, List.of(), null, false);
        String q = Drawing.mermaid(quantized, depth2);
        String f = Drawing.mermaid(float32, depth2);
        String layers = q.lines().filter(l -> l.contains("layer.0–5")).findFirst().orElseThrow();
        assertTrue(layers.contains("int8"), layers);
        assertFalse(f.contains("int8"), f);
    }
}
