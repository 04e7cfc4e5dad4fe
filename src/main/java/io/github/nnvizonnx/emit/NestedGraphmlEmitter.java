package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.TensorEdge;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;

/**
 * GraphML with the hierarchy as nested graphs too: the keys, nodes and edges of {@link GraphmlEmitter}'s flat file,
 * with each module box a group node made by {@link GraphmlGroups}, in the form yEd writes groups in; networkx's
 * {@code read_graphml} reads every node and edge, and each group as one more node (kind {@code group}, no edges).
 * Written element by element as the diagram is walked ({@link GraphmlStream}). Opt-in, by
 * {@code --format graphml-nested}: the {@code .graphml} extension keeps choosing the flat file, whose node count is
 * the model's.
 */
public final class NestedGraphmlEmitter implements Emitter {
    @Override
    public String format() {
        return "graphml-nested";
    }

    @Override
    public String description() {
        return "GraphML with each module box a yEd group node holding a nested graph";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of();
    }

    @Override
    public void write(Diagram diagram, Appendable out) throws IOException {
        GraphmlStream xml = new GraphmlStream(out);
        List<GraphmlEmitter.Key> keys = GraphmlEmitter.KEYS;
        for (int k = 0; k < keys.size(); k++) {
            GraphmlEmitter.Key key = keys.get(k);
            xml.key(keyId(k), key.category().toString(), key.name(), key.type().toString());
        }
        xml.startGraph(null);
        new GraphmlGroups(diagram, xml, n -> {
            xml.startNode(n.id(), null);
            data(xml, AttributeCategory.NODE, GraphmlEmitter.nodeAttributes(diagram, n));
            xml.end("node");
        }).writeNodes();
        Graph<Node, TensorEdge> graph = diagram.model().graph();
        int number = 0;
        for (TensorEdge e : graph.edgeSet()) {
            xml.startEdge("e" + number++, graph.getEdgeSource(e).id(), graph.getEdgeTarget(e).id());
            data(xml, AttributeCategory.EDGE, GraphmlEmitter.edgeAttributes(diagram, e));
            xml.end("edge");
        }
        xml.end("graph");
        xml.finish();
    }

    /** The id of the key at {@code index} in {@link GraphmlEmitter#KEYS}, as jgrapht-io numbers them. */
    static String keyId(int index) {
        return "key" + index;
    }

    /** The values {@code data} has for keys of {@code category}, in the keys' order. */
    private static void data(GraphmlStream xml, AttributeCategory category, Map<String, Attribute> data)
            throws IOException {
        List<GraphmlEmitter.Key> keys = GraphmlEmitter.KEYS;
        for (int k = 0; k < keys.size(); k++) {
            Attribute value = keys.get(k).category() == category ? data.get(keys.get(k).name()) : null;
            if (value != null && value.getValue() != null) {
                xml.data(keyId(k), value.getValue());
            }
        }
    }
}
