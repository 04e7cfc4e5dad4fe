package io.github.nnvizonnx.read;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.read.hierarchy.ScopeSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The module classes our PyTorch converter ({@code converters/pytorch/export_onnx.py}) records in the model's
 * metadata_props under {@value #METADATA_KEY}: a JSON object from each module's qualified name as torch names it
 * ({@code ""} for the model, {@code layer1.0}) to {@code {"class": "torchvision.models.resnet.BasicBlock",
 * "parameters": 73984}}. Plain exports name no classes, so when the map is present its classes win over anything the
 * scopes suggested. It is matched against {@link io.github.nnvizonnx.model.ModulePath#dotted()}; modules in the map
 * that no node shows (containers never called, BatchNorms folded into a Conv) are not invented.
 */
public final class ModuleClassMap {
    public static final String METADATA_KEY = "nnviz.modules";

    private final Map<String, String> classes;

    private ModuleClassMap(Map<String, String> classes) {
        this.classes = classes;
    }

    /** The map in a model's metadata; empty when there is none or it is not the JSON object described above. */
    public static ModuleClassMap from(Map<String, String> metadata) {
        String json = metadata.get(METADATA_KEY);
        return json == null ? new ModuleClassMap(Map.of()) : parse(json);
    }

    static ModuleClassMap parse(String json) {
        Map<String, String> classes = new LinkedHashMap<>();
        try {
            JsonElement root = JsonParser.parseString(json);
            if (root.isJsonObject()) {
                for (Map.Entry<String, JsonElement> e : root.getAsJsonObject().entrySet()) {
                    String cls = className(e.getValue());
                    if (cls != null) {
                        classes.put(e.getKey(), cls);
                    }
                }
            }
        } catch (JsonParseException | IllegalStateException e) {
            // an annotation we cannot read only costs the class names; the diagram is still drawn
            classes.clear();
        }
        return new ModuleClassMap(classes);
    }

    private static String className(JsonElement entry) {
        if (!entry.isJsonObject()) {
            return null;
        }
        JsonObject o = entry.getAsJsonObject();
        JsonElement cls = o.get("class");
        if (cls == null || !cls.isJsonPrimitive() || !cls.getAsJsonPrimitive().isString()) {
            return null;
        }
        String name = cls.getAsString().strip();
        return name.isEmpty() ? null : name;
    }

    public boolean isEmpty() {
        return classes.isEmpty();
    }

    /** The qualified class of the module with this qualified name, or null. */
    public String qualifiedClass(String dottedPath) {
        return classes.get(dottedPath);
    }

    /** The model with the classes of its framework modules (and function calls) taken from the map. */
    public ModelGraph applyTo(ModelGraph model) {
        if (classes.isEmpty()) {
            return model;
        }
        List<Module> modules = new ArrayList<>(model.modules().size());
        boolean changed = false;
        for (Module m : model.modules().all()) {
            String qualified = m.kind() == ModuleKind.MODULE || m.kind() == ModuleKind.FUNCTION
                    ? classes.get(m.path().calledModules().dotted()) : null; // a repeated call: its module's
            if (qualified != null && !qualified.equals(m.qualifiedClassName())) {
                modules.add(m.withClassName(shortName(qualified), qualified));
                changed = true;
            } else {
                modules.add(m);
            }
        }
        return changed ? model.toBuilder().modules(modules).build() : model;
    }

    private static String shortName(String qualified) {
        return new ScopeSegment("", qualified).className();
    }
}
