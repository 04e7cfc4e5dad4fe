package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.nnvizonnx.model.FixedInputs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An operation's inputs are noted when it reads a weight or a known integer constant, and only then. */
class FixedInputNotesTest {
    @Test
    void notesTheInputsOfOperationsReadingWeightsOrKnownIntegers() {
        TensorScope main = TensorScope.main(8);
        main.addWeight(new TensorScope.Weight("w", "float32", List.of(2L)));
        FixedInputNotes.noteIntegers(main, "shape", new long[] {1, -1});
        FixedInputNotes.noteIntegers(main, "", new long[] {3}); // an unnamed tensor is not noted
        FixedInputNotes.noteIntegers(main, "none", null);
        int x = main.id("x");
        int[] reshapeInputs = {x, main.id("shape")};
        int[] matMulInputs = {x, main.id("w"), -1};
        int[] plainInputs = {x, main.id("none")};

        FixedInputNotes notes = new FixedInputNotes();
        notes.note(main, 3, reshapeInputs, 2);
        notes.note(main, 40, matMulInputs, 3);
        notes.note(main, 5, plainInputs, 2);

        FixedInputs reshape = notes.of(3);
        assertEquals(2, reshape.count());
        assertEquals("shape", reshape.name(1));
        assertArrayEquals(new long[] {1, -1}, reshape.values(1));
        assertNull(reshape.values(0));
        FixedInputs matMul = notes.of(40);
        assertEquals(List.of("x", "w", ""), List.of(matMul.name(0), matMul.name(1), matMul.name(2)));
        assertNull(notes.of(5), "reads neither a weight nor a known constant");
        assertNull(notes.of(4));
        assertNull(notes.of(1000), "past every node noted");
    }
}
