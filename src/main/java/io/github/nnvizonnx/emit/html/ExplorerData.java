package io.github.nnvizonnx.emit.html;

import com.google.gson.stream.JsonWriter;
import io.github.nnvizonnx.emit.AutoDirection;
import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.Labels;
import io.github.nnvizonnx.emit.Medium;
import io.github.nnvizonnx.emit.style.ChangeLook;
import io.github.nnvizonnx.emit.style.OpFamily;
import io.github.nnvizonnx.emit.style.Style;
import io.github.nnvizonnx.model.AttributeSummary;
import io.github.nnvizonnx.model.Change;
import io.github.nnvizonnx.model.ChangeKind;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model a page explores, as one JSON document of columns (docs/html-format.md): the module tree, every node,
 * every tensor and edge of {@link Diagram#explorable()}, the view the other formats draw (which modules are closed,
 * which runs folded) and the style. Repeated texts (op types, classes, shapes, attribute values) are written once in
 * a string table and referred to by number, so that a large model stays small before it is even compressed.
 */
final class ExplorerData {
    private final Diagram diagram;
    private final ModelGraph model;
    private final Map<String, Integer> strings = new LinkedHashMap<>();
    private final Map<ModulePath, Integer> moduleNumbers = new HashMap<>();
    private final List<Module> modules = new ArrayList<>();

    private ExplorerData(Diagram diagram) {
        this.diagram = diagram;
        this.model = diagram.explorable();
    }

    /** Writes the document of {@code diagram} to {@code out}. */
    static void write(Diagram diagram, Writer out) throws IOException {
        new ExplorerData(diagram).write(out);
    }

    private void write(Writer target) throws IOException {
        numberModules();
        JsonWriter out = new JsonWriter(target);
        out.beginObject();
        out.name("format").value(1);
        out.name("title").value(model.info().source());
        out.name("producer").value(producer());
        out.name("direction").value(AutoDirection.resolve(diagram, Medium.SCREEN).options().direction().name());
        out.name("totalParams").value(diagram.source().totalParameters());
        writeStyle(out);
        if (diagram.changeSummary() != null) {
            writeChangeLooks(out);
        }
        writeModules(out);
        Map<Node, Integer> nodeNumbers = writeNodes(out);
        writeEdges(out, nodeNumbers);
        writeView(out);
        out.name("families");
        writeFamilies(out);
        out.name("strings").beginArray();
        for (String s : strings.keySet()) {
            out.value(s);
        }
        out.endArray();
        out.endObject();
        out.flush();
    }

    private String producer() {
        String name = model.info().producerName();
        String version = model.info().producerVersion();
        if (name == null || name.isEmpty()) {
            return "";
        }
        return version == null || version.isEmpty() ? name : name + " " + version;
    }

    /** Modules from the root down, so that every parent comes before its children. */
    private void numberModules() {
        Deque<ModulePath> pending = new ArrayDeque<>();
        pending.add(ModulePath.ROOT);
        while (!pending.isEmpty()) {
            ModulePath path = pending.poll();
            moduleNumbers.put(path, modules.size());
            modules.add(model.modules().require(path));
            pending.addAll(model.modules().childPaths(path));
        }
    }

    private int string(String s) {
        if (s == null) {
            return -1;
        }
        Integer known = strings.get(s);
        if (known != null) {
            return known;
        }
        strings.put(s, strings.size());
        return strings.size() - 1;
    }

    private void writeStyle(JsonWriter out) throws IOException {
        Style style = diagram.options().style();
        out.name("style").beginObject();
        out.name("font").value(style.cssFontFamily());
        out.name("fontSize").value(style.fontSize());
        out.name("edgeFontSize").value(style.edgeFontSize());
        out.name("background").value(style.background());
        out.name("text").value(style.textColor());
        out.name("edge").value(style.edgeColor());
        out.name("border").value(style.borderColor());
        out.name("lineWidth").value(style.lineWidth());
        out.name("moduleFills").beginArray();
        for (String fill : style.moduleFills()) {
            out.value(fill);
        }
        out.endArray();
        out.name("moduleBorder").value(style.moduleBorder());
        out.name("shapes").value(style.shapes());
        out.name("params").value(style.params());
        out.name("names").value(style.names());
        out.name("boxes").value(style.boxes());
        out.name("mermaidTheme").value(style.mermaidTheme());
        out.name("fills").beginObject();
        for (OpFamily family : OpFamily.values()) {
            out.name(family.key()).value(style.fill(family));
        }
        out.endObject();
        out.name("borders").beginObject();
        for (OpFamily family : OpFamily.values()) {
            out.name(family.key()).beginArray().value(style.border(family).name().toLowerCase(java.util.Locale.ROOT))
                    .value(style.border(family).width(style.lineWidth())).endArray();
        }
        out.endObject();
        out.endObject();
    }

