package io.github.nnvizonnx.emit.style;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every visual setting an emitter may use: font, sizes, colours and borders per op family, module shading by depth,
 * line width, and what labels show. Starts from a {@link Theme}; {@link #with(String, String)} overrides one setting,
 * as {@code --style key=value} does. Values are validated here because emitters write them into their syntax
 * verbatim.
 */
public record Style(String font, double fontSize, double edgeFontSize, String background, String textColor,
                    String edgeColor, String borderColor, double lineWidth, Map<OpFamily, String> fills,
                    Map<OpFamily, Border> borders, List<String> moduleFills, String moduleBorder, boolean shapes,
                    boolean params, boolean names, boolean boxes, String mermaidTheme) {

    /** The keys {@code --style} accepts, for help and error messages. */
    public static final List<String> KEYS = List.of("font", "font-size", "edge-font-size", "background",
            "text-color", "edge-color", "border-color", "line-width", "color.<family>", "border.<family>",
            "module-colors", "shapes", "params", "names", "boxes");

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|[a-zA-Z]{3,20}");
    private static final Pattern FONT = Pattern.compile("[A-Za-z0-9 ._-]{1,60}");

    public Style {
        EnumMap<OpFamily, String> copy = new EnumMap<>(OpFamily.class);
        copy.putAll(fills);
        fills = java.util.Collections.unmodifiableMap(copy);
        EnumMap<OpFamily, Border> outlines = new EnumMap<>(OpFamily.class);
        outlines.putAll(borders);
        borders = java.util.Collections.unmodifiableMap(outlines);
        moduleFills = List.copyOf(moduleFills);
    }

    /** The fill colour of nodes of {@code family}. */
    public String fill(OpFamily family) {
        return fills.getOrDefault(family, fills.get(OpFamily.OTHER));
    }

    /**
     * The font as a CSS font list, with a generic family to fall back on: {@code Times-Roman} → {@code Times Roman,
     * serif}.
     */
    public String cssFontFamily() {
        String lower = font.toLowerCase(Locale.ROOT);
        boolean serif = !lower.contains("sans") && (lower.contains("serif") || lower.contains("times")
                || lower.contains("roman") || lower.contains("georgia") || lower.contains("garamond"));
        return font.replace('-', ' ') + ", " + (serif ? "serif" : "sans-serif");
    }

    /** Solid unless the style says otherwise. */
    public Border border(OpFamily family) {
        return borders.getOrDefault(family, Border.SOLID);
    }

    /**
     * The shade of a module box at {@code depth} (1 = top level); past the last shade they start again, so a box never
     * takes its parent's shade.
     */
    public String moduleFill(int depth) {
        return moduleFills.get(Math.max(0, depth - 1) % moduleFills.size());
    }

    /** A comma-separated list of at least one color. */
    private static List<String> colors(String key, String value) {
        List<String> colors = Arrays.stream(value.split(",")).map(c -> color(key, c.strip())).toList();
        if (colors.isEmpty()) {
            throw new IllegalArgumentException("style " + key + " needs at least one color, e.g. " + key
                    + "=#eeeeee,#dddddd");
        }
        return colors;
    }

    /** One setting overridden; throws {@link IllegalArgumentException} with a user-facing message. */
    public Style with(String key, String value) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        String v = value.strip();
        Editable e = new Editable(this);
        switch (k) {
            case "font" -> e.font = font(v);
            case "font-size" -> e.fontSize = size(k, v);
            case "edge-font-size" -> e.edgeFontSize = size(k, v);
            case "background" -> e.background = color(k, v);
            case "text-color" -> e.textColor = color(k, v);
            case "edge-color" -> e.edgeColor = color(k, v);
            case "border-color" -> e.borderColor = color(k, v);
            case "line-width" -> e.lineWidth = size(k, v);
            case "module-colors" -> e.moduleFills = colors(k, v);
            case "shapes" -> e.shapes = bool(k, v);
            case "params" -> e.params = bool(k, v);
            case "names" -> e.names = bool(k, v);
            case "boxes" -> e.boxes = bool(k, v);
            default -> {
                if (k.startsWith("color.")) {
                    e.fills.put(OpFamily.byKey(k.substring("color.".length())), color(k, v));
                } else if (k.startsWith("border.")) {
                    e.borders.put(OpFamily.byKey(k.substring("border.".length())), Border.byName(v));
                } else {
                    throw new IllegalArgumentException("unknown style key '" + key + "' (known: "
                            + String.join(", ", KEYS) + ")");
                }
            }
        }
        return e.freeze();
    }

    /** A style being changed: the record's fields, assignable. */
    private static final class Editable {
        String font;
        double fontSize;
        double edgeFontSize;
        String background;
        String textColor;
        String edgeColor;
        String borderColor;
        double lineWidth;
        final EnumMap<OpFamily, String> fills;
        final EnumMap<OpFamily, Border> borders;
        List<String> moduleFills;
        String moduleBorder;
        boolean shapes;
        boolean params;
        boolean names;
        boolean boxes;
        String mermaidTheme;

        Editable(Style s) {
            font = s.font;
            fontSize = s.fontSize;
            edgeFontSize = s.edgeFontSize;
            background = s.background;
            textColor = s.textColor;
            edgeColor = s.edgeColor;
            borderColor = s.borderColor;
            lineWidth = s.lineWidth;
            fills = new EnumMap<>(s.fills);
            borders = new EnumMap<>(OpFamily.class);
            borders.putAll(s.borders);
            moduleFills = s.moduleFills;
            moduleBorder = s.moduleBorder;
            shapes = s.shapes;
            params = s.params;
            names = s.names;
            boxes = s.boxes;
            mermaidTheme = s.mermaidTheme;
        }

        Style freeze() {
            return new Style(font, fontSize, edgeFontSize, background, textColor, edgeColor, borderColor, lineWidth,
                    fills, borders, moduleFills, moduleBorder, shapes, params, names, boxes, mermaidTheme);
        }
    }

    /** Applies {@code key=value} settings in order. */
    public Style with(List<String> settings) {
        Style s = this;
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("style setting '" + setting + "' is not key=value");
            }
            s = s.with(setting.substring(0, eq), setting.substring(eq + 1));
        }
        return s;
    }

    private static String color(String key, String value) {
        if (!COLOR.matcher(value).matches()) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a colour (#rgb, #rrggbb or a name)");
        }
        return value;
    }

    private static String font(String value) {
        if (!FONT.matcher(value).matches()) {
            throw new IllegalArgumentException("font: '" + value + "' is not a font name");
        }
        return value;
    }

    private static double size(String key, String value) {
        try {
            double d = Double.parseDouble(value);
            if (d > 0 && d <= 200) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + ": '" + value + "' is not a size between 0 and 200");
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1", "show" -> true;
            case "false", "no", "off", "0", "hide" -> false;
            default -> throw new IllegalArgumentException(key + ": '" + value + "' is not true or false");
        };
    }
}
