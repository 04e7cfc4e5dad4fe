package io.github.nnvizonnx.emit.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StyleTest {
    @Test
    void settingsOverrideOneThingEach() {
        Style s = Theme.PAPER.style().with(List.of("font=Georgia", "color.conv=#ff0000", "shapes=false",
                "module-colors=#eee, #ddd", "font-size=14"));
        assertEquals("Georgia", s.font());
        assertEquals("#ff0000", s.fill(OpFamily.CONVOLUTION));
        assertEquals(Theme.PAPER.style().fill(OpFamily.LINEAR), s.fill(OpFamily.LINEAR));
        assertFalse(s.shapes());
        assertEquals("#ddd", s.moduleFill(2));
        assertEquals("#eee", s.moduleFill(3), "past the last shade, they start again");
        assertEquals(Border.DASHED, Theme.DEFAULT.style().with("border.act", "dashed").border(OpFamily.ACTIVATION));
        assertEquals(14.0, s.fontSize());
    }

    @Test
    void valuesThatCouldInjectSyntaxAreRefused() {
        Style base = Theme.DEFAULT.style();
        assertThrows(IllegalArgumentException.class, () -> base.with("color.conv", "red;stroke:url(x)"));
        assertThrows(IllegalArgumentException.class, () -> base.with("font", "Arial\"}}%%"));
        for (String noColor : List.of(",", ",,", "")) {
            assertThrows(IllegalArgumentException.class, () -> base.with("module-colors", noColor), noColor);
        }
        assertThrows(IllegalArgumentException.class, () -> base.with("background", "#12"));
        assertThrows(IllegalArgumentException.class, () -> base.with("nonsense", "1"));
        assertThrows(IllegalArgumentException.class, () -> base.with("color.nofamily", "red"));
        assertThrows(IllegalArgumentException.class, () -> base.with("border.conv", "wavy"));
        assertThrows(IllegalArgumentException.class, () -> base.with("font-size", "-3"));
        assertThrows(IllegalArgumentException.class, () -> base.with(List.of("novalue")));
        assertThrows(IllegalArgumentException.class, () -> Theme.byName("neon"));
    }

    @Test
    void opsAreSortedIntoFamilies() {
        assertEquals(OpFamily.CONVOLUTION, OpFamily.ofOperation("Conv"));
        assertEquals(OpFamily.LINEAR, OpFamily.ofOperation("MatMul"));
        assertEquals(OpFamily.NORMALIZATION, OpFamily.ofOperation("LayerNormalization"));
        assertEquals(OpFamily.ACTIVATION, OpFamily.ofOperation("Relu"));
        assertEquals(OpFamily.POOLING, OpFamily.ofOperation("GlobalAveragePool"));
        assertEquals(OpFamily.ELEMENTWISE, OpFamily.ofOperation("Add"));
        assertEquals(OpFamily.SHAPE, OpFamily.ofOperation("Reshape"));
        assertEquals(OpFamily.REDUCTION, OpFamily.ofOperation("ReduceMean"));
        assertEquals(OpFamily.ATTENTION, OpFamily.ofOperation("MultiHeadAttention"));
        assertEquals(OpFamily.RECURRENT, OpFamily.ofOperation("LSTM"));
        assertEquals(OpFamily.CONTROL_FLOW, OpFamily.ofOperation("Loop"));
        assertEquals(OpFamily.QUANTIZATION, OpFamily.ofOperation("DequantizeLinear"));
        assertEquals(OpFamily.CONSTANT, OpFamily.ofOperation("Constant"));
        assertEquals(OpFamily.OTHER, OpFamily.ofOperation("MyCustomOp"));
        // Every paper fill is a gray: readable without colour.
        for (OpFamily f : OpFamily.values()) {
            String c = Theme.PAPER.style().fill(f);
            assertEquals(c.substring(1, 3), c.substring(3, 5), f + " " + c);
            assertEquals(c.substring(3, 5), c.substring(5, 7), f + " " + c);
        }
    }
}
