package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.TensorEdge;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A module box's title drawn as a text node in the box's first rank rather than as the box's label. Graphviz leaves
 * a cluster label's corner free of nodes but not of edges: an edge entering the box from above ran straight through
 * its title. A node is an obstacle edges are routed around, so the title stays clear. Invisible edges from the title
 * to every entry of the box (a node reached from outside only, or an inner box's title) keep it above the content
 * (left of it, left to right).
 */
final class DotClusterTitles {
    /** An invisible edge from a box's title to a node, or to an inner box's title when {@code node} is null. */
    private record Link(int title, Node node, int innerTitle) {
    }

    private final Diagram diagram;
    private final Map<Node, ModulePath> boxOf = new HashMap<>();
    private final List<Link> links = new ArrayList<>();

    DotClusterTitles(Diagram diagram) {
        this.diagram = diagram;
        place(ModulePath.ROOT);
    }

    private void place(ModulePath box) {
        for (Node n : diagram.nodesDirectlyIn(box)) {
            boxOf.put(n, box);
        }
        for (Module inner : diagram.boxesIn(box)) {
            place(inner.path());
        }
    }

    /** The DOT id of box {@code index}'s title node. */
    static String id(int index) {
        return "t" + index;
    }

    /** Notes that {@code n}, directly in box {@code title}, hangs below the title when nothing in the box feeds it. */
    void node(int title, ModulePath box, Node n) {
        for (TensorEdge e : diagram.model().graph().incomingEdgesOf(n)) {
            if (box.contains(boxOf.get(diagram.source(e)))) {
                return;
            }
        }
        links.add(new Link(title, n, -1));
    }

    /** Notes that box {@code inner}'s title hangs below box {@code title}'s. */
    void inner(int title, int inner) {
        links.add(new Link(title, null, inner));
    }

    /** The invisible edges, once every node has its DOT number in {@code ids}. */
    void writeLinks(Appendable out, Map<Node, Integer> ids) throws IOException {
        for (Link link : links) {
            out.append('"').append(id(link.title())).append("\" -> \"")
                    .append(link.node() == null ? id(link.innerTitle()) : "n" + ids.get(link.node()))
                    .append("\" [\"style\"=\"invis\",\"minlen\"=\"0\"]\n");
        }
    }
}
