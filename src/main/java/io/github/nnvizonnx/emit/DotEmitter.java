package io.github.nnvizonnx.emit;

import static guru.nidi.graphviz.model.Factory.mutGraph;
import static guru.nidi.graphviz.model.Factory.mutNode;
import static guru.nidi.graphviz.model.Factory.to;

import guru.nidi.graphviz.attribute.Attributes;
import guru.nidi.graphviz.attribute.Font;
import guru.nidi.graphviz.attribute.Label;
import guru.nidi.graphviz.attribute.Rank;
import guru.nidi.graphviz.attribute.Shape;
import guru.nidi.graphviz.attribute.Style;
import guru.nidi.graphviz.model.MutableGraph;
import guru.nidi.graphviz.model.MutableNode;
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
 * Graphviz DOT built with graphviz-java's graph model: one {@code cluster_} subgraph per module box, nested; labels
 * are HTML-like with every model text escaped by {@link GraphvizText}. Edges are declared at the top level, after all
 * clusters, so that an edge never pulls a node into the wrong cluster.
 */
public final class DotEmitter implements Emitter {
    private static final int GROUP_SIZE = 64;

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

    @Override
    public void write(Diagram diagram, Appendable out) throws IOException {
        out.append(toGraph(diagram).toString()).append('\n');
    }

    /** The diagram as a graphviz-java graph; also what the renderers hand to the dot engine. */
    public MutableGraph toGraph(Diagram diagram) {
        MutableGraph root = mutGraph("nnviz").setDirected(true);
        root.graphAttrs().add(Rank.dir(diagram.options().direction() == Direction.TB
                ? Rank.RankDir.TOP_TO_BOTTOM : Rank.RankDir.LEFT_TO_RIGHT), Font.name("Helvetica"),
                Attributes.attr("compound", "true"));
        root.nodeAttrs().add(Font.name("Helvetica"), Shape.RECTANGLE, Style.ROUNDED);
        root.linkAttrs().add(Font.name("Helvetica"), Font.size(10));
        Map<Node, String> ids = new HashMap<>();
        addScope(diagram, ModulePath.ROOT, root, ids, new int[] {0});
        List<MutableNode> edges = new ArrayList<>();
        for (TensorEdge e : diagram.edges()) {
            MutableNode from = mutNode(ids.get(diagram.source(e)));
            String label = Labels.edge(e);
            if (label.isEmpty()) {
                edges.add(from.addLink(to(mutNode(ids.get(diagram.target(e))))));
            } else {
                edges.add(from.addLink(to(mutNode(ids.get(diagram.target(e))))
                        .with(Label.html(GraphvizText.escape(label)))));
            }
        }
        addGrouped(root, edges);
        return root;
    }

    private void addScope(Diagram diagram, ModulePath scope, MutableGraph graph, Map<Node, String> ids,
                          int[] clusters) {
        List<MutableNode> nodes = new ArrayList<>();
        for (Node n : diagram.nodesDirectlyIn(scope)) {
            String id = "n" + ids.size();
            ids.put(n, id);
            nodes.add(styled(mutNode(id).add(Label.html(label(n, diagram.ownModule(n)))), n));
        }
        addGrouped(graph, nodes);
        for (Module box : diagram.boxesIn(scope)) {
            MutableGraph cluster = mutGraph("s" + clusters[0]++).setCluster(true).setDirected(true);
            cluster.graphAttrs().add(Label.html(GraphvizText.escape(Labels.boxTitle(box))),
                    Attributes.attr("labeljust", "l"), Style.ROUNDED);
            addScope(diagram, box.path(), cluster, ids, clusters);
            graph.add(cluster);
        }
    }

    /**
     * Adds nodes (or edges, as nodes with a link) to a graph level; past {@link #GROUP_SIZE} of them, in unnamed
     * subgraphs of that many. graphviz-java's serializer compares each node of a level with every other by name, so
     * 40,000 edges in one level took 12 s and 80,000 flat nodes over a minute; in groups the work grows linearly.
     * An unnamed subgraph changes nothing in the drawing: its nodes still belong to the enclosing cluster.
     */
    private static void addGrouped(MutableGraph graph, List<MutableNode> items) {
        if (items.size() <= GROUP_SIZE) {
            items.forEach(graph::add);
            return;
        }
        for (int start = 0; start < items.size(); start += GROUP_SIZE) {
            MutableGraph group = mutGraph().setDirected(true);
            items.subList(start, Math.min(start + GROUP_SIZE, items.size())).forEach(group::add);
            graph.add(group);
        }
    }

    private static String label(Node n, Module ownModule) {
        StringBuilder text = new StringBuilder(GraphvizText.bold(Labels.title(n)));
        for (String line : Labels.details(n, ownModule)) {
            text.append("<BR/>").append(GraphvizText.escape(line));
        }
        return text.toString();
    }

    private static MutableNode styled(MutableNode node, Node n) {
        if (n instanceof InputNode || n instanceof OutputNode) {
            return node.add(Shape.ELLIPSE);
        }
        if (n instanceof ModuleNode m) {
            return node.add(m.module().kind() == ModuleKind.CONTROL_FLOW ? Shape.HEXAGON : Shape.BOX_3D);
        }
        return node;
    }
}
