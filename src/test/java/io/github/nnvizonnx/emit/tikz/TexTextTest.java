package io.github.nnvizonnx.emit.tikz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.testsupport.HostileNames;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Whatever a name holds, its TeX is plain ASCII in which every special character is part of a command. */
class TexTextTest {
    /** The forms TexText writes: a command (maybe ended by {}), an escaped special, a braced bracket, math. */
    private static final Pattern COMMANDS = Pattern.compile("\\\\[a-zA-Z]+(\\{\\})?|\\\\[{}$&#%_]|\\{[\\[\\]]\\}"
            + "|\\{\\\\ttfamily\\\\char34\\}|\\$\\\\[a-z]+\\$|[-'`]\\{\\}");

    @Test
    void everySpecialCharacterOfEveryNameIsEscaped() {
        List<String> names = new ArrayList<>(HostileNames.NAMES);
        StringBuilder ascii = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            ascii.append(c);
        }
        names.add(ascii.toString());
        names.add("B×L×768 layer.0–5 ×6 · int8 … µs — x");
        for (String name : names) {
            String tex = TexText.escape(name);
            assertTrue(tex.chars().allMatch(c -> c >= ' ' && c < 127), "plain ASCII: " + tex);
            String rest = COMMANDS.matcher(tex).replaceAll("");
            assertTrue(rest.chars().noneMatch(c -> "\\{}$&#%_~^[]\"<>|".indexOf(c) >= 0), "no bare special: " + rest);
            if (name.chars().noneMatch(c -> c == '\u2013' || c == '\u2014')) { // the dashes TeX spells -- and ---
                assertTrue(!rest.contains("--") && !rest.contains("''") && !rest.contains("``"), "no ligature: " + rest);
            }
        }
    }

    @Test
    void theDrawingsOwnMarksAreTypesetNotSpelled() {
        assertEquals("B$\\times$L", TexText.escape("B×L"));
        assertEquals("0--5", TexText.escape("0–5"));
    }
}
