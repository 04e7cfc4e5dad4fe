package io.github.nnvizonnx.emit.style;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The starting styles. {@code default}: pastel colours on white. {@code paper}: print-safe: serif font, thin black
 * lines, and op families told apart by gray and border style, readable in grayscale. {@code dark}: light text on a
 * dark background.
 */
public enum Theme {
    /** Pastel colours on white. */
    DEFAULT,
    /** Print-safe: serif, thin black lines, families told apart in grayscale. */
    PAPER,
    /** Light text on a dark background. */
    DARK;

    /** The theme named {@code name} in any case; IllegalArgumentException for another name. */
    public static Theme byName(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown theme '" + name + "' (default, paper, dark)");
        }
    }

    /** The theme's starting style, which single settings can then change. */
    public Style style() {
        return switch (this) {
            case DEFAULT -> new Style("Helvetica", 11, 9, null, "#1a1a1a", "#555555", "#666666", 1.0,
                    fills("#a8d5ff", "#b9e4b9", "#ffe3a3", "#ffc9c9", "#d9ccff", "#e9e9e9", "#f4f6f9", "#c6efe9",
                            "#ffb8e6", "#ffd7b0", "#fff2a0", "#d6ecc4", "#f7f7f7", "#ffffff", "#dbe6f3", "#ffffff"),
                    Map.of(), List.of("#f6f9fd", "#ebf2fa", "#e0eaf6", "#d5e2f2"), "#8aa4c0", true, false, true, true,
                    "default");
            case PAPER -> paper();
            case DARK -> new Style("Helvetica", 11, 9, "#1e1e1e", "#e8e8e8", "#9aa0a6", "#9aa0a6", 1.0,
                    fills("#1f4e79", "#2e5e2e", "#6b5210", "#7a2e2e", "#4b3a7a", "#3a3a3a", "#2f3640", "#1f5c57",
                            "#6e2a5c", "#7a4a1f", "#6b6310", "#3f5a2a", "#2a2a2a", "#2b2b2b", "#25384d", "#333333"),
                    Map.of(), List.of("#262b33", "#2d343e", "#343d49", "#3b4654"), "#5a6b80", true, false, true, true,
                    "dark");
        };
    }

    /**
     * Five grays a step of 12% of luminance apart, from white down to 51%, where black text still has a contrast of
     * 5.5:1; with four borders that makes twenty looks, and each op family has its own, so a figure printed without
     * colour still tells the families apart. The commonest families (convolution, linear, normalization,
     * activation, pooling) get solid borders. Module boxes alternate gray and white, so a box always stands out
     * from the one around it.
     */
    private static Style paper() {
        String white = "#ffffff";
        String gray88 = "#e0e0e0";
        String gray76 = "#c1c1c1";
        String gray64 = "#a2a2a2";
        String gray51 = "#838383";
        FamilyLooks looks = new FamilyLooks()
                .put(OpFamily.CONVOLUTION, gray64, Border.SOLID)
                .put(OpFamily.LINEAR, gray76, Border.SOLID)
                .put(OpFamily.NORMALIZATION, gray88, Border.SOLID)
                .put(OpFamily.ACTIVATION, white, Border.SOLID)
                .put(OpFamily.POOLING, gray51, Border.SOLID)
                .put(OpFamily.ELEMENTWISE, white, Border.DASHED)
                .put(OpFamily.SHAPE, gray88, Border.DASHED)
                .put(OpFamily.REDUCTION, gray76, Border.DASHED)
                .put(OpFamily.OTHER, gray64, Border.DASHED)
                .put(OpFamily.ATTENTION, gray51, Border.BOLD)
                .put(OpFamily.RECURRENT, gray64, Border.BOLD)
                .put(OpFamily.CONTROL_FLOW, gray76, Border.BOLD)
                .put(OpFamily.MODULE, gray88, Border.BOLD)
                .put(OpFamily.IO, white, Border.BOLD)
                .put(OpFamily.QUANTIZATION, gray88, Border.DOTTED)
                .put(OpFamily.CONSTANT, white, Border.DOTTED);
        return new Style("Times-Roman", 11, 9, null, "#000000", "#000000", "#000000", 0.6, looks.fills,
                looks.borders, List.of(gray88, white), "#7f7f7f", true, false, true, true, "neutral");
    }

    /** The fill and border of each op family, set one family a line. */
    private static final class FamilyLooks {
        final Map<OpFamily, String> fills = new EnumMap<>(OpFamily.class);
        final Map<OpFamily, Border> borders = new EnumMap<>(OpFamily.class);

        FamilyLooks put(OpFamily family, String fill, Border border) {
            fills.put(family, fill);
            borders.put(family, border);
            return this;
        }
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
