package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.emit.style.Border;
import io.github.nnvizonnx.emit.style.ChangeLook;
import io.github.nnvizonnx.internal.Adjacency;
import io.github.nnvizonnx.emit.style.OpFamily;
import io.github.nnvizonnx.emit.style.Style;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Graphviz DOT: one {@code cluster_} subgraph per module box, nested and shaded by depth; nodes filled and outlined by
 * op family; labels are HTML-like with every model text escaped by {@link GraphvizText}. Edges are declared at the top
 * level, after all clusters, so that an edge never pulls a node into the wrong cluster.
 *
 * <p>The text is streamed as it is produced, in linear time. It is exactly what graphviz-java's serializer wrote when
 * this emitter built graphviz-java's graph model (whose serializer looks every node up by name in a list, so a
 * million-node diagram never finished): the same attribute order and quoting, and its edge order — the edges of one
 * node together, nodes in order of first appearance (top-level nodes first, then as edges name them), each node's
 * edges newest first. Unlike graphviz-java, which wrote an edge identical to an earlier one (same ends, same label)
 * only once, every edge is written: {@code Add(a, b)} of two same-shaped outputs of one {@code Split} is two tensors,
 * and Mermaid and GraphML draw both too.
 */
public final class DotEmitter implements Emitter {
    /** One {@code key=value} of an attribute list, both already in DOT syntax. */
    private record Attribute(String key, String value) {
    }

    @Override
    public String format() {
        return "dot";
    }

    @Override
    public String description() {
        return "Graphviz DOT source (for dot, or any Graphviz tool)";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of(".dot", ".gv");
    }

    /**
     * What the DOT names stand for, for reading Graphviz's layout back: node {@code "nK"} is {@code nodes.get(K)},
     * cluster {@code "cluster_sK"} (whose title node is {@code "tK"}) is {@code boxes.get(K)}, and {@code diagram}
     * is the one written, its direction resolved.
     */
    public record Numbering(Diagram diagram, List<Node> nodes, List<Module> boxes) {
    }

    @Override
    public void write(Diagram drawn, Appendable out) throws IOException {
        writeNumbered(drawn, out);
    }

    /** Writes the DOT of {@code drawn} (a direction still {@code auto} chosen for a screen) and says what it named. */
    public Numbering writeNumbered(Diagram drawn, Appendable out) throws IOException {
        Diagram diagram = AutoDirection.resolve(drawn, Medium.SCREEN);
        Style style = diagram.options().style();
        out.append("digraph \"nnviz\" {\n");
        List<Attribute> graph = new ArrayList<>(List.of(
                pair("rankdir", diagram.options().direction() == Direction.TB ? "TB" : "LR"),
                pair("fontname", style.font()), pair("fontsize", style.fontSize()),
                pair("fontcolor", style.textColor()), pair("compound", "true"), pair("nodesep", "0.25"),
                pair("ranksep", "0.35")));
        if (style.background() != null) {
            graph.add(pair("bgcolor", style.background()));
        }
        attributeLine(out, "graph", graph);
        attributeLine(out, "node", List.of(pair("fontname", style.font()), pair("fontsize", style.fontSize()),
                pair("fontcolor", style.textColor()), pair("shape", "rectangle"), pair("style", "rounded,filled"),
                pair("color", style.borderColor()), pair("penwidth", style.lineWidth()),
                pair("margin", "0.12,0.04")));
        attributeLine(out, "edge", List.of(pair("fontname", style.font()), pair("fontsize", style.edgeFontSize()),
                pair("fontcolor", style.textColor()), pair("color", style.edgeColor()),
                pair("penwidth", style.lineWidth()), pair("arrowsize", "0.6")));
        Map<Node, Integer> ids = new HashMap<>();
        for (Node n : diagram.nodesDirectlyIn(ModulePath.ROOT)) {
            node(diagram, n, ids, out);
        }
        List<Module> clusters = new ArrayList<>();
        List<String> clusterStyles = new ArrayList<>();
        DotClusterTitles titles = new DotClusterTitles(diagram);
        for (Module box : diagram.boxesIn(ModulePath.ROOT)) {
            cluster(diagram, box, 1, ids, clusters, clusterStyles, titles, out);
        }
        edges(diagram, ids, out);
        titles.writeLinks(out, ids);
        List<OpFamily> legendFamilies = diagram.options().legend() ? List.copyOf(diagram.families()) : List.of();
        List<ChangeKind> changes = List.copyOf(diagram.changeKinds());
        if (!legendFamilies.isEmpty() || !changes.isEmpty()) {
            attributeLine(out, "graph", List.of(html("label", DotLegend.table(style, legendFamilies, changes,
                    diagram.options().direction())), pair("labelloc", "b")));
        }
        out.append("}\n");
        Node[] byId = new Node[ids.size()];
        ids.forEach((node, id) -> byId[id] = node);
        return new Numbering(diagram, List.of(byId), List.copyOf(clusters));
    }

