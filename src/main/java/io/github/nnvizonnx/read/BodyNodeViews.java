package io.github.nnvizonnx.read;

import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.read.hierarchy.NodeView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The nodes inside the If/Loop/Scan bodies of a graph, as conventions see them. A model built around one If (a
 * converter switching between two inlined models) has only plain names in its main graph ({@code Equal_0},
 * {@code If_0}): the exporter's naming is found in its bodies.
 */
final class BodyNodeViews {
    /** Enough nodes to tell the naming; a sample, not every node of a deep model. */
    static final int MAX_NODES = 50_000;
    private static final Set<String> CONTROL_FLOW = Set.of("If", "Loop", "Scan");

    private BodyNodeViews() {
    }

    /** The nodes of the bodies of {@code nodes} (and of the bodies inside those), outermost first. */
    static List<NodeView> of(List<NodeProto> nodes, List<NodeView> views) {
        List<NodeView> found = new ArrayList<>();
        Deque<GraphProto> bodies = new ArrayDeque<>();
        addBodies(nodes, views, bodies);
        while (!bodies.isEmpty() && found.size() < MAX_NODES) {
            GraphProto body = bodies.removeFirst();
            List<NodeView> bodyViews = GraphImporter.views(body.getNodeList());
            found.addAll(bodyViews);
            addBodies(body.getNodeList(), bodyViews, bodies);
        }
        return found;
    }

    private static void addBodies(List<NodeProto> nodes, List<NodeView> views, Deque<GraphProto> bodies) {
        for (int i = 0; i < views.size(); i++) {
            if (!CONTROL_FLOW.contains(views.get(i).opType())) {
                continue; // only these few are decoded again
            }
            for (AttributeProto a : NodeWiring.of(nodes, i).attributes()) {
                if (a.hasG()) {
                    bodies.addLast(a.getG());
                }
                bodies.addAll(a.getGraphsList());
            }
        }
    }
}
