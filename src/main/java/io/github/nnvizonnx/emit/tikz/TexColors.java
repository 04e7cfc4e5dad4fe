package io.github.nnvizonnx.emit.tikz;

import java.util.Locale;
import java.util.Set;

/**
 * The theme's colours as xcolor definitions: {@code #rgb}, {@code #rrggbb} and {@code #rrggbbaa} (its alpha dropped:
 * a figure is opaque) as HTML colours, and the colour names xcolor knows without options as they are. Graphviz
 * knows many more names than xcolor; another name becomes gray, and the definition line says which name it was.
 */
final class TexColors {
    private static final Set<String> XCOLOR_NAMES = Set.of("red", "green", "blue", "cyan", "magenta", "yellow",
            "black", "gray", "white", "darkgray", "lightgray", "brown", "lime", "olive", "orange", "pink", "purple",
            "teal", "violet");

    private TexColors() {
    }

    /** {@code \definecolor{name}{HTML}{A8D5FF}} (or a {@code \colorlet} for a name) and a line break. */
    static String define(String name, String color) {
        if (color.startsWith("#")) {
            String hex = color.substring(1);
            if (hex.length() == 3) {
                hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2)
                        + hex.charAt(2);
            }
            return "\\definecolor{" + name + "}{HTML}{" + hex.substring(0, 6).toUpperCase(Locale.ROOT) + "}\n";
        }
        String lower = color.toLowerCase(Locale.ROOT);
        if (XCOLOR_NAMES.contains(lower)) {
            return "\\colorlet{" + name + "}{" + lower + "}\n";
        }
        return "\\colorlet{" + name + "}{gray} % '" + lower + "' is not an xcolor name\n";
    }
}