    /** Writes a box and everything in it; returns its number, which also names its title node. */
    private static int cluster(Diagram diagram, Module box, int level, Map<Node, Integer> ids, List<Module> clusters,
                               List<String> clusterStyles, DotClusterTitles titles, Appendable out)
            throws IOException {
        int number = clusters.size();
        clusters.add(box);
        out.append("subgraph \"cluster_s").append(Integer.toString(number)).append("\" {\n");
        Change change = diagram.change(box);
        out.append("graph [").append(change == null
                ? clusterStyle(diagram.options().style(), level, clusterStyles).substring(1)
                : markedClusterStyle(diagram.options().style(), level, ChangeLook.of(change.kind()))).append('\n');
        out.append(GraphvizText.quoted(DotClusterTitles.id(number))).append(" [\"label\"=<")
                .append(GraphvizText.escape(Labels.boxTitle(diagram, box)))
                .append(">,\"shape\"=\"plaintext\",\"style\"=\"\",\"margin\"=\"0.04,0\",\"height\"=\"0\"]\n");
        for (Node n : diagram.nodesDirectlyIn(box.path())) {
            node(diagram, n, ids, out);
            titles.node(number, box.path(), n);
        }
        for (Module inner : diagram.boxesIn(box.path())) {
            titles.inner(number, cluster(diagram, inner, level + 1, ids, clusters, clusterStyles, titles, out));
        }
        out.append("}\n");
        return number;
    }

    /** The attributes after a box's label, the same for every box of one level: made once per level. */
    private static String clusterStyle(Style style, int level, List<String> byLevel) {
        while (byLevel.size() <= level) {
            byLevel.add(null);
        }
        String known = byLevel.get(level);
        if (known == null) {
            StringBuilder text = new StringBuilder();
            for (Attribute a : List.of(pair("style", "rounded,filled"),
                    pair("fillcolor", style.moduleFill(level)), pair("color", style.moduleBorder()),
                    pair("penwidth", style.lineWidth()))) {
                text.append(',').append(a.key()).append('=').append(a.value());
            }
            known = text.append(']').toString();
            byLevel.set(level, known);
        }
        return known;
    }

    /** A marked box's attributes: its level's fill (faded when removed), outlined as its change is. */
    private static String markedClusterStyle(Style style, int level, ChangeLook look) {
        List<Attribute> attributes = new ArrayList<>(List.of(
                pair("style", DotEmitter.outlineStyle(look.border(), "rounded,filled")),
                pair("fillcolor", look.fadedFill() != null ? look.fadedFill() : style.moduleFill(level)),
                pair("color", look.color()), pair("penwidth", look.width(style.lineWidth()))));
        if (look.doubled()) {
            attributes.add(pair("peripheries", 2));
        }
        StringBuilder text = new StringBuilder();
        for (Attribute a : attributes) {
            text.append(text.length() == 0 ? "" : ",").append(a.key()).append('=').append(a.value());
        }
        return text.append(']').toString();
    }