    private void writeModules(JsonWriter out) throws IOException {
        out.name("modules").beginObject();
        out.name("parent").beginArray();
        for (Module m : modules) {
            out.value(m.path().isRoot() ? -1 : moduleNumbers.get(m.path().parent()));
        }
        out.endArray();
        column(out, "name", modules, m -> m.path().last());
        column(out, "title", modules, m -> m.ownTitle().equals(m.path().last()) ? null : m.ownTitle());
        numbers(out, "cls", modules, m -> string(m.className()));
        numbers(out, "qcls", modules, m -> string(m.qualifiedClassName()));
        numbers(out, "kind", modules, m -> string(m.kind().name()));
        writeChanges(out, modules, m -> m.path().isRoot() ? null : diagram.changeOfModule(m.path()));
        out.name("params").beginArray();
        for (Module m : modules) {
            out.value(m.parameterCount());
        }
        out.endArray();
        out.endObject();
    }

    private Map<Node, Integer> writeNodes(JsonWriter out) throws IOException {
        List<Node> nodes = new ArrayList<>(model.nodes());
        Map<Node, Integer> numbers = new HashMap<>(nodes.size() * 2);
        for (Node n : nodes) {
            numbers.put(n, numbers.size());
        }
        out.name("nodes").beginObject();
        numbers(out, "kind", nodes, n -> n instanceof OperationNode ? 0 : n instanceof InputNode ? 1 : 2);
        numbers(out, "module", nodes, n -> moduleOf(n.scope()));
        column(out, "name", nodes, ExplorerData::nodeName);
        numbers(out, "op", nodes, n -> n instanceof OperationNode op ? string(op.opType()) : -1);
        numbers(out, "domain", nodes, n -> n instanceof OperationNode op ? string(op.domain()) : -1);
        writeChanges(out, nodes, diagram::change);
        out.name("params").beginArray();
        for (Node n : nodes) {
            out.value(n instanceof OperationNode op ? op.parameterCount() : 0);
        }
        out.endArray();
        out.name("attrs").beginArray();
        for (Node n : nodes) {
            if (n instanceof OperationNode op && !op.attributes().isEmpty()) {
                out.beginArray();
                for (AttributeSummary a : op.attributes()) {
                    out.value(string(a.name())).value(string(a.value()));
                }
                out.endArray();
            } else {
                out.value(0);
            }
        }
        out.endArray();
        out.endObject();
        return numbers;
    }

    /** The module number of {@code scope}, or of its nearest ancestor in the tree (a scope is always one). */
    /**
     * What a comparison of two models found about each item: {@code change}, the kind's number in {@link ChangeKind}
     * order (-1: the same in both), and {@code changeText}, the line a label shows. Written only for a comparison.
     */
    private <T> void writeChanges(JsonWriter out, List<T> items, java.util.function.Function<T, Change> changeOf)
            throws IOException {
        if (diagram.changeSummary() == null) {
            return;
        }
        numbers(out, "change", items, item -> {
            Change c = changeOf.apply(item);
            return c == null ? -1 : c.kind().ordinal();
        });
        numbers(out, "changeText", items, item -> {
            Change c = changeOf.apply(item);
            return c == null ? -1 : string(c.label());
        });
    }

    /** How each kind of change is drawn, in {@link ChangeKind} order, as the other formats draw it. */
    private static void writeChangeLooks(JsonWriter out) throws IOException {
        out.name("changeLooks").beginArray();
        for (ChangeKind kind : ChangeKind.values()) {
            ChangeLook look = ChangeLook.of(kind);
            out.beginObject();
            out.name("word").value(kind.word());
            out.name("description").value(look.description());
            out.name("color").value(look.color());
            out.name("border").value(look.border().name().toLowerCase(java.util.Locale.ROOT));
            out.name("width").value(look.width(1));
            out.name("doubled").value(look.doubled());
            out.name("fill").value(look.fadedFill());
            out.name("text").value(look.fadedText());
            out.endObject();
        }
        out.endArray();
    }

