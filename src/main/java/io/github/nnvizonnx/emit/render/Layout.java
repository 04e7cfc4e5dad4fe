package io.github.nnvizonnx.emit.render;

import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.TensorEdge;
import java.util.List;

/**
 * Where Graphviz placed a diagram's parts, for formats that draw the picture themselves (TikZ, draw.io). In points
 * (1/72 in), y growing downwards from the picture's top left corner, as on a screen. Boxes come parents first (in
 * the DOT's depth-first order).
 *
 * @param diagram what was laid out, its direction resolved
 * @param width   the picture's width
 * @param height  the picture's height
 * @param boxes   the module boxes, each after the box it is in
 * @param nodes   the nodes
 * @param edges   the drawn edges (not the invisible ones that place box titles)
 * @param legend  the centre of the legend Graphviz made room for, or null without {@code --legend}
 */
public record Layout(Diagram diagram, double width, double height, List<Box> boxes, List<PlacedNode> nodes,
                     List<PlacedEdge> edges, Point legend) {

    public Layout {
        boxes = List.copyOf(boxes);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** A point. */
    public record Point(double x, double y) {
    }

    /** A rectangle by its top left corner and size. */
    public record Rect(double x, double y, double width, double height) {
        /** Its centre. */
        public Point center() {
            return new Point(x + width / 2, y + height / 2);
        }
    }

    /**
     * A module box.
     *
     * @param module its module
     * @param depth  1 for a top-level box
     * @param parent the index of the box it is in, -1 at the top level
     * @param bounds its outline
     * @param title  where its title goes (Graphviz places it as a node in the box's first rank)
     */
    public record Box(Module module, int depth, int parent, Rect bounds, Rect title) {
    }

    /**
     * A node.
     *
     * @param node   the node
     * @param box    the index of the box it is directly in, -1 at the top level
     * @param bounds its outline
     */
    public record PlacedNode(Node node, int box, Rect bounds) {
    }

    /**
     * An edge as Graphviz routed it.
     *
     * @param edge    the tensor
     * @param source  the index of the node it leaves
     * @param target  the index of the node it enters
     * @param spline  a cubic Bézier spline: a start point, then three points (two controls and an end) per piece
     * @param tip     where the arrowhead ends (the spline ends at the arrowhead's base), or null without one
     * @param label   the centre of its label, or null without a label
     */
    public record PlacedEdge(TensorEdge edge, int source, int target, List<Point> spline, Point tip, Point label) {
        public PlacedEdge {
            spline = List.copyOf(spline);
        }
    }
}
