package io.github.nnvizonnx.emit.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.nnvizonnx.emit.AutoDirection;
import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.DotEmitter;
import io.github.nnvizonnx.emit.Medium;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.TensorEdge;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Lays a diagram out with Graphviz's dot, exactly as the SVG and PDF are drawn: the same DOT through
 * {@code dot -Tjson0} (within the render time limit), read back into a {@link Layout}. Graphviz's y axis points
 * up; the layout's points down.
 */
public final class GraphvizLayout {
    /** Graphviz gives node sizes in inches. */
    private static final double POINTS_PER_INCH = 72;

    private GraphvizLayout() {
    }

    /** The layout of {@code drawn}, its direction (when still {@code auto}) chosen for {@code medium}. */
    public static Layout of(Diagram drawn, Medium medium) throws IOException {
        if (!GraphvizRenderer.dotInstalled()) {
            throw new RenderException("this format is laid out by Graphviz's dot, which is not installed (apt-get"
                    + " install graphviz, brew install graphviz, or graphviz.org); --format dot writes the DOT"
                    + " source without it");
        }
        StringBuilder dot = new StringBuilder();
        DotEmitter.Numbering numbering = new DotEmitter().writeNumbered(AutoDirection.resolve(drawn, medium), dot);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        GraphvizRenderer.render(dot.toString(), "json0", List.of(), json, drawn.options().renderTimeLimit());
        return read(JsonParser.parseString(json.toString(StandardCharsets.UTF_8)).getAsJsonObject(), numbering);
    }

    /** Reads dot's JSON of the DOT that {@code numbering} describes; the nesting comes from the diagram itself. */
    static Layout read(JsonObject graph, DotEmitter.Numbering numbering) {
        double[] bb = numbers(graph.get("bb").getAsString());
        Flip flip = new Flip(bb[3]);
        int boxCount = numbering.boxes().size();
        Layout.Rect[] boxBounds = new Layout.Rect[boxCount];
        Layout.Rect[] titles = new Layout.Rect[boxCount];
        Layout.Rect[] nodeBounds = new Layout.Rect[numbering.nodes().size()];
        Map<Integer, Integer> nodeIndexOfObject = new HashMap<>();
        JsonArray objects = graph.has("objects") ? graph.getAsJsonArray("objects") : new JsonArray();
        for (JsonElement element : objects) {
            JsonObject o = element.getAsJsonObject();
            String name = o.get("name").getAsString();
            if (name.startsWith("cluster_s")) {
                double[] b = numbers(o.get("bb").getAsString());
                boxBounds[Integer.parseInt(name.substring("cluster_s".length()))] =
                        flip.rect(b[0], b[3], b[2] - b[0], b[3] - b[1]);
            } else if (name.startsWith("t")) {
                titles[Integer.parseInt(name.substring(1))] = nodeBounds(o, flip);
            } else if (name.startsWith("n")) {
                int index = Integer.parseInt(name.substring(1));
                nodeIndexOfObject.put(o.get("_gvid").getAsInt(), index);
                nodeBounds[index] = nodeBounds(o, flip);
            }
        }
        Diagram diagram = numbering.diagram();
        Map<ModulePath, Integer> boxByPath = new HashMap<>();
        for (int b = 0; b < boxCount; b++) {
            boxByPath.put(numbering.boxes().get(b).path(), b);
        }
        Map<Node, Integer> boxOfNode = new IdentityHashMap<>();
        List<Layout.Box> boxes = new ArrayList<>();
        for (int b = 0; b < boxCount; b++) { // DOT numbers boxes depth first: a parent before its children
            Module module = numbering.boxes().get(b);
            int parent = enclosingBox(module.path(), boxByPath);
            Layout.Rect bounds = boxBounds[b];
            boxes.add(new Layout.Box(module, parent < 0 ? 1 : boxes.get(parent).depth() + 1, parent, bounds,
                    titles[b] != null ? titles[b] : new Layout.Rect(bounds.x(), bounds.y(), 0, 0)));
            for (Node n : diagram.nodesDirectlyIn(module.path())) {
                boxOfNode.put(n, b);
            }
        }
        List<Layout.PlacedNode> nodes = new ArrayList<>();
        for (int i = 0; i < nodeBounds.length; i++) {
            Node node = numbering.nodes().get(i);
            nodes.add(new Layout.PlacedNode(node, boxOfNode.getOrDefault(node, -1), nodeBounds[i]));
        }
        Layout.Point legend = diagram.options().legend() && graph.has("lp")
                ? flip.point(numbers(graph.get("lp").getAsString())) : null;
        return new Layout(diagram, bb[2] - bb[0], bb[3] - bb[1], boxes, nodes,
                edges(graph, numbering, nodeIndexOfObject, flip), legend);
    }

