package io.github.nnvizonnx.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.OnnxruntimeOracle;
import io.github.nnvizonnx.testsupport.RealModels;
import io.github.nnvizonnx.testsupport.TorchExports;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Free input dims drawn as symbols on real models, and each symbolic dim checked against what onnxruntime measures at
 * sizes the fitting runs never used: a symbol where the size varies, a number where it does not.
 */
class SymbolicShapesTest {
    private static final Pattern TERM = Pattern.compile("([*/+-]?)([A-Za-z_][A-Za-z_]*|\\d+)");

    private static ShapeOutcome run(Path file, ShapeRequest request) {
        return new Shapes().apply(OnnxReader.read(file), file, request, status -> { });
    }

    @Test
    void miniLmHiddenStatesReadBatchBySequenceBy384AndHoldAtOtherSizes() {
        Path file = RealModels.miniLm();
        ShapeOutcome outcome = run(file, ShapeRequest.of(ShapeMode.RUN));
        assertNull(outcome.warning());
        assertEquals(List.of(), outcome.notes());
        ModelGraph g = outcome.model();
        // The file declares batch×batch; its second axis is another dim, a token sequence.
        assertEquals("batch×sequence", g.nodes(InputNode.class).get(0).tensor().shape().compact());
        assertEquals("batch×sequence×384", g.nodes(OutputNode.class).get(0).tensor().shape().compact(),
                "declared batch×Addoutput_0_dim_1×384: the generated name is not drawn");
        long hidden = g.graph().edgeSet().stream().filter(e -> shape(e).equals("batch×sequence×384")).count();
        assertTrue(hidden >= 20, "hidden-state edges: " + hidden);

        Map<String, long[]> feed = new LinkedHashMap<>();
        OnnxruntimeOracle.inputNames(file).forEach(name -> feed.put(name, new long[] {3, 7}));
        Map<String, String> measured = OnnxruntimeOracle.shapes(file, feed);
        int checked = checkAgainst(g, measured, Map.of("batch", 3L, "sequence", 7L));
        assertTrue(checked > 700, "edges checked: " + checked);
    }

    @Test
    void aCnnWithDynamicAxesReadsNByHOver32AndItsConstantClassCountIsANumber() {
        Path file = TorchExports.resnet18DynamicAxes();
        ModelGraph declared = OnnxReader.read(file);
        assertEquals("batch×classes", declared.nodes(OutputNode.class).get(0).tensor().shape().compact());
        ShapeOutcome outcome = run(file, ShapeRequest.of(ShapeMode.RUN));
        assertNull(outcome.warning());
        ModelGraph g = outcome.model();
        assertEquals("N×3×H×W", g.nodes(InputNode.class).get(0).tensor().shape().compact(),
                "torch's input_dynamic_axes_1... are replaced");
        assertEquals("N×1000", g.nodes(OutputNode.class).get(0).tensor().shape().compact(),
                "declared symbolic, constant in fact: a number");
        assertTrue(g.graph().edgeSet().stream().anyMatch(e -> shape(e).equals("N×512×H/32×W/32")));
        assertTrue(g.graph().edgeSet().stream().anyMatch(e -> shape(e).equals("N×64×H/4×W/4")));
        assertFalse(g.graph().edgeSet().stream().anyMatch(e -> shape(e).contains("dynamic")));

        // The same model with its dims bound: one plain run at sizes the fitting never saw.
        Map<String, Long> sizes = Map.of("N", 2L, "H", 320L, "W", 288L);
        ModelGraph bound = run(file, new ShapeRequest(ShapeMode.RUN, Map.of("input_dynamic_axes_1", 2L,
                "input_dynamic_axes_2", 320L, "input_dynamic_axes_3", 288L), List.of(),
                ShapeRequest.DEFAULT_MEMORY_LIMIT, ShapeRequest.DEFAULT_TIME_LIMIT)).model();
        Map<String, String> measured = new LinkedHashMap<>();
        bound.graph().edgeSet().forEach(e -> measured.put(e.tensor().name(), shape(e)));
        assertTrue(checkAgainst(g, measured, sizes) > 50);
    }

