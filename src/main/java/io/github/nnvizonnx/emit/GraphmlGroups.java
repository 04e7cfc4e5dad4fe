package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Turns a flat GraphML document into a nested one: each module box of the diagram becomes a group node, as yEd writes
 * them ({@code yfiles.foldertype="group"}, a {@code <graph>} inside), and the box's nodes and inner boxes move into
 * it. Edges stay in the top graph, which GraphML allows for edges between nodes at any depth. The group nodes carry
 * the same keys as module nodes, with {@code kind} {@code group}.
 */
final class GraphmlGroups {
    private static final String NS = "http://graphml.graphdrawing.org/xmlns";

    private final Document doc;
    private final Diagram diagram;
    private final Map<String, String> nodeKeys = new HashMap<>();
    private final Map<String, Element> nodesById = new HashMap<>();
    private int groups;

    private GraphmlGroups(Document doc, Diagram diagram) {
        this.doc = doc;
        this.diagram = diagram;
    }

    /** Nests {@code doc}, written by {@link GraphmlEmitter} for {@code diagram}, in place. */
    static void nest(Document doc, Diagram diagram) {
        new GraphmlGroups(doc, diagram).nest();
    }

    private void nest() {
        // A deep node list counts its length by walking the document: asked once, not at every step.
        NodeList keys = doc.getElementsByTagNameNS(NS, "key");
        for (int i = 0, count = keys.getLength(); i < count; i++) {
            Element key = (Element) keys.item(i);
            if (key.getAttribute("for").equals("node")) {
                nodeKeys.put(key.getAttribute("attr.name"), key.getAttribute("id"));
            }
        }
        NodeList nodes = doc.getElementsByTagNameNS(NS, "node");
        for (int i = 0, count = nodes.getLength(); i < count; i++) {
            Element node = (Element) nodes.item(i);
            nodesById.put(node.getAttribute("id"), node);
        }
        Element top = (Element) doc.getElementsByTagNameNS(NS, "graph").item(0);
        // Groups go before the first edge, so each graph lists its nodes first, as the flat file does.
        org.w3c.dom.Node firstEdge = doc.getElementsByTagNameNS(NS, "edge").item(0);
        for (Module box : diagram.boxesIn(ModulePath.ROOT)) {
            top.insertBefore(group(box), firstEdge);
        }
    }

    /** The group node of {@code box}, holding its nodes and, recursively, its inner boxes. */
    private Element group(Module box) {
        String id = freshId();
        Element group = doc.createElementNS(NS, "node");
        group.setAttribute("id", id);
        group.setAttribute("yfiles.foldertype", "group");
        data(group, "kind", "group");
        data(group, "label", Labels.boxTitle(box));
        data(group, "name", box.path().dotted());
        data(group, "module_path", box.path().dotted());
        String moduleClass = GraphmlEmitter.moduleClass(box);
        if (moduleClass != null) {
            data(group, "module_class", moduleClass);
        }
        data(group, "parameters", Long.toString(box.parameterCount()));
        Element inside = doc.createElementNS(NS, "graph");
        inside.setAttribute("id", id + ":");
        inside.setAttribute("edgedefault", "directed");
        for (Node n : diagram.nodesDirectlyIn(box.path())) {
            inside.appendChild(nodesById.get(n.id())); // appending moves the element out of the top graph
        }
        for (Module inner : diagram.boxesIn(box.path())) {
            inside.appendChild(group(inner));
        }
        group.appendChild(inside);
        return group;
    }

    /** An id no node of the file has. */
    private String freshId() {
        String id;
        do {
            id = "g" + groups++;
        } while (nodesById.containsKey(id));
        return id;
    }

    private void data(Element node, String keyName, String value) {
        Element data = doc.createElementNS(NS, "data");
        data.setAttribute("key", nodeKeys.get(keyName));
        data.setTextContent(GraphmlEmitter.xmlText(value));
        node.appendChild(data);
    }
}