    private static void node(Diagram diagram, Node n, Map<Node, Integer> ids, Appendable out) throws IOException {
        int id = ids.size();
        ids.put(n, id);
        Style style = diagram.options().style();
        OpFamily family = OpFamily.of(n);
        Change change = diagram.change(n);
        ChangeLook changeLook = change == null ? null : ChangeLook.of(change.kind());
        String fill = changeLook != null && changeLook.fadedFill() != null ? changeLook.fadedFill()
                : style.fill(family);
        out.append("\"n").append(Integer.toString(id)).append("\" [\"label\"=<").append(label(diagram, n))
                .append(">,\"fillcolor\"=").append(GraphvizText.quoted(fill));
        String look = null; // the node attributes' rounded box unless the shape is another
        if (n instanceof InputNode || n instanceof OutputNode) {
            out.append(",\"shape\"=\"ellipse\"");
            look = "filled";
            String tensorName = renamedTensor(n);
            if (tensorName != null) {
                out.append(",\"tooltip\"=").append(GraphvizText.quoted(GraphvizText.tooltip(tensorName)));
            }
        } else if (n instanceof ModuleNode m) {
            boolean flow = m.module().kind() == ModuleKind.CONTROL_FLOW;
            // box3d's front face starts below the node's top: more room above keeps its line off the bold title
            out.append(",\"shape\"=").append(flow ? "\"hexagon\"" : "\"box3d\",\"margin\"=\"0.12,0.09\"");
            look = "filled";
        }
        for (Attribute a : changeLook == null ? outline(style, family, look) : marked(style, changeLook, look)) {
            out.append(',').append(a.key()).append('=').append(a.value());
        }
        out.append("]\n");
    }

    /** The outline of a node a comparison marked, drawn as its change is ({@link ChangeLook}). */
    private static List<Attribute> marked(Style style, ChangeLook change, String look) {
        List<Attribute> attributes = new ArrayList<>(List.of(pair("style", outlineStyle(change.border(),
                look == null ? "rounded,filled" : look)), pair("color", change.color()),
                pair("penwidth", change.width(style.lineWidth()))));
        if (change.doubled()) {
            attributes.add(pair("peripheries", 2));
        }
        if (change.fadedText() != null) {
            attributes.add(pair("fontcolor", change.fadedText()));
        }
        return attributes;
    }

    /** The tensor name of an input or output shown under another name ({@code --layer}), or null. */
    private static String renamedTensor(Node n) {
        if (n instanceof InputNode in && in.label() != null) {
            return in.tensor().name();
        }
        return n instanceof OutputNode out && out.label() != null ? out.tensor().name() : null;
    }

    /** The style and width that draw a family's border on a node styled {@code look} (null: the default style). */
    private static List<Attribute> outline(Style style, OpFamily family, String look) {
        Border border = style.border(family);
        String styleValue = outlineStyle(border, look);
        List<Attribute> attributes = new ArrayList<>(2);
        if (styleValue != null) {
            attributes.add(pair("style", styleValue));
        }
        if (border == Border.BOLD) {
            attributes.add(pair("penwidth", border.width(style.lineWidth())));
        }
        return attributes;
    }

    /** A node's {@code style} value with {@code border}'s dashes added, or null when the default one does. */
    static String outlineStyle(Border border, String look) {
        String dashes = switch (border) {
            case DASHED -> "dashed";
            case DOTTED -> "dotted";
            default -> null;
        };
        if (dashes == null) {
            return look;
        }
        return (look == null ? "rounded,filled" : look) + "," + dashes;
    }

