package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.model.Change;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;

/**
 * The nodes of a nested GraphML file, in their graphs: each module box of the diagram becomes a group node, as yEd
 * writes them ({@code yfiles.foldertype="group"}, a {@code <graph>} inside) holding the box's nodes and inner boxes;
 * nodes in no box stay in the top graph, before the groups. Edges are left to the caller: they all go in the top
 * graph, which GraphML allows for edges between nodes at any depth. The group nodes carry the same keys as module
 * nodes, with {@code kind} {@code group}.
 */
final class GraphmlGroups {
    /** Writes the element of one node of the diagram. */
    interface NodeElement {
        void write(Node node) throws IOException;
    }

    private final Diagram diagram;
    private final GraphmlStream xml;
    private final NodeElement nodes;
    private final Map<String, String> nodeKeys = new HashMap<>();
    /** Every node id of the file: group ids avoid them. */
    private final Set<String> nodeIds = new HashSet<>();
    private int groups;

    GraphmlGroups(Diagram diagram, GraphmlStream xml, NodeElement nodes) {
        this.diagram = diagram;
        this.xml = xml;
        this.nodes = nodes;
        for (int k = 0; k < GraphmlEmitter.KEYS.size(); k++) {
            if (GraphmlEmitter.KEYS.get(k).category() == AttributeCategory.NODE) {
                nodeKeys.put(GraphmlEmitter.KEYS.get(k).name(), NestedGraphmlEmitter.keyId(k));
            }
        }
    }

    /** Every node of the diagram's graph: first those in no box, in the graph's order, then the top boxes' groups. */
    void writeNodes() throws IOException {
        Set<String> boxed = new HashSet<>(); // by id, as the file knows its nodes
        for (Module box : diagram.boxesIn(ModulePath.ROOT)) {
            collectBoxed(box, boxed);
        }
        for (Node n : diagram.model().graph().vertexSet()) {
            nodeIds.add(n.id());
        }
        for (Node n : diagram.model().graph().vertexSet()) {
            if (!boxed.contains(n.id())) {
                nodes.write(n);
            }
        }
        for (Module box : diagram.boxesIn(ModulePath.ROOT)) {
            group(box);
        }
    }

    private void collectBoxed(Module box, Set<String> boxed) {
        for (Node n : diagram.nodesDirectlyIn(box.path())) {
            boxed.add(n.id());
        }
        for (Module inner : diagram.boxesIn(box.path())) {
            collectBoxed(inner, boxed);
        }
    }

    /** The group node of {@code box}, holding its nodes and, recursively, its inner boxes. */
    private void group(Module box) throws IOException {
        String id = freshId();
        xml.startNode(id, "group");
        data("kind", "group");
        data("label", Labels.boxTitle(diagram, box));
        data("name", box.path().dotted());
        data("module_path", box.path().dotted());
        String moduleClass = GraphmlEmitter.moduleClass(box);
        if (moduleClass != null) {
            data("module_class", moduleClass);
        }
        data("parameters", Long.toString(box.parameterCount()));
        Change change = diagram.change(box);
        if (change != null) {
            data("change", change.kind().word());
            if (!change.detail().isEmpty()) {
                data("change_detail", change.detail());
            }
        }
        xml.startGraph(id + ":");
        for (Node n : diagram.nodesDirectlyIn(box.path())) {
            nodes.write(n);
        }
        for (Module inner : diagram.boxesIn(box.path())) {
            group(inner);
        }
        xml.end("graph");
        xml.end("node");
    }

    /** An id no node of the file has. */
    private String freshId() {
        String id;
        do {
            id = "g" + groups++;
        } while (nodeIds.contains(id));
        return id;
    }

    private void data(String keyName, String value) throws IOException {
        xml.data(nodeKeys.get(keyName), GraphmlEmitter.xmlText(value));
    }
}
