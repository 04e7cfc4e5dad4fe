package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.emit.style.Border;
import io.github.nnvizonnx.emit.style.ChangeLook;
import io.github.nnvizonnx.emit.style.OpFamily;
import io.github.nnvizonnx.emit.style.Style;
import io.github.nnvizonnx.emit.style.Theme;
import io.github.nnvizonnx.model.Change;
import io.github.nnvizonnx.model.ChangeKind;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.TensorEdge;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mermaid flowcharts as GitHub renders them: one {@code subgraph} per module box, nested and shaded by depth; Input
 * and Output as stadiums, operations as rectangles filled and outlined by op family through {@code classDef},
 * collapsed modules as subroutine boxes, control flow as hexagons. Ids are our own ({@code n12}, {@code s3}); every
 * piece of text from the model goes through {@link MermaidText}; style values are validated by {@link Style}.
 */
public final class MermaidEmitter implements Emitter {
    private static final int IDS_PER_CLASS_LINE = 40;

    @Override
    public String format() {
        return "mermaid";
    }

    @Override
    public String description() {
        return "Mermaid flowchart (renders on GitHub)";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of(".mmd", ".mermaid");
    }

    @Override
    public void write(Diagram drawn, Appendable out) throws IOException {
        Diagram diagram = AutoDirection.resolve(drawn, Medium.COLUMN);
        Style style = diagram.options().style();
        out.append(initDirective(style, diagram.options().direction()));
        out.append("flowchart ").append(diagram.options().direction().name()).append('\n');
        Map<Node, String> ids = new HashMap<>();
        List<String> boxStyles = new ArrayList<>();
        writeScope(diagram, ModulePath.ROOT, 1, ids, boxStyles, out);
        Map<ChangeKind, List<String>> changedLinks = new EnumMap<>(ChangeKind.class);
        int link = 0;
        for (TensorEdge e : diagram.edges()) {
            Change change = diagram.change(e);
            if (change != null) {
                changedLinks.computeIfAbsent(change.kind(), k -> new ArrayList<>()).add(Integer.toString(link));
            }
            link++;
            String label = Labels.edge(diagram, e);
            out.append("    ").append(ids.get(diagram.source(e)));
            if (label.isEmpty()) {
                out.append(" --> ");
            } else {
                out.append(" -->|").append(MermaidText.label(label)).append("| ");
            }
            out.append(ids.get(diagram.target(e))).append('\n');
        }
        Map<OpFamily, List<String>> members = new EnumMap<>(OpFamily.class);
        ids.forEach((node, id) -> members.computeIfAbsent(OpFamily.of(node), f -> new ArrayList<>()).add(id));
        Map<ChangeKind, List<String>> changed = new EnumMap<>(ChangeKind.class);
        ids.forEach((node, id) -> {
            Change change = diagram.change(node);
            if (change != null) {
                changed.computeIfAbsent(change.kind(), k -> new ArrayList<>()).add(id);
            }
        });
        if (diagram.options().legend() || !changed.isEmpty()) {
            writeLegend(diagram, diagram.options().legend(), members, changed, out);
        }
        for (Map.Entry<OpFamily, List<String>> e : members.entrySet()) {
            out.append("    classDef ").append(className(e.getKey())).append(' ')
                    .append(classStyle(style, e.getKey())).append('\n');
            writeClassLines(e.getValue(), className(e.getKey()), out);
        }
        for (Map.Entry<ChangeKind, List<String>> e : changed.entrySet()) {
            // after the families' classes, so that a mark's outline wins over its node's family
            ChangeLook look = ChangeLook.of(e.getKey());
            out.append("    classDef ").append(changeClass(e.getKey())).append(' ').append(changeStyle(style, look))
                    .append('\n');
            writeClassLines(e.getValue(), changeClass(e.getKey()), out);
        }
        for (String boxStyle : boxStyles) {
            out.append(boxStyle);
        }
        if (diagram.edges().size() > 0) {
            out.append("    linkStyle default stroke:").append(style.edgeColor()).append(",stroke-width:")
                    .append(number(style.lineWidth())).append("px\n");
        }
        for (Map.Entry<ChangeKind, List<String>> e : changedLinks.entrySet()) {
            out.append("    linkStyle ").append(String.join(",", e.getValue())).append(e.getKey() == ChangeKind.REMOVED
                    ? " stroke:" + ChangeLook.REMOVED_EDGE + ",stroke-width:" + number(style.lineWidth())
                    + "px,stroke-dasharray:5 4"
                    : " stroke:" + ChangeLook.of(e.getKey()).color() + ",stroke-width:"
                    + number(2 * style.lineWidth()) + "px").append('\n');
        }
    }

    private static void writeClassLines(List<String> memberIds, String className, Appendable out)
            throws IOException {
        memberIds.sort(null);
        for (int i = 0; i < memberIds.size(); i += IDS_PER_CLASS_LINE) {
            out.append("    class ").append(String.join(",",
                    memberIds.subList(i, Math.min(memberIds.size(), i + IDS_PER_CLASS_LINE))))
                    .append(' ').append(className).append('\n');
        }
    }

    private static String changeClass(ChangeKind kind) {
        return "diff_" + kind.word();
    }

    /** The outline of a mark ({@link ChangeLook}), with a ghost's faded fill and text. */
    private static String changeStyle(Style style, ChangeLook look) {
        StringBuilder css = new StringBuilder();
        if (look.fadedFill() != null) {
            css.append("fill:").append(look.fadedFill()).append(',');
        }
        css.append("stroke:").append(look.color()).append(",stroke-width:")
                .append(number(look.width(style.lineWidth()))).append("px").append(dashes(look.border()));
        if (look.fadedText() != null) {
            css.append(",color:").append(look.fadedText());
        }
        return css.toString();
    }