    /** The edges in graphviz-java's order (see the class comment). */
    private static void edges(Diagram diagram, Map<Node, Integer> ids, Appendable out) throws IOException {
        int nodes = ids.size();
        int[] order = new int[nodes];
        boolean[] seen = new boolean[nodes];
        int ordered = 0;
        for (int id = 0; id < diagram.nodesDirectlyIn(ModulePath.ROOT).size(); id++) {
            seen[id] = true;
            order[ordered++] = id;
        }
        List<TensorEdge> edges = new ArrayList<>(diagram.edges());
        int[] sources = new int[edges.size()];
        int[] targets = new int[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            sources[e] = ids.get(diagram.source(edges.get(e)));
            targets[e] = ids.get(diagram.target(edges.get(e)));
            for (int id : new int[] {sources[e], targets[e]}) {
                if (!seen[id]) {
                    seen[id] = true;
                    order[ordered++] = id;
                }
            }
        }
        Adjacency bySource = Adjacency.edgesBy(nodes, sources, edges.size());
        Map<String, String> labels = new HashMap<>(); // escaped once per distinct label: a model has few shapes
        for (int k = 0; k < ordered; k++) {
            int from = order[k];
            for (int i = bySource.end(from) - 1; i >= bySource.start(from); i--) {
                int e = bySource.item(i);
                edgeLine(out, from, targets[e], edgeLabel(diagram, edges.get(e), labels),
                        edgeMark(diagram.change(edges.get(e)), diagram.options().style()));
            }
        }
    }

    /**
     * {@code "nA" -> "nB" [label=<...>]} and a line break; {@code label} already escaped, empty for none;
     * {@code mark} the attributes of a comparison's mark, empty for none.
     */
    private static void edgeLine(Appendable out, int from, int to, String label, String mark) throws IOException {
        out.append("\"n").append(Integer.toString(from)).append("\" -> \"n").append(Integer.toString(to)).append('"');
        if (!label.isEmpty() || !mark.isEmpty()) {
            out.append(" [");
            if (!label.isEmpty()) {
                out.append("\"label\"=<").append(label).append('>').append(mark.isEmpty() ? "" : ",");
            }
            out.append(mark).append(']');
        }
        out.append('\n');
    }

    /** An edge to or from a removed node is dashed and faded; to or from an added one, heavier and coloured. */
    private static String edgeMark(Change change, Style style) {
        if (change == null) {
            return "";
        }
        if (change.kind() == ChangeKind.REMOVED) {
            return "\"style\"=\"dashed\",\"color\"=" + GraphvizText.quoted(ChangeLook.REMOVED_EDGE);
        }
        ChangeLook look = ChangeLook.of(change.kind());
        return "\"color\"=" + GraphvizText.quoted(look.color()) + ",\"penwidth\"="
                + GraphvizText.quoted(String.valueOf(style.lineWidth() * 2));
    }

    private static String edgeLabel(Diagram diagram, TensorEdge edge, Map<String, String> labels) {
        return labels.computeIfAbsent(Labels.edge(diagram, edge), GraphvizText::escape);
    }

    private static String label(Diagram diagram, Node n) {
        StringBuilder text = new StringBuilder(GraphvizText.bold(Labels.title(n)));
        for (String line : Labels.details(diagram, n)) {
            text.append("<BR/>").append(GraphvizText.escape(line));
        }
        return text.toString();
    }

    /** {@code keyword [key=value,...]} on a line of its own. */
    private static void attributeLine(Appendable out, String keyword, List<Attribute> attributes) throws IOException {
        out.append(keyword);
        attributes(out, attributes);
        out.append('\n');
    }

    private static void attributes(Appendable out, List<Attribute> attributes) throws IOException {
        out.append(" [");
        for (int i = 0; i < attributes.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(attributes.get(i).key()).append('=').append(attributes.get(i).value());
        }
        out.append(']');
    }

    /** A quoted key and a quoted value; numbers as Java prints them ({@code 11.0}), as graphviz-java wrote them. */
    private static Attribute pair(String key, Object value) {
        return new Attribute(GraphvizText.quoted(key), GraphvizText.quoted(String.valueOf(value)));
    }

    /** A quoted key and an HTML-like value, already escaped. */
    private static Attribute html(String key, String markup) {
        return new Attribute(GraphvizText.quoted(key), "<" + markup + ">");
    }
}
