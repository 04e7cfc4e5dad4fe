package io.github.nnvizonnx.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.github.nnvizonnx.model.AttributeSummary;
import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.DisplayText;
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

/**
 * Reads what {@link ModelJsonWriter} wrote back into the same model. The file may come from anywhere, so every field
 * is checked for presence and type, counts must not be negative, the module tree must start at its root and list
 * parents before children, and every path a node or weight names must be a module of the file; anything else is a
 * {@link JsonModelException} with a one-line message (docs/json-format.md, "What a reader accepts"). Module paths are
 * held to the ONNX reader's {@link ModulePath#MAX_DEPTH} levels, deeper levels joined as it joins deep scopes.
 */
public final class ModelJsonReader {
    /** Longest piece of the input quoted in an error message. */
    private static final int MAX_QUOTED = 80;

    private ModelJsonReader() {
    }

    /** Reads the JSON the {@code json} format writes; JsonModelException when it is not such a model. */
    public static ModelGraph read(Reader source) {
        try {
            JsonElement parsed = StrictJsonTree.parse(source);
            if (!parsed.isJsonObject()) {
                throw new JsonModelException("not an nnviz-onnx model (not a JSON object)");
            }
            JsonObject root = parsed.getAsJsonObject();
            if (!ModelJson.FORMAT.equals(optionalText(root, "format"))) {
                throw new JsonModelException("not an nnviz-onnx model (the \"format\" field is not \""
                        + ModelJson.FORMAT + "\")");
            }
            int version = (int) integer(root, "version", 1, Integer.MAX_VALUE);
            if (version > ModelJson.VERSION) {
                throw new JsonModelException("written by a newer nnviz-onnx (format version " + version
                        + "; this one reads up to " + ModelJson.VERSION + ")");
            }
            return toModel(root);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | ClassCastException
                 | IllegalArgumentException e) {
            // a check missed below: Gson's wording (its method names, a path as long as the nesting) is not shown
            throw new JsonModelException("not an nnviz-onnx model (a field holds a value of the wrong kind)", e);
        }
    }

    private static ModelGraph toModel(JsonObject root) {
        JsonObject info = object(root, "info");
        Map<String, Long> opsets = new LinkedHashMap<>();
        object(info, "opsets").entrySet().forEach(e -> opsets.put(wellFormed(e.getKey()),
                exact(e.getValue(), "opsets", Long.MIN_VALUE, Long.MAX_VALUE)));
        Map<String, String> metadata = new LinkedHashMap<>();
        object(info, "metadata").entrySet()
                .forEach(e -> metadata.put(wellFormed(e.getKey()), string(e.getValue())));
        ModelGraph.Builder builder = new ModelGraph.Builder(new ModelInfo(optionalText(info, "source"),
                integer(info, "irVersion"), optionalText(info, "producerName"),
                optionalText(info, "producerVersion"), opsets, metadata, optionalText(info, "graphName"),
                optionalText(info, "hierarchy")));

        Map<ModulePath, Module> modules = new LinkedHashMap<>();
        for (JsonElement e : array(root, "modules")) {
            JsonObject m = asObject(e, "modules");
            ModulePath path = path(m, "path");
            if (modules.isEmpty() && !path.isRoot()) {
                throw new JsonModelException("the module tree has no root: the first of \"modules\" must have the"
                        + " path []");
            }
            if (!modules.isEmpty() && (path.isRoot() || !modules.containsKey(path.parent()))) {
                throw new JsonModelException(path.isRoot() ? "the root module appears twice"
                        : "module " + quoted(path.dotted()) + " comes before its parent (or has none)");
            }
            Module module = new Module(path, text(m, "name"), optionalText(m, "class"),
                    optionalText(m, "qualifiedClass"), kind(text(m, "kind")), count(m, "parameters"));
            if (modules.put(module.path(), module) != null) {
                throw new JsonModelException("module " + quoted(path.dotted()) + " appears twice");
            }
        }
        if (modules.isEmpty()) {
            throw new JsonModelException("the module tree has no root: \"modules\" is empty");
        }
        List<Parameter> parameters = new ArrayList<>();
        for (JsonElement e : array(root, "parameters")) {
            JsonObject p = asObject(e, "parameters");
            List<Long> dims = new ArrayList<>();
            array(p, "dims").forEach(d -> dims.add(exact(d, "dims", Long.MIN_VALUE, Long.MAX_VALUE)));
            parameters.add(new Parameter(text(p, "name"), optionalText(p, "dtype"), dims,
                    knownModule(modules, path(p, "module"), "parameter " + text(p, "name"))));
        }
        Map<String, Node> nodes = new HashMap<>();
        for (JsonElement e : array(root, "nodes")) {
            Node n = node(asObject(e, "nodes"), modules);
            if (nodes.put(n.id(), n) != null) {
                throw new JsonModelException("duplicate node id " + quoted(n.id()));
            }
            builder.addNode(n);
        }
        for (JsonElement e : array(root, "edges")) {
            JsonObject edge = asObject(e, "edges");
            Node from = nodes.get(text(edge, "from"));
            Node to = nodes.get(text(edge, "to"));
            if (from == null || to == null) {
                throw new JsonModelException("an edge refers to an unknown node: " + quoted(edge.toString()));
            }
            builder.addEdge(from, to, tensor(object(edge, "tensor")));
        }
        return builder.modules(modules.values()).parameters(parameters).build();
    }

