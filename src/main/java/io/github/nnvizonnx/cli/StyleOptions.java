package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.emit.Direction;
import io.github.nnvizonnx.emit.DrawOptions;
import io.github.nnvizonnx.emit.Medium;
import io.github.nnvizonnx.emit.style.Style;
import io.github.nnvizonnx.emit.style.Theme;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How the diagram looks: theme, single style settings, legend, parameter counts. */
final class StyleOptions {
    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "default",
            description = "default, paper (print-safe: serif, thin lines, grayscale-readable) or dark.")
    Theme theme;

    @Option(names = {"-S", "--style"}, paramLabel = "KEY=VALUE",
            description = "Override one style setting (repeatable): font, font-size, edge-font-size, background,"
                    + " text-color, edge-color, border-color, line-width, color.FAMILY (conv, linear, norm, act, pool,"
                    + " math, shape, reduce, attn, rnn, flow, quant, const, io, module, other), border.FAMILY (solid,"
                    + " dashed, dotted, bold), module-colors (comma list by depth), shapes, params, names, boxes"
                    + " (true/false).")
    List<String> style = new ArrayList<>();

    @Option(names = "--legend", description = "Add a legend of the op-family colours.")
    boolean legend;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "" + DrawOptions.DEFAULT_DPI,
            description = "Resolution of PNG output, in dots per inch (1-1200). Default: ${DEFAULT-VALUE}, crisp on a"
                    + " laptop screen; 300 for print.")
    int dpi;

    @Option(names = "--render-time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "Stop Graphviz's dot (svg, pdf, png) after this long: nothing is written. Default:"
                    + " ${DEFAULT-VALUE}.")
    long renderTimeLimitSeconds;

    @Option(names = "--params", description = "Show parameter counts and their share of the total on nodes.")
    boolean params;

    /** Where the drawing is shown, when not given by its format: a paper theme's figure goes on a page. */
    Medium medium(String format) {
        return theme == Theme.PAPER ? Medium.PAGE : Medium.forFormat(format);
    }

    /**
     * {@code direction} null: chosen per drawing ({@link Direction#AUTO}). Throws
     * IllegalArgumentException (a usage error) for a bad theme or setting.
     */
    DrawOptions drawOptions(Direction direction) {
        Theme chosen = theme;
        Style s = chosen.style();
        if (params) {
            s = s.with("params", "true");
        }
        s = s.with(style);
        Direction flow = direction != null ? direction : Direction.AUTO;
        if (renderTimeLimitSeconds <= 0) {
            throw new IllegalArgumentException("--render-time-limit must be a positive number of seconds");
        }
        return new DrawOptions(flow, s, legend, false, dpi, java.time.Duration.ofSeconds(renderTimeLimitSeconds));
    }
}
