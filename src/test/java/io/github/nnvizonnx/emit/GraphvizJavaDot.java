package io.github.nnvizonnx.emit;

import static guru.nidi.graphviz.model.Factory.mutGraph;
import static guru.nidi.graphviz.model.Factory.mutNode;
import static guru.nidi.graphviz.model.Factory.to;

import guru.nidi.graphviz.attribute.Attributes;
import guru.nidi.graphviz.attribute.For;
import guru.nidi.graphviz.attribute.Label;
import guru.nidi.graphviz.attribute.Rank;
import guru.nidi.graphviz.attribute.Shape;
import guru.nidi.graphviz.model.MutableGraph;
import guru.nidi.graphviz.model.MutableNode;
import io.github.nnvizonnx.emit.style.Border;
import io.github.nnvizonnx.emit.style.OpFamily;
import io.github.nnvizonnx.emit.style.Style;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.TensorEdge;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference for {@link DotEmitter}: how DOT was written before it streamed, by building graphviz-java's graph
 * model and letting graphviz-java serialize it. Its serializer looks nodes up by name in a list, which made DOT for
 * large graphs quadratic; the streaming emitter must write exactly the same text.
 */
final class GraphvizJavaDot {
    private GraphvizJavaDot() {
    }

    static String write(Diagram diagram) {
        return toGraph(diagram).toString() + '\n';
    }

    private static MutableGraph toGraph(Diagram diagram) {
        Style style = diagram.options().style();
        MutableGraph root = mutGraph("nnviz").setDirected(true);
        root.graphAttrs().add(Rank.dir(diagram.options().direction() == Direction.TB
                ? Rank.RankDir.TOP_TO_BOTTOM : Rank.RankDir.LEFT_TO_RIGHT),
                attr("fontname", style.font()), attr("fontsize", style.fontSize()),
                attr("fontcolor", style.textColor()), attr("compound", "true"), attr("nodesep", "0.25"),
                attr("ranksep", "0.35"));
        if (style.background() != null) {
            root.graphAttrs().add(attr("bgcolor", style.background()));
        }
        root.nodeAttrs().add(attr("fontname", style.font()), attr("fontsize", style.fontSize()),
                attr("fontcolor", style.textColor()), Shape.RECTANGLE, attr("style", "rounded,filled"),
                attr("color", style.borderColor()), attr("penwidth", style.lineWidth()), attr("margin", "0.12,0.04"));
        root.linkAttrs().add(attr("fontname", style.font()), attr("fontsize", style.edgeFontSize()),
                attr("fontcolor", style.textColor()), attr("color", style.edgeColor()),
                attr("penwidth", style.lineWidth()), attr("arrowsize", "0.6"));
        Map<Node, String> ids = new HashMap<>();
        addScope(diagram, ModulePath.ROOT, 1, root, ids, new int[] {0});
        for (TensorEdge e : diagram.edges()) {
            MutableNode from = mutNode(ids.get(diagram.source(e)));
            String label = Labels.edge(diagram, e);
            if (label.isEmpty()) {
                root.add(from.addLink(to(mutNode(ids.get(diagram.target(e))))));
            } else {
                root.add(from.addLink(to(mutNode(ids.get(diagram.target(e))))
                        .with(Label.html(GraphvizText.escape(label)))));
            }
        }
        return root;
    }

    private static void addScope(Diagram diagram, ModulePath scope, int level, MutableGraph graph, Map<Node, String> ids,
                          int[] clusters) {
        Style style = diagram.options().style();
        for (Node n : diagram.nodesDirectlyIn(scope)) {
            String id = "n" + ids.size();
            ids.put(n, id);
            graph.add(styled(mutNode(id).add(Label.html(label(diagram, n))), n, style));
        }
        for (Module box : diagram.boxesIn(scope)) {
            int number = clusters[0]++;
            MutableGraph cluster = mutGraph("s" + number).setCluster(true).setDirected(true);
            cluster.graphAttrs().add(attr("style", "rounded,filled"), attr("fillcolor", style.moduleFill(level)),
                    attr("color", style.moduleBorder()), attr("penwidth", style.lineWidth()));
            cluster.add(mutNode("t" + number).add(Label.html(GraphvizText.escape(Labels.boxTitle(box))),
                    attr("shape", "plaintext"), attr("style", ""), attr("margin", "0.04,0"), attr("height", "0")));
            addScope(diagram, box.path(), level + 1, cluster, ids, clusters);
            graph.add(cluster);
        }
    }

    private static String label(Diagram diagram, Node n) {
        StringBuilder text = new StringBuilder(GraphvizText.bold(Labels.title(n)));
        for (String line : Labels.details(diagram, n)) {
            text.append("<BR/>").append(GraphvizText.escape(line));
        }
        return text.toString();
    }

    private static MutableNode styled(MutableNode node, Node n, Style style) {
        OpFamily family = OpFamily.of(n);
        node.add(attr("fillcolor", style.fill(family)));
        String look = null;
        if (n instanceof InputNode || n instanceof OutputNode) {
            node.add(Shape.ELLIPSE);
            String label = n instanceof InputNode in ? in.label() : ((OutputNode) n).label();
            if (label != null) { // a node drawn by another name keeps its tensor's in the tooltip
                String tensor = n instanceof InputNode in ? in.tensor().name() : ((OutputNode) n).tensor().name();
                node.add(attr("tooltip", GraphvizText.tooltip(tensor)));
            }
            look = "filled";
        } else if (n instanceof ModuleNode m) {
            boolean flow = m.module().kind() == ModuleKind.CONTROL_FLOW;
            node.add(flow ? Shape.HEXAGON : Shape.BOX_3D);
            if (!flow) {
                node.add(attr("margin", "0.12,0.09"));
            }
            look = "filled";
        }
        return outlined(node, style, family, look);
    }

    private static MutableNode outlined(MutableNode node, Style style, OpFamily family, String look) {
        Border border = style.border(family);
        String styleValue = DotEmitter.outlineStyle(border, look);
        if (styleValue != null) {
            node.add(attr("style", styleValue));
        }
        if (border == Border.BOLD) {
            node.add(attr("penwidth", border.width(style.lineWidth())));
        }
        return node;
    }

    private static <F extends For> Attributes<F> attr(String key, Object value) {
        return Attributes.attr(key, value);
    }
}