    @Test
    void aWaveformModelRunsOn16000SamplesAndReadsItsFramesAsFractionsOfThem() {
        Path file = TorchExports.wav2letter();
        ShapeOutcome outcome = run(file, ShapeRequest.of(ShapeMode.RUN));
        assertNull(outcome.warning(), "one sample would fail its first strided Conv");
        ModelGraph g = outcome.model();
        assertEquals("batch×1×samples", g.nodes(InputNode.class).get(0).tensor().shape().compact());
        String output = g.nodes(OutputNode.class).get(0).tensor().shape().compact();
        assertTrue(output.matches("batch×40×samples/\\d+(\\+\\d+)?"), "declared scores_dynamic_axes_1×40×...: " + output);

        Map<String, Long> sizes = Map.of("batch", 2L, "samples", 32000L);
        ModelGraph bound = run(file, new ShapeRequest(ShapeMode.RUN, sizes, List.of(),
                ShapeRequest.DEFAULT_MEMORY_LIMIT, ShapeRequest.DEFAULT_TIME_LIMIT)).model();
        Map<String, String> measured = new LinkedHashMap<>();
        bound.graph().edgeSet().forEach(e -> measured.put(e.tensor().name(), shape(e)));
        assertTrue(checkAgainst(g, measured, sizes) > 15);
    }

    @Test
    void aRunThatFailsNamesTheDimsToBind() {
        Path file = TorchExports.wav2letter();
        // 100 samples are too few for a kernel of 250: the dims left free are named with the option that binds them.
        ShapeOutcome outcome = run(file, new ShapeRequest(ShapeMode.RUN, Map.of("samples", 100L), List.of(),
                ShapeRequest.DEFAULT_MEMORY_LIMIT, ShapeRequest.DEFAULT_TIME_LIMIT));
        assertNotNull(outcome.warning());
        assertTrue(outcome.warning().endsWith("bind them to sizes the model takes: --dim batch=1"),
                outcome.warning());
    }

    @Test
    void fitsTheFormsAReaderKnowsAndNothingElse() {
        FreeDim h = new FreeDim("H", 224, 256);
        FreeDim l = new FreeDim("L", 16, 32);
        FreeDim b = new FreeDim("B", 1, 2);
        List<FreeDim> free = List.of(b, l, h);
        assertEquals(Dim.of(384), DimFit.fit(384, free, List.of(384L, 384L, 384L)));
        assertEquals("H/32", DimFit.fit(7, free, List.of(7L, 7L, 8L)).symbol());
        assertEquals("L+1", DimFit.fit(17, free, List.of(17L, 33L, 17L)).symbol());
        assertEquals("L*12", DimFit.fit(192, free, List.of(192L, 384L, 192L)).symbol());
        assertEquals("H-2", DimFit.fit(222, free, List.of(222L, 222L, 254L)).symbol());
        assertEquals("B*L", DimFit.fit(16, free, List.of(32L, 32L, 16L)).symbol());
        assertEquals(Dim.UNKNOWN, DimFit.fit(10, free, List.of(10L, 5L, 10L)), "shrinks as L grows");
        assertEquals(Dim.UNKNOWN, DimFit.fit(17, free, List.of(30L, 33L, 17L)), "neither product nor one symbol");
    }

    /** Compares every symbolic top-level edge, evaluated at {@code sizes}, with the shape measured there. */
    private static int checkAgainst(ModelGraph g, Map<String, String> measured, Map<String, Long> sizes) {
        int checked = 0;
        for (TensorEdge e : g.graph().edgeSet()) {
            String want = measured.get(e.tensor().name());
            if (want == null || e.tensor().shape() == null) {
                continue;
            }
            StringBuilder evaluated = new StringBuilder();
            for (Dim d : e.tensor().shape().dims()) {
                assertNotNull(d.value() != null ? d.value() : d.symbol(), "an unknown dim on " + e);
                evaluated.append(evaluated.length() == 0 ? "" : "×")
                        .append(d.isKnown() ? d.value() : evaluate(d.symbol(), sizes));
            }
            assertEquals(want, e.tensor().shape().dims().isEmpty() ? "scalar" : evaluated.toString(),
                    e.tensor().name() + " drawn " + shape(e));
            checked++;
        }
        return checked;
    }

    /** {@code H/32}, {@code L+1}, {@code B*L}: evaluated left to right, as the fitted forms are built. */
    private static long evaluate(String expression, Map<String, Long> sizes) {
        Matcher m = TERM.matcher(expression);
        long value = 0;
        int end = 0;
        while (m.find()) {
            assertEquals(end, m.start(), "an expression of symbols and numbers: " + expression);
            end = m.end();
            String term = m.group(2);
            long operand = Character.isDigit(term.charAt(0)) ? Long.parseLong(term) : sizes.get(term);
            value = switch (m.group(1)) {
                case "*" -> value * operand;
                case "/" -> value / operand;
                case "-" -> value - operand;
                default -> value + operand;
            };
        }
        assertEquals(expression.length(), end, expression);
        return value;
    }

    private static String shape(TensorEdge e) {
        TensorInfo t = e.tensor();
        return t.shape() == null ? "none" : t.shape().compact();
    }
}
