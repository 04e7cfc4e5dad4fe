package io.github.nnvizonnx.json;

import com.google.gson.stream.JsonWriter;
import io.github.nnvizonnx.model.AttributeSummary;
import io.github.nnvizonnx.model.Change;
import io.github.nnvizonnx.model.ChangeMarks;
import io.github.nnvizonnx.model.DiffSummary;
import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.Fold;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModelInfo;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.Parameter;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a model as JSON (schema in docs/json-format.md): every level of the module tree, every node and edge with
 * shapes, parameters and attribute summaries, plus a small {@code view} record of what a diagram showed. Streams, so
 * that large graphs need no second copy in memory.
 */
public final class ModelJsonWriter {
    private ModelJsonWriter() {
    }

    /**
     * {@code collapsed}: the modules the accompanying diagram drew as single nodes; {@code folds}: the runs of
     * identical blocks it drew once; {@code direction}: LR or TB.
     */
    public static void write(ModelGraph model, List<ModulePath> collapsed, List<Fold> folds, String direction,
                             Writer target) throws IOException {
        write(model, collapsed, folds, direction, ChangeMarks.NONE, target);
    }

    /**
     * {@link #write(ModelGraph, List, List, String, Writer)} of a comparison of two models: nodes and modules carry
     * their {@code change} and {@code changeDetail} as {@code marks} give them (by the model's own paths), and a
     * {@code diff} record holds the counts.
     */
    public static void write(ModelGraph model, List<ModulePath> collapsed, List<Fold> folds, String direction,
                             ChangeMarks marks, Writer target) throws IOException {
        JsonWriter out = new JsonWriter(target);
        out.setIndent(" ");
        out.setHtmlSafe(true);
        out.beginObject();
        out.name("format").value(ModelJson.FORMAT);
        out.name("version").value(ModelJson.VERSION);
        writeInfo(out, model.info());
        out.name("modules").beginArray();
        for (Module m : model.modules().all()) {
            out.beginObject();
            path(out, "path", m.path());
            out.name("name").value(m.displayName());
            out.name("class").value(m.className());
            out.name("qualifiedClass").value(m.qualifiedClassName());
            out.name("kind").value(m.kind().name().toLowerCase(Locale.ROOT));
            out.name("parameters").value(m.parameterCount());
            change(out, m.path().isRoot() ? null : marks.ofModule(m.path()));
            out.endObject();
        }
        out.endArray();
        out.name("parameters").beginArray();
        for (Parameter p : model.parameters()) {
            out.beginObject();
            out.name("name").value(p.name());
            out.name("dtype").value(p.elementType());
            out.name("dims").beginArray();
            for (long d : p.dims()) {
                out.value(d);
            }
            out.endArray();
            path(out, "module", p.scope());
            out.endObject();
        }
        out.endArray();
        out.name("nodes").beginArray();
        for (Node n : model.graph().vertexSet()) {
            writeNode(out, n, marks.ofNode(n));
        }
        out.endArray();
        out.name("edges").beginArray();
        for (TensorEdge e : model.graph().edgeSet()) {
            out.beginObject();
            out.name("from").value(model.graph().getEdgeSource(e).id());
            out.name("to").value(model.graph().getEdgeTarget(e).id());
            tensor(out, e.tensor());
            out.endObject();
        }
        out.endArray();
        out.name("view").beginObject();
        out.name("direction").value(direction);
        out.name("collapsed").beginArray();
        for (ModulePath p : collapsed) {
            strings(out, p.segments());
        }
        out.endArray();
        out.name("folds").beginArray();
        for (Fold fold : folds) {
            out.beginObject();
            out.name("count").value(fold.count());
            out.name("members").beginArray();
            for (ModulePath p : fold.members()) {
                strings(out, p.segments());
            }
            out.endArray();
            out.endObject();
        }
        out.endArray();
        out.endObject();
        DiffSummary summary = marks.summary();
        if (summary != null) {
            out.name("diff").beginObject();
            out.name("old").value(summary.oldName()).name("new").value(summary.newName());
            out.name("modules").beginObject().name("added").value(summary.modulesAdded())
                    .name("removed").value(summary.modulesRemoved()).name("changed").value(summary.modulesChanged())
                    .endObject();
            out.name("operations").beginObject().name("added").value(summary.operationsAdded())
                    .name("removed").value(summary.operationsRemoved())
                    .name("changed").value(summary.operationsChanged()).endObject();
            out.name("parametersBefore").value(summary.parametersBefore());
            out.name("parametersAfter").value(summary.parametersAfter());
            out.endObject();
        }
        out.endObject();
        out.flush();
    }

