package io.github.nnvizonnx.emit.style;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The starting styles. {@code default}: pastel colours on white. {@code paper}: print-safe: serif font, thin black
 * lines, light grays that stay distinct in grayscale. {@code dark}: light text on a dark background.
 */
public enum Theme {
    DEFAULT, PAPER, DARK;

    public static Theme byName(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown theme '" + name + "' (default, paper, dark)");
        }
    }

    public Style style() {
        return switch (this) {
            case DEFAULT -> new Style("Helvetica", 11, 9, null, "#1a1a1a", "#555555", "#666666", 1.0,
                    fills("#a8d5ff", "#b9e4b9", "#ffe3a3", "#ffc9c9", "#d9ccff", "#e9e9e9", "#f4f6f9", "#c6efe9",
                            "#ffb8e6", "#ffd7b0", "#fff2a0", "#d6ecc4", "#f7f7f7", "#ffffff", "#dbe6f3", "#ffffff"),
                    List.of("#f6f9fd", "#ebf2fa", "#e0eaf6", "#d5e2f2"), "#8aa4c0", true, false, true, true,
                    "default");
            case PAPER -> new Style("Times-Roman", 11, 9, null, "#000000", "#000000", "#000000", 0.6,
                    fills("#d4d4d4", "#e4e4e4", "#f0f0f0", "#ffffff", "#c8c8c8", "#ffffff", "#f7f7f7", "#e9e9e9",
                            "#cccccc", "#dadada", "#eeeeee", "#dedede", "#ffffff", "#ffffff", "#e6e6e6", "#ffffff"),
                    List.of("#fbfbfb", "#f3f3f3", "#ebebeb", "#e3e3e3"), "#7f7f7f", true, false, true, true,
                    "neutral");
            case DARK -> new Style("Helvetica", 11, 9, "#1e1e1e", "#e8e8e8", "#9aa0a6", "#9aa0a6", 1.0,
                    fills("#1f4e79", "#2e5e2e", "#6b5210", "#7a2e2e", "#4b3a7a", "#3a3a3a", "#2f3640", "#1f5c57",
                            "#6e2a5c", "#7a4a1f", "#6b6310", "#3f5a2a", "#2a2a2a", "#2b2b2b", "#25384d", "#333333"),
                    List.of("#262b33", "#2d343e", "#343d49", "#3b4654"), "#5a6b80", true, false, true, true,
                    "dark");
        };
    }

    /** Fills in {@link OpFamily} declaration order. */
    private static Map<OpFamily, String> fills(String... colors) {
        Map<OpFamily, String> map = new EnumMap<>(OpFamily.class);
        OpFamily[] families = OpFamily.values();
        for (int i = 0; i < families.length; i++) {
            map.put(families[i], colors[i]);
        }
        return map;
    }
}
