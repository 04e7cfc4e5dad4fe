package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.emit.style.Border;
import io.github.nnvizonnx.emit.style.ChangeLook;
import io.github.nnvizonnx.emit.style.OpFamily;
import io.github.nnvizonnx.emit.style.Style;
import io.github.nnvizonnx.model.ChangeKind;
import java.util.List;

/**
 * The legend of a DOT drawing: one small table of colour swatches and family names, written as the drawing's own
 * label at its bottom. A label is laid out after the graph, so no edge runs through it and it never pushes nodes
 * apart; it only adds its height below. A top-to-bottom drawing is a narrow strip, so its legend has few columns and
 * stays within its width; a left-to-right drawing is wide, so its legend spreads into more columns and stays short.
 */
public final class DotLegend {
    static final int NARROW_COLUMNS = 2;
    static final int WIDE_COLUMNS = 4;
    private static final String SWATCH = " WIDTH=\"18\" HEIGHT=\"10\" FIXEDSIZE=\"TRUE\"";

    private DotLegend() {
    }

    /** The {@code label} markup (without the enclosing {@code <>}) of the legend for {@code families}. */
    static String table(Style style, List<OpFamily> families, Direction direction) {
        return table(style, families, List.of(), direction);
    }

    /**
     * The legend for {@code families} (maybe none) and, first, for the kinds of change a comparison of two models
     * marked (maybe none); at least one of them.
     */
    static String table(Style style, List<OpFamily> families, List<ChangeKind> changes, Direction direction) {
        int columns = columns(direction, Math.max(families.size(), changes.size()));
        StringBuilder text = new StringBuilder("<TABLE BORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">");
        text.append("<TR><TD ALIGN=\"LEFT\" COLSPAN=\"").append(2 * columns).append("\"><B>Legend</B></TD></TR>");
        for (int i = 0; i < changes.size(); i++) {
            if (i % columns == 0) {
                text.append(i == 0 ? "<TR>" : "</TR><TR>");
            }
            ChangeLook look = ChangeLook.of(changes.get(i));
            text.append("<TD BORDER=\"").append(look.doubled() ? 3 : 2).append('"')
                    .append(" BGCOLOR=\"").append(look.fadedFill() != null ? look.fadedFill() : "#ffffff").append('"')
                    .append(" COLOR=\"").append(look.color()).append('"')
                    .append(dashes(look.border())).append(SWATCH).append("></TD>")
                    .append("<TD ALIGN=\"LEFT\">").append(GraphvizText.escape(look.description())).append("</TD>");
        }
        if (!changes.isEmpty()) {
            text.append("</TR>");
        }
        for (int i = 0; i < families.size(); i++) {
            if (i % columns == 0) {
                text.append(i == 0 ? "<TR>" : "</TR><TR>");
            }
            OpFamily family = families.get(i);
            text.append("<TD BORDER=\"").append(swatchBorder(style.border(family))).append('"')
                    .append(" BGCOLOR=\"").append(GraphvizText.escape(style.fill(family))).append('"')
                    .append(" COLOR=\"").append(GraphvizText.escape(style.borderColor())).append('"')
                    .append(dashes(style.border(family))).append(SWATCH).append("></TD>")
                    .append("<TD ALIGN=\"LEFT\">").append(GraphvizText.escape(family.description())).append("</TD>");
        }
        return text.append(families.isEmpty() ? "</TABLE>" : "</TR></TABLE>").toString();
    }

    /** How many families a row of the legend holds, for a drawing flowing {@code direction}. */
    public static int columns(Direction direction, int families) {
        return Math.max(1, Math.min(direction == Direction.TB ? NARROW_COLUMNS : WIDE_COLUMNS, families));
    }

    private static int swatchBorder(Border border) {
        return border == Border.BOLD ? 2 : 1;
    }

    private static String dashes(Border border) {
        return switch (border) {
            case DASHED -> " STYLE=\"dashed\"";
            case DOTTED -> " STYLE=\"dotted\"";
            default -> "";
        };
    }
}