    private int moduleOf(ModulePath scope) {
        for (ModulePath p = scope; ; p = p.parent()) {
            Integer number = moduleNumbers.get(p);
            if (number != null) {
                return number;
            }
        }
    }

    private static String nodeName(Node n) {
        if (n instanceof OperationNode op) {
            return op.name();
        }
        if (n instanceof InputNode in) {
            return in.displayName();
        }
        if (n instanceof OutputNode o) {
            return o.displayName();
        }
        return ((ModuleNode) n).module().title();
    }

    /**
     * Tensors once each (a tensor read by several operations is one entry), edges as triples of numbers: source,
     * target, tensor. An input or output node's own tensor is listed too, at its node.
     */
    private void writeEdges(JsonWriter out, Map<Node, Integer> nodeNumbers) throws IOException {
        Map<TensorInfo, Integer> tensorNumbers = new HashMap<>();
        List<TensorInfo> tensors = new ArrayList<>();
        out.name("edges").beginArray();
        for (TensorEdge e : model.graph().edgeSet()) {
            int t = tensorNumbers.computeIfAbsent(e.tensor(), info -> {
                tensors.add(info);
                return tensors.size() - 1;
            });
            out.value(nodeNumbers.get(model.graph().getEdgeSource(e)))
                    .value(nodeNumbers.get(model.graph().getEdgeTarget(e))).value(t);
        }
        out.endArray();
        out.name("nodeTensor").beginArray();
        for (Node n : model.nodes()) {
            TensorInfo own = n instanceof InputNode in ? in.tensor() : n instanceof OutputNode o ? o.tensor() : null;
            out.value(own == null ? -1 : tensorNumbers.computeIfAbsent(own, info -> {
                tensors.add(info);
                return tensors.size() - 1;
            }));
        }
        out.endArray();
        out.name("tensors").beginObject();
        column(out, "name", tensors, TensorInfo::name);
        numbers(out, "type", tensors, t -> string(t.elementType()));
        numbers(out, "shape", tensors, t -> string(t.shape() == null ? null : t.shape().compact()));
        numbers(out, "label", tensors, t -> string(Labels.tensor(t, diagram.options())));
        out.endObject();
    }

    /** Which modules the view draws closed and which runs it folds, by module number. */
    private void writeView(JsonWriter out) throws IOException {
        out.name("view").beginObject();
        out.name("collapsed").beginArray();
        for (ModuleNode m : diagram.model().nodes(ModuleNode.class)) {
            Integer number = moduleNumbers.get(m.module().path());
            if (number != null) {
                out.value(number);
            }
        }
        out.endArray();
        out.name("folds").beginArray();
        for (Module m : diagram.model().modules().all()) {
            if (m.fold() != null) {
                out.beginObject().name("members").beginArray();
                for (ModulePath member : m.fold().members()) {
                    out.value(moduleNumbers.get(member));
                }
                out.endArray().endObject();
            }
        }
        out.endArray();
        out.endObject();
    }

    /** The op family of every op type in the model, by op type: the colour the other formats give it. */
    private void writeFamilies(JsonWriter out) throws IOException {
        out.beginObject();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Node n : model.nodes()) {
            if (n instanceof OperationNode op && seen.add(op.opType())) {
                out.name(op.opType()).value(OpFamily.ofOperation(op.opType()).key());
            }
        }
        out.endObject();
    }

    private static <T> void column(JsonWriter out, String name, List<T> items,
                                   java.util.function.Function<T, String> text) throws IOException {
        out.name(name).beginArray();
        for (T item : items) {
            String s = text.apply(item);
            if (s == null) {
                out.value(0);
            } else {
                out.value(s);
            }
        }
        out.endArray();
    }

    private static <T> void numbers(JsonWriter out, String name, List<T> items,
                                    java.util.function.ToIntFunction<T> number) throws IOException {
        out.name(name).beginArray();
        for (T item : items) {
            out.value(number.applyAsInt(item));
        }
        out.endArray();
    }
}
