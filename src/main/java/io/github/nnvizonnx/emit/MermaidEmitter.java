package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.emit.style.Border;
import io.github.nnvizonnx.emit.style.OpFamily;
import io.github.nnvizonnx.emit.style.Style;
import io.github.nnvizonnx.emit.style.Theme;
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
        for (TensorEdge e : diagram.edges()) {
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
        if (diagram.options().legend()) {
            writeLegend(diagram, members, out);
        }
        for (Map.Entry<OpFamily, List<String>> e : members.entrySet()) {
            out.append("    classDef ").append(className(e.getKey())).append(' ')
                    .append(classStyle(style, e.getKey())).append('\n');
            List<String> memberIds = e.getValue();
            memberIds.sort(null);
            for (int i = 0; i < memberIds.size(); i += IDS_PER_CLASS_LINE) {
                out.append("    class ").append(String.join(",",
                        memberIds.subList(i, Math.min(memberIds.size(), i + IDS_PER_CLASS_LINE))))
                        .append(' ').append(className(e.getKey())).append('\n');
            }
        }
        for (String boxStyle : boxStyles) {
            out.append(boxStyle);
        }
        if (diagram.edges().size() > 0) {
            out.append("    linkStyle default stroke:").append(style.edgeColor()).append(",stroke-width:")
                    .append(number(style.lineWidth())).append("px\n");
        }
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
            boxStyles.add("    style " + id + " fill:" + style.moduleFill(level) + ",stroke:" + style.moduleBorder()
                    + ",color:" + style.textColor() + "\n");
            out.append(indent).append("subgraph ").append(id)
                    .append('[').append(MermaidText.label(Labels.boxTitle(box))).append("]\n");
            writeScope(diagram, box.path(), level + 1, ids, boxStyles, out);
            out.append(indent).append("end\n");
        }
    }

    private static void writeLegend(Diagram diagram, Map<OpFamily, List<String>> members, Appendable out)
            throws IOException {
        out.append("    subgraph legend[\"Legend\"]\n");
        for (OpFamily family : diagram.families()) {
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
        String dashes = switch (border) {
            case DASHED -> ",stroke-dasharray:5 3";
            case DOTTED -> ",stroke-dasharray:1 2";
            default -> "";
        };
        return "fill:" + style.fill(family) + ",stroke:" + style.borderColor() + ",color:" + style.textColor()
                + ",stroke-width:" + number(border.width(style.lineWidth())) + "px" + dashes;
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
