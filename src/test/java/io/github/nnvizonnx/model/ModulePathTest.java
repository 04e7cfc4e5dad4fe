package io.github.nnvizonnx.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModulePathTest {
    @Test
    void userPathsMatchDottedOrSlashedWithOrWithoutSurroundingBlanks() {
        ModulePath path = ModulePath.of("layer1", "0");
        assertTrue(path.matches("layer1.0"));
        assertTrue(path.matches("layer1/0"));
        assertTrue(path.matches(" /layer1/0 "));
        assertFalse(path.matches("layer1"));
    }

    @Test
    void namesThatBeginWithBlanksOrControlCharactersMatchThemselves() {
        // Fuzz finding: such a module was listed as a top-level module but could not be selected by its own name.
        ModulePath odd = ModulePath.of("\u001f\u0001ote\"d");
        assertTrue(odd.matches(odd.dotted()));
        assertTrue(ModulePath.of(" padded ").matches(" padded "));
    }
}