    /** A node's outline: Graphviz gives its centre in points and its size in inches. */
    private static Layout.Rect nodeBounds(JsonObject node, Flip flip) {
        double[] center = numbers(node.get("pos").getAsString());
        double width = node.get("width").getAsDouble() * POINTS_PER_INCH;
        double height = node.get("height").getAsDouble() * POINTS_PER_INCH;
        return flip.rect(center[0] - width / 2, center[1] + height / 2, width, height);
    }

    /** The number of the innermost box strictly around {@code path}, or -1. */
    private static int enclosingBox(ModulePath path, Map<ModulePath, Integer> boxByPath) {
        for (ModulePath p = path; !p.isRoot(); ) {
            p = p.parent();
            Integer box = boxByPath.get(p);
            if (box != null) {
                return box;
            }
        }
        return -1;
    }

    /** The drawn edges, matched to the diagram's tensors by their ends (parallel edges in order). */
    private static List<Layout.PlacedEdge> edges(JsonObject graph, DotEmitter.Numbering numbering,
                                                 Map<Integer, Integer> nodeIndexOfObject, Flip flip) {
        Diagram diagram = numbering.diagram();
        Map<Node, Integer> indexOf = new IdentityHashMap<>();
        for (int i = 0; i < numbering.nodes().size(); i++) {
            indexOf.put(numbering.nodes().get(i), i);
        }
        Map<Long, Queue<TensorEdge>> byEnds = new HashMap<>();
        for (TensorEdge e : diagram.edges()) {
            byEnds.computeIfAbsent(ends(indexOf.get(diagram.source(e)), indexOf.get(diagram.target(e))),
                    k -> new ArrayDeque<>()).add(e);
        }
        List<Layout.PlacedEdge> edges = new ArrayList<>();
        if (!graph.has("edges")) {
            return edges;
        }
        for (JsonElement element : graph.getAsJsonArray("edges")) {
            JsonObject o = element.getAsJsonObject();
            Integer source = nodeIndexOfObject.get(o.get("tail").getAsInt());
            Integer target = nodeIndexOfObject.get(o.get("head").getAsInt());
            Queue<TensorEdge> candidates = source == null || target == null ? null
                    : byEnds.get(ends(source, target));
            if (candidates == null || candidates.isEmpty() || !o.has("pos")) {
                continue; // a title's invisible edge
            }
            Spline spline = Spline.parse(o.get("pos").getAsString(), flip);
            Layout.Point label = o.has("lp") ? flip.point(numbers(o.get("lp").getAsString())) : null;
            edges.add(new Layout.PlacedEdge(candidates.remove(), source, target, spline.points(), spline.tip(),
                    label));
        }
        return edges;
    }

    private static long ends(int source, int target) {
        return ((long) source << 32) | (target & 0xffffffffL);
    }

    /** Comma-separated numbers, as Graphviz writes points and boxes. */
    static double[] numbers(String text) {
        String[] parts = text.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i].strip());
        }
        return values;
    }

    /** Turns Graphviz's y-up points into the layout's y-down ones. */
    record Flip(double top) {
        Layout.Point point(double[] xy) {
            return new Layout.Point(xy[0], top - xy[1]);
        }

        /** A rectangle from its top left corner in Graphviz's coordinates. */
        Layout.Rect rect(double left, double graphvizTop, double width, double height) {
            return new Layout.Rect(left, top - graphvizTop, width, height);
        }
    }

    /** An edge's {@code pos}: {@code [e,x,y ][s,x,y ]x,y x,y ...}, the arrow ends first, then the spline. */
    record Spline(List<Layout.Point> points, Layout.Point tip) {
        static Spline parse(String pos, Flip flip) {
            List<Layout.Point> points = new ArrayList<>();
            Layout.Point tip = null;
            for (String token : pos.split(";")[0].strip().split("\\s+")) {
                if (token.startsWith("e,")) {
                    tip = flip.point(numbers(token.substring(2)));
                } else if (!token.startsWith("s,")) {
                    points.add(flip.point(numbers(token)));
                }
            }
            return new Spline(points, tip);
        }
    }
}