    private static String dashes(Border border) {
        return switch (border) {
            case DASHED -> ",stroke-dasharray:5 3";
            case DOTTED -> ",stroke-dasharray:1 2";
            default -> "";
        };
    }

    /**
     * The fewest characters a node's line can have: an indent of four, an id of two ({@code n0}), the shortest
     * shape with an empty quoted label ({@code [""]}) and the line break.
     */
    public static final int MIN_NODE_LINE = 4 + 2 + 4 + 1;

    private void writeScope(Diagram diagram, ModulePath scope, int level, Map<Node, String> ids,
                            List<String> boxStyles, Appendable out) throws IOException {
        String indent = "    ".repeat(level);
        for (Node n : diagram.nodesDirectlyIn(scope)) {
            String id = "n" + ids.size();
            ids.put(n, id);
            out.append(indent).append(id).append(shape(n, label(diagram, n))).append('\n');
        }
        Style style = diagram.options().style();
        for (Module box : diagram.boxesIn(scope)) {
            String id = "s" + boxStyles.size();
            Change change = diagram.change(box);
            boxStyles.add("    style " + id + (change == null ? " fill:" + style.moduleFill(level) + ",stroke:"
                    + style.moduleBorder() + ",color:" + style.textColor()
                    : " " + markedBoxStyle(style, level, ChangeLook.of(change.kind()))) + "\n");
            out.append(indent).append("subgraph ").append(id)
                    .append('[').append(MermaidText.label(Labels.shortBoxTitle(diagram, box))).append("]\n");
            writeScope(diagram, box.path(), level + 1, ids, boxStyles, out);
            out.append(indent).append("end\n");
        }
    }

    /** A marked box: its level's fill (a ghost's faded one), outlined as its change is. */
    private static String markedBoxStyle(Style style, int level, ChangeLook look) {
        String css = changeStyle(style, look);
        return look.fadedFill() != null ? css : "fill:" + style.moduleFill(level) + "," + css
                + ",color:" + style.textColor();
    }

    /** The legend: the kinds of change marked, then (with {@code families}) the op families drawn. */
    private static void writeLegend(Diagram diagram, boolean families, Map<OpFamily, List<String>> members,
                                    Map<ChangeKind, List<String>> changed, Appendable out) throws IOException {
        out.append("    subgraph legend[\"Legend\"]\n");
        for (ChangeKind kind : diagram.changeKinds()) {
            String id = "legend_" + changeClass(kind);
            out.append("        ").append(id).append('[')
                    .append(MermaidText.label(ChangeLook.of(kind).description())).append("]\n");
            changed.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
            members.computeIfAbsent(OpFamily.IO, f -> new ArrayList<>()).add(id); // a plain white swatch
        }
        for (OpFamily family : families ? diagram.families() : java.util.Set.<OpFamily>of()) {
            String id = "legend_" + family.key();
            out.append("        ").append(id).append('[').append(MermaidText.label(family.description()))
                    .append("]\n");
            members.get(family).add(id);
        }
        out.append("    end\n");
    }

    /** Theme and font for mermaid; nothing when they are mermaid's own defaults, to keep the text plain. */
    private static String initDirective(Style style, Direction direction) {
        Style plain = Theme.DEFAULT.style();
        // Top to bottom, a chain's ranks set the height: closer ranks keep a ResNet within a few screens.
        String spacing = direction == Direction.TB ? "\"flowchart\": {\"rankSpacing\": 20, \"nodeSpacing\": 20}" : "";
        if (style.mermaidTheme().equals(plain.mermaidTheme()) && style.font().equals(plain.font())
                && style.fontSize() == plain.fontSize() && style.background() == null) {
            return spacing.isEmpty() ? "" : "%%{init: {" + spacing + "}}%%\n";
        }
        StringBuilder init = new StringBuilder("%%{init: {");
        if (!spacing.isEmpty()) {
            init.append(spacing).append(", ");
        }
        init.append("\"theme\": \"").append(style.mermaidTheme())
                .append("\", \"themeVariables\": {\"fontFamily\": \"").append(style.cssFontFamily())
                .append("\", \"fontSize\": \"").append(number(style.fontSize())).append("px\"");
        if (style.background() != null) {
            init.append(", \"background\": \"").append(style.background()).append('"');
        }
        return init.append("}}}%%\n").toString();
    }

    private static String className(OpFamily family) {
        return "fam_" + family.key();
    }

    private static String classStyle(Style style, OpFamily family) {
        Border border = style.border(family);
        return "fill:" + style.fill(family) + ",stroke:" + style.borderColor() + ",color:" + style.textColor()
                + ",stroke-width:" + number(border.width(style.lineWidth())) + "px" + dashes(border);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String label(Diagram diagram, Node n) {
        StringBuilder text = new StringBuilder(MermaidText.bold(Labels.title(n)));
        for (String line : Labels.details(diagram, n)) {
            text.append(MermaidText.LINE_BREAK).append(MermaidText.escape(line));
        }
        return MermaidText.quote(text.toString());
    }

    private static String shape(Node n, String label) {
        if (n instanceof InputNode || n instanceof OutputNode) {
            return "([" + label + "])";
        }
        if (n instanceof ModuleNode m) {
            return m.module().kind() == ModuleKind.CONTROL_FLOW ? "{{" + label + "}}" : "[[" + label + "]]";
        }
        return "[" + label + "]";
    }
}
