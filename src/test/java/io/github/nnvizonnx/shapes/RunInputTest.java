package io.github.nnvizonnx.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunInputTest {
    @Test
    void idsIndicesAndMasksAreOnesOtherInputsZeros() {
        for (String name : List.of("input_ids", "attention_mask", "token_type_ids", "positionIds", "indices", "idx")) {
            assertTrue(RunInput.namesAnIndex(name), name);
            assertEquals(RunInput.Fill.ONES, RunInput.of(name, List.of(1L), "int64").fill(), name);
        }
        for (String name : List.of("hidden", "pixel_values", "video", "width")) {
            assertFalse(RunInput.namesAnIndex(name), name);
        }
        assertEquals(RunInput.Fill.ZEROS, RunInput.of("mask", List.of(1L), "float32").fill(), "float masks stay 0");
        assertEquals(RunInput.Fill.ONES, RunInput.of("mask", List.of(1L), "bool").fill());
        assertEquals(RunInput.Fill.ZEROS, RunInput.of("steps", List.of(), "int64").fill());
    }
}