    private static Node node(JsonObject n, Map<ModulePath, Module> modules) {
        String id = text(n, "id");
        ModulePath scope = knownModule(modules, path(n, "scope"), "node " + id);
        String kind = text(n, "kind");
        switch (kind) {
            case "operation" -> {
                List<AttributeSummary> attributes = new ArrayList<>();
                for (JsonElement a : array(n, "attributes")) {
                    JsonObject attribute = asObject(a, "attributes");
                    attributes.add(new AttributeSummary(text(attribute, "name"), text(attribute, "value")));
                }
                return new OperationNode(id, text(n, "name"), text(n, "opType"), text(n, "domain"), attributes,
                        scope, count(n, "parameters"));
            }
            case "input" -> {
                return new InputNode(id, tensor(object(n, "tensor")), scope, optionalText(n, "label"));
            }
            case "output" -> {
                return new OutputNode(id, tensor(object(n, "tensor")), scope, optionalText(n, "label"));
            }
            case "collapsed" -> {
                Module module = modules.get(knownModule(modules, path(n, "module"), "collapsed node " + id));
                List<String> opTypes = new ArrayList<>();
                array(n, "opTypes").forEach(t -> opTypes.add(string(t)));
                return new ModuleNode(id, module, scope, count(n, "parameters"),
                        (int) integer(n, "operations", 0, Integer.MAX_VALUE), opTypes);
            }
            default -> throw new JsonModelException("unknown node kind " + quoted(kind));
        }
    }

    private static TensorInfo tensor(JsonObject t) {
        JsonElement shape = t.get("shape");
        Shape parsed = null;
        if (shape != null && !shape.isJsonNull()) {
            if (!shape.isJsonArray()) {
                throw new JsonModelException("\"shape\" holds " + quoted(shape.toString()) + " instead of an array");
            }
            List<Dim> dims = new ArrayList<>();
            for (JsonElement d : shape.getAsJsonArray()) {
                if (d.isJsonNull()) {
                    dims.add(Dim.UNKNOWN);
                } else if (d.isJsonPrimitive() && d.getAsJsonPrimitive().isNumber()) {
                    dims.add(Dim.of(exact(d, "shape", Long.MIN_VALUE, Long.MAX_VALUE)));
                } else {
                    dims.add(Dim.symbolic(string(d)));
                }
            }
            parsed = new Shape(dims);
        }
        return new TensorInfo(text(t, "name"), optionalText(t, "dtype"), parsed);
    }

    private static ModulePath knownModule(Map<ModulePath, Module> modules, ModulePath path, String user) {
        if (!modules.containsKey(path) && !path.isRoot()) {
            throw new JsonModelException(user + " names an unknown module " + quoted(path.dotted()));
        }
        return path;
    }

    /** A module path, held to {@link ModulePath#MAX_DEPTH} levels as the ONNX reader holds scopes. */
    private static ModulePath path(JsonObject o, String key) {
        List<String> names = new ArrayList<>();
        array(o, key).forEach(s -> names.add(string(s)));
        return ModulePath.of(names).limitedDepth();
    }

    private static ModuleKind kind(String name) {
        for (ModuleKind kind : ModuleKind.values()) {
            if (kind.name().equals(name.toUpperCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new JsonModelException("unknown module kind " + quoted(name));
    }

    /** A count: a whole number, not negative. */
    private static long count(JsonObject o, String key) {
        return integer(o, key, 0, Long.MAX_VALUE);
    }

    private static JsonElement required(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new JsonModelException("missing field \"" + key + "\"");
        }
        return e;
    }

    private static JsonObject object(JsonObject o, String key) {
        return asObject(required(o, key), key);
    }

    private static JsonObject asObject(JsonElement e, String where) {
        if (!e.isJsonObject()) {
            throw new JsonModelException("\"" + where + "\" holds " + quoted(e.toString()) + " instead of an object");
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonObject o, String key) {
        JsonElement e = required(o, key);
        if (!e.isJsonArray()) {
            throw new JsonModelException("\"" + key + "\" is not an array");
        }
        return e.getAsJsonArray();
    }

    private static long integer(JsonObject o, String key) {
        return integer(o, key, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static long integer(JsonObject o, String key, long min, long max) {
        return exact(required(o, key), key, min, max);
    }

    /** A whole number within bounds: Gson alone would turn 1e999 or 2.5 into some other number without a word. */
    private static long exact(JsonElement e, String where, long min, long max) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new JsonModelException("\"" + where + "\" holds " + quoted(e.toString()) + " instead of a number");
        }
        try {
            long value = e.getAsBigDecimal().longValueExact();
            if (value >= min && value <= max) {
                return value;
            }
        } catch (ArithmeticException | NumberFormatException notWhole) {
            // reported below
        }
        throw new JsonModelException("\"" + where + "\" holds " + quoted(e.toString())
                + ", not a whole number in range");
    }

    private static String text(JsonObject o, String key) {
        return string(required(o, key));
    }

    private static String optionalText(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : string(e);
    }

    private static String string(JsonElement e) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new JsonModelException("a string was expected, not " + quoted(e.toString()));
        }
        return wellFormed(e.getAsString());
    }

    /**
     * JSON escapes can spell lone surrogates (a U+D800 alone), which no UTF-8 file can hold; like protobuf does with
     * invalid UTF-8, each becomes U+FFFD, so that every name in a model is text that any output can carry.
     */
    private static String wellFormed(String s) {
        StringBuilder fixed = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                if (fixed != null) {
                    fixed.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (fixed == null) {
                    fixed = new StringBuilder(s.length()).append(s, 0, i);
                }
                fixed.append('\uFFFD');
            } else if (fixed != null) {
                fixed.append(c);
            }
        }
        return fixed == null ? s : fixed.toString();
    }

    private static String quoted(String s) {
        return "'" + firstLine(DisplayText.clip(s, MAX_QUOTED)) + "'";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
