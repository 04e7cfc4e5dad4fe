package io.github.nnvizonnx.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.nnvizonnx.model.AttributeSummary;
import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModelInfo;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.Parameter;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorInfo;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads what {@link ModelJsonWriter} wrote back into the same model; malformed input is a {@link JsonModelException}. */
public final class ModelJsonReader {
    private ModelJsonReader() {
    }

    public static ModelGraph read(Reader source) {
        try {
            JsonObject root = JsonParser.parseReader(source).getAsJsonObject();
            if (!ModelJson.FORMAT.equals(text(root, "format"))) {
                throw new JsonModelException("not an nnviz-onnx model (the \"format\" field is not \""
                        + ModelJson.FORMAT + "\")");
            }
            int version = root.get("version").getAsInt();
            if (version > ModelJson.VERSION) {
                throw new JsonModelException("written by a newer nnviz-onnx (format version " + version
                        + "; this one reads up to " + ModelJson.VERSION + ")");
            }
            return toModel(root);
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException
                 | ClassCastException | NumberFormatException e) {
            throw new JsonModelException("malformed model JSON (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
    }

    private static ModelGraph toModel(JsonObject root) {
        JsonObject info = root.getAsJsonObject("info");
        Map<String, Long> opsets = new LinkedHashMap<>();
        info.getAsJsonObject("opsets").entrySet().forEach(e -> opsets.put(e.getKey(), e.getValue().getAsLong()));
        Map<String, String> metadata = new LinkedHashMap<>();
        info.getAsJsonObject("metadata").entrySet().forEach(e -> metadata.put(e.getKey(), e.getValue().getAsString()));
        ModelGraph.Builder builder = new ModelGraph.Builder(new ModelInfo(text(info, "source"),
                info.get("irVersion").getAsLong(), text(info, "producerName"), text(info, "producerVersion"),
                opsets, metadata, text(info, "graphName"), text(info, "hierarchy")));

        Map<ModulePath, Module> modules = new LinkedHashMap<>();
        for (JsonElement e : root.getAsJsonArray("modules")) {
            JsonObject m = e.getAsJsonObject();
            Module module = new Module(path(m.getAsJsonArray("path")), text(m, "name"), text(m, "class"),
                    text(m, "qualifiedClass"), ModuleKind.valueOf(text(m, "kind").toUpperCase(Locale.ROOT)),
                    m.get("parameters").getAsLong());
            modules.put(module.path(), module);
        }
        List<Parameter> parameters = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("parameters")) {
            JsonObject p = e.getAsJsonObject();
            List<Long> dims = new ArrayList<>();
            p.getAsJsonArray("dims").forEach(d -> dims.add(d.getAsLong()));
            parameters.add(new Parameter(text(p, "name"), text(p, "dtype"), dims, path(p.getAsJsonArray("module"))));
        }
        Map<String, Node> nodes = new HashMap<>();
        for (JsonElement e : root.getAsJsonArray("nodes")) {
            Node n = node(e.getAsJsonObject(), modules);
            if (nodes.put(n.id(), n) != null) {
                throw new JsonModelException("duplicate node id " + n.id());
            }
            builder.addNode(n);
        }
        for (JsonElement e : root.getAsJsonArray("edges")) {
            JsonObject edge = e.getAsJsonObject();
            Node from = nodes.get(text(edge, "from"));
            Node to = nodes.get(text(edge, "to"));
            if (from == null || to == null) {
                throw new JsonModelException("edge refers to an unknown node: " + edge);
            }
            builder.addEdge(from, to, tensor(edge.getAsJsonObject("tensor")));
        }
        try {
            return builder.modules(modules.values()).parameters(parameters).build();
        } catch (IllegalArgumentException e) {
            throw new JsonModelException(e.getMessage(), e);
        }
    }

    private static Node node(JsonObject n, Map<ModulePath, Module> modules) {
        String id = text(n, "id");
        ModulePath scope = path(n.getAsJsonArray("scope"));
        String kind = text(n, "kind");
        switch (kind) {
            case "operation" -> {
                List<AttributeSummary> attributes = new ArrayList<>();
                for (JsonElement a : n.getAsJsonArray("attributes")) {
                    attributes.add(new AttributeSummary(text(a.getAsJsonObject(), "name"),
                            text(a.getAsJsonObject(), "value")));
                }
                return new OperationNode(id, text(n, "name"), text(n, "opType"), text(n, "domain"), attributes,
                        scope, n.get("parameters").getAsLong());
            }
            case "input" -> {
                return new InputNode(id, tensor(n.getAsJsonObject("tensor")), scope);
            }
            case "output" -> {
                return new OutputNode(id, tensor(n.getAsJsonObject("tensor")), scope);
            }
            case "collapsed" -> {
                ModulePath modulePath = path(n.getAsJsonArray("module"));
                Module module = modules.get(modulePath);
                if (module == null) {
                    throw new JsonModelException("collapsed node " + id + " names an unknown module " + modulePath);
                }
                List<String> opTypes = new ArrayList<>();
                n.getAsJsonArray("opTypes").forEach(t -> opTypes.add(t.getAsString()));
                return new ModuleNode(id, module, scope, n.get("parameters").getAsLong(),
                        n.get("operations").getAsInt(), opTypes);
            }
            default -> throw new JsonModelException("unknown node kind '" + kind + "'");
        }
    }

    private static TensorInfo tensor(JsonObject t) {
        JsonElement shape = t.get("shape");
        Shape parsed = null;
        if (shape != null && !shape.isJsonNull()) {
            List<Dim> dims = new ArrayList<>();
            for (JsonElement d : shape.getAsJsonArray()) {
                if (d.isJsonNull()) {
                    dims.add(Dim.UNKNOWN);
                } else if (d.getAsJsonPrimitive().isNumber()) {
                    dims.add(Dim.of(d.getAsLong()));
                } else {
                    dims.add(Dim.symbolic(d.getAsString()));
                }
            }
            parsed = new Shape(dims);
        }
        return new TensorInfo(text(t, "name"), text(t, "dtype"), parsed);
    }

    private static ModulePath path(JsonArray segments) {
        List<String> names = new ArrayList<>(segments.size());
        segments.forEach(s -> names.add(s.getAsString()));
        return ModulePath.of(names);
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