    private static void change(JsonWriter out, Change change) throws IOException {
        if (change != null) {
            out.name("change").value(change.kind().word());
            if (!change.detail().isEmpty()) {
                out.name("changeDetail").value(change.detail());
            }
        }
    }

    private static void writeInfo(JsonWriter out, ModelInfo info) throws IOException {
        out.name("info").beginObject();
        out.name("source").value(info.source());
        out.name("irVersion").value(info.irVersion());
        out.name("producerName").value(info.producerName());
        out.name("producerVersion").value(info.producerVersion());
        out.name("graphName").value(info.graphName());
        out.name("hierarchy").value(info.hierarchy());
        map(out, "opsets", info.opsets());
        map(out, "metadata", info.metadata());
        out.endObject();
    }

    private static void writeNode(JsonWriter out, Node n, Change change) throws IOException {
        out.beginObject();
        out.name("id").value(n.id());
        path(out, "scope", n.scope());
        if (n instanceof OperationNode op) {
            out.name("kind").value("operation");
            out.name("name").value(op.name());
            out.name("opType").value(op.opType());
            out.name("domain").value(op.domain());
            out.name("parameters").value(op.parameterCount());
            out.name("attributes").beginArray();
            for (AttributeSummary a : op.attributes()) {
                out.beginObject().name("name").value(a.name()).name("value").value(a.value()).endObject();
            }
            out.endArray();
        } else if (n instanceof InputNode in) {
            out.name("kind").value("input");
            label(out, in.label());
            tensor(out, in.tensor());
        } else if (n instanceof OutputNode o) {
            out.name("kind").value("output");
            label(out, o.label());
            tensor(out, o.tensor());
        } else if (n instanceof ModuleNode m) {
            out.name("kind").value("collapsed");
            path(out, "module", m.module().path());
            out.name("parameters").value(m.parameterCount());
            out.name("operations").value(m.operationCount());
            out.name("opTypes");
            strings(out, m.opTypes());
        }
        change(out, change);
        out.endObject();
    }

    private static void tensor(JsonWriter out, TensorInfo t) throws IOException {
        out.name("tensor").beginObject();
        out.name("name").value(t.name());
        out.name("dtype").value(t.elementType());
        out.name("shape");
        if (t.shape() == null) {
            out.nullValue();
        } else {
            out.beginArray();
            for (Dim d : t.shape().dims()) {
                if (d.value() != null) {
                    out.value(d.value());
                } else {
                    out.value(d.symbol());
                }
            }
            out.endArray();
        }
        out.endObject();
    }

    private static void path(JsonWriter out, String name, ModulePath path) throws IOException {
        out.name(name);
        strings(out, path.segments());
    }

    private static void strings(JsonWriter out, List<String> values) throws IOException {
        out.beginArray();
        for (String s : values) {
            out.value(s);
        }
        out.endArray();
    }

    private static void map(JsonWriter out, String name, Map<String, ?> values) throws IOException {
        out.name(name).beginObject();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            out.name(e.getKey());
            if (e.getValue() instanceof Number number) {
                out.value(number);
            } else {
                out.value(String.valueOf(e.getValue()));
            }
        }
        out.endObject();
    }

    /** What a drawing shows instead of the tensor's name, when it differs ({@code output 2}, a layer's boundary). */
    private static void label(JsonWriter out, String label) throws IOException {
        if (label != null) {
            out.name("label").value(label);
        }
    }
}
