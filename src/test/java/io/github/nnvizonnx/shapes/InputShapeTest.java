package io.github.nnvizonnx.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shorthands of {@code --input}, which mean the same in the converter and in the onnxruntime run. */
class InputShapeTest {
    @Test
    void shorthandsStandForTheRunsExampleSizes() {
        assertEquals(Optional.of(List.of(1L, 3L, 224L, 224L)), InputShape.shorthand("default"));
        assertEquals(Optional.of(List.of(1L, 3L, 224L, 224L)), InputShape.shorthand("image224"));
        assertEquals(Optional.of(List.of(1L, 3L, 224L, 224L)), InputShape.shorthand("image"));
        assertEquals(Optional.of(List.of(1L, 3L, 64L, 64L)), InputShape.shorthand("Image64"));
        assertEquals(Optional.of(List.of(1L, 16L)), InputShape.shorthand("tokens"));
        assertEquals(Optional.of(List.of(1L, 128L)), InputShape.shorthand("tokens128"));
        assertEquals(Optional.of(List.of(1L, 16000L)), InputShape.shorthand("audio"));
        assertEquals(Optional.of(List.of(1L, 48000L)), InputShape.shorthand("audio48000"));
    }

    @Test
    void anythingElseIsNoShorthand() {
        for (String spec : List.of("image0", "tokens-1", "1x16", "images", "audio99999999999", "")) {
            assertEquals(Optional.empty(), InputShape.shorthand(spec), spec);
        }
    }
}
