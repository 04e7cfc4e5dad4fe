package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.model.Change;
import io.github.nnvizonnx.model.Fold;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;

/**
 * GraphML written by jgrapht-io's exporter, flat: the hierarchy is the {@code module_path} attribute of every node
 * (dotted, e.g. {@code layer1.0}). Nested graphs are left to {@link NestedGraphmlEmitter}, on request, because networkx
 * reads them only as yEd group nodes, which adds nodes that are not in the model; a flat file loads the same in
 * networkx, igraph, Gephi and yEd.
 */
public final class GraphmlEmitter implements Emitter {
    /** A GraphML attribute both files declare; its id is {@code key} followed by its place in {@link #KEYS}. */
    record Key(String name, AttributeCategory category, AttributeType type) {
    }

    /** The keys, in the order they are declared (jgrapht-io numbers them so: key0, key1...). */
    static final List<Key> KEYS = keys();

    private static List<Key> keys() {
        List<Key> keys = new java.util.ArrayList<>();
        for (String name : List.of("kind", "label", "name", "op_type", "domain", "module_path", "module_class",
                "attributes", "fold")) {
            keys.add(new Key(name, AttributeCategory.NODE, AttributeType.STRING));
        }
        keys.add(new Key("parameters", AttributeCategory.NODE, AttributeType.LONG));
        keys.add(new Key("fold_count", AttributeCategory.NODE, AttributeType.INT));
        for (String name : List.of("tensor_name", "dtype", "shape")) {
            keys.add(new Key(name, AttributeCategory.EDGE, AttributeType.STRING));
        }
        // a comparison's marks (nnviz-onnx diff), declared last so that the other keys keep their ids
        keys.add(new Key("change", AttributeCategory.NODE, AttributeType.STRING));
        keys.add(new Key("change_detail", AttributeCategory.NODE, AttributeType.STRING));
        keys.add(new Key("tensor_change", AttributeCategory.EDGE, AttributeType.STRING));
        return List.copyOf(keys);
    }

    @Override
    public String format() {
        return "graphml";
    }

    @Override
    public String description() {
        return "GraphML (networkx, igraph, Gephi, yEd); hierarchy in the module_path attribute";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of(".graphml");
    }

    @Override
    public void write(Diagram diagram, Appendable out) throws IOException {
        GraphMLExporter<Node, TensorEdge> exporter = new GraphMLExporter<>(Node::id);
        for (Key key : KEYS) {
            exporter.registerAttribute(key.name(), key.category(), key.type());
        }
        exporter.setVertexAttributeProvider(n -> nodeAttributes(diagram, n));
        exporter.setEdgeAttributeProvider(e -> edgeAttributes(diagram, e));
        Map<TensorEdge, String> edgeIds = new java.util.HashMap<>();
        exporter.setEdgeIdProvider(e -> edgeIds.computeIfAbsent(e, k -> "e" + edgeIds.size()));
        StringWriter text = new StringWriter();
        exporter.exportGraph(diagram.model().graph(), text);
        out.append(text.toString());
    }

    /** The data of node {@code n}, by key name. */
    static Map<String, Attribute> nodeAttributes(Diagram diagram, Node n) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        put(a, "label", Labels.title(n));
        if (n instanceof OperationNode op) {
            put(a, "kind", "operation");
            put(a, "name", op.name());
            put(a, "op_type", op.opType());
            put(a, "domain", op.domain());
            put(a, "attributes", String.join(", ", op.attributes().stream().map(Object::toString).toList()));
            a.put("parameters", DefaultAttribute.createAttribute(op.parameterCount()));
        } else if (n instanceof InputNode in) {
            put(a, "kind", "input");
            put(a, "name", in.tensor().name());
        } else if (n instanceof OutputNode out) {
            put(a, "kind", "output");
            put(a, "name", out.tensor().name());
        } else if (n instanceof ModuleNode m) {
            put(a, "kind", "module");
            put(a, "name", m.module().path().dotted());
            putClass(a, m.module());
            a.put("parameters", DefaultAttribute.createAttribute(m.parameterCount()));
        }
        put(a, "module_path", n instanceof ModuleNode m ? m.module().path().dotted() : n.scope().dotted());
        Fold fold = innermostFold(diagram, n instanceof ModuleNode m ? m.module().path() : n.scope());
        if (fold != null) {
            put(a, "fold", fold.qualifiedRange() + " " + fold.countText());
            a.put("fold_count", DefaultAttribute.createAttribute(fold.count()));
        }
        if (!(n instanceof ModuleNode)) {
            diagram.model().modules().get(n.scope()).ifPresent(m -> putClass(a, m));
        }
        putChange(a, diagram.change(n));
        return a;
    }

    /** The {@code change} and {@code change_detail} of a node or box a comparison marked. */
    static void putChange(Map<String, Attribute> a, Change change) {
        if (change != null) {
            put(a, "change", change.kind().word());
            if (!change.detail().isEmpty()) {
                put(a, "change_detail", change.detail());
            }
        }
    }

    /** The fold a node is drawn in (the innermost when folds nest), or null. */
    private static Fold innermostFold(Diagram diagram, ModulePath scope) {
        for (ModulePath p = scope; !p.isRoot(); p = p.parent()) {
            Fold fold = diagram.model().modules().get(p).map(Module::fold).orElse(null);
            if (fold != null) {
                return fold;
            }
        }
        return null;
    }

    private static void putClass(Map<String, Attribute> a, Module m) {
        String cls = moduleClass(m);
        if (cls != null) {
            put(a, "module_class", cls);
        }
    }

    /** The {@code module_class} value of a module: its qualified class, else its short one, else null. */
    static String moduleClass(Module m) {
        return m.qualifiedClassName() != null ? m.qualifiedClassName() : m.className();
    }

    /** The data of edge {@code e}, by key name. */
    static Map<String, Attribute> edgeAttributes(Diagram diagram, TensorEdge e) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        Change change = diagram.change(e);
        if (change != null) {
            put(a, "tensor_change", change.kind().word());
        }
        TensorInfo t = e.tensor();
        put(a, "tensor_name", t.name());
        if (t.elementType() != null) {
            put(a, "dtype", t.elementType());
        }
        if (t.shape() != null) {
            put(a, "shape", t.shape().compact());
        }
        return a;
    }

    private static void put(Map<String, Attribute> a, String key, String value) {
        a.put(key, DefaultAttribute.createAttribute(xmlText(value)));
    }

    /** XML cannot carry some characters at all, not even escaped: they become U+FFFD. */
    static String xmlText(String value) {
        StringBuilder clean = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> clean.appendCodePoint(GraphvizText.allowedInXml(cp) ? cp : 0xFFFD));
        return clean.toString();
    }
}
