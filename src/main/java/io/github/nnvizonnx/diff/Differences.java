package io.github.nnvizonnx.diff;

import io.github.nnvizonnx.model.AttributeSummary;
import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.Parameter;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between two matched nodes or modules, in the few words a label has room for: the op type
 * ({@code MatMul → MatMulInteger}), an attribute ({@code kernel_shape 3×3 → 5×5}), the parameters
 * ({@code params 36.9k → 73.7k}), the element type or shape of what it outputs ({@code float32 → int8}); for a module
 * its class, its parameters and the element type of most of its weights. Empty when nothing does.
 */
final class Differences {
    /** Attributes named one by one up to this many; beyond, counted. */
    private static final int NAMED_ATTRIBUTES = 2;

    private final ModelGraph old;
    private final ModelGraph neu;
    private final Map<ModulePath, String> oldWeightTypes;
    private final Map<ModulePath, String> newWeightTypes;

    Differences(ModelGraph old, ModelGraph neu) {
        this.old = old;
        this.neu = neu;
        this.oldWeightTypes = weightTypes(old);
        this.newWeightTypes = weightTypes(neu);
    }

    /** What differs between {@code oldNode} and {@code newNode}, matched; empty when nothing does. */
    String between(Node oldNode, Node newNode) {
        List<String> parts = new ArrayList<>();
        if (oldNode instanceof OperationNode a && newNode instanceof OperationNode b) {
            if (!a.opType().equals(b.opType()) || !a.domain().equals(b.domain())) {
                parts.add(a.opType() + " → " + b.opType());
            }
            attributes(a.attributes(), b.attributes(), parts);
            count("params", a.parameterCount(), b.parameterCount(), parts);
            tensors(outputs(old, a), outputs(neu, b), parts);
        } else if (oldNode instanceof ModuleNode a && newNode instanceof ModuleNode b) {
            count("ops", a.operationCount(), b.operationCount(), parts);
            count("params", a.parameterCount(), b.parameterCount(), parts);
        } else if (oldNode instanceof InputNode a && newNode instanceof InputNode b) {
            tensors(List.of(a.tensor()), List.of(b.tensor()), parts);
        } else if (oldNode instanceof OutputNode a && newNode instanceof OutputNode b) {
            tensors(List.of(a.tensor()), List.of(b.tensor()), parts);
        }
        return String.join(", ", parts);
    }

    /** What differs about matched modules themselves (not what they hold): class, parameters, weight types. */
    String between(Module a, Module b) {
        List<String> parts = new ArrayList<>();
        if (!Objects.equals(a.className(), b.className()) && a.className() != null && b.className() != null) {
            parts.add(a.className() + " → " + b.className());
        }
        count("params", a.parameterCount(), b.parameterCount(), parts);
        String before = oldWeightTypes.get(a.path());
        String after = newWeightTypes.get(b.path());
        if (before != null && after != null && !before.equals(after)) {
            parts.add("weights " + before + " → " + after);
        }
        return String.join(", ", parts);
    }

    /** {@code params 147.5k → 221.2k}; {@code params +24} when the rounded counts would read the same. */
    private static void count(String what, long before, long after, List<String> parts) {
        if (before == after) {
            return;
        }
        String a = DisplayText.humanCount(before);
        String b = DisplayText.humanCount(after);
        parts.add(what + " " + (a.equals(b) ? (after > before ? "+" : "−") + Math.abs(after - before)
                : a + " → " + b));
    }

    private static void attributes(List<AttributeSummary> before, List<AttributeSummary> after, List<String> parts) {
        if (before.equals(after)) {
            return;
        }
        Map<String, String> a = values(before);
        Map<String, String> b = values(after);
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        names.removeIf(n -> Objects.equals(a.get(n), b.get(n)));
        if (names.isEmpty()) {
            return; // the same attributes in another order
        }
        if (names.size() == 1) {
            String name = names.iterator().next();
            parts.add(name + " " + orNone(a.get(name)) + " → " + orNone(b.get(name)));
        } else if (names.size() <= NAMED_ATTRIBUTES) {
            parts.add("attributes " + String.join(", ", names));
        } else {
            parts.add(names.size() + " attributes");
        }
    }

    private static Map<String, String> values(List<AttributeSummary> attributes) {
        Map<String, String> values = new HashMap<>();
        for (AttributeSummary a : attributes) {
            values.put(a.name(), a.value());
        }
        return values;
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }

    /** The first difference of element type, then of shape, between outputs at the same places. */
    private static void tensors(List<TensorInfo> before, List<TensorInfo> after, List<String> parts) {
        int common = Math.min(before.size(), after.size());
        for (int i = 0; i < common; i++) {
            String a = before.get(i).elementType();
            String b = after.get(i).elementType();
            if (a != null && b != null && !a.equals(b)) {
                parts.add(a + " → " + b);
                break;
            }
        }
        for (int i = 0; i < common; i++) {
            Shape a = before.get(i).shape();
            Shape b = after.get(i).shape();
            if (a != null && b != null && !sameSizes(a, b)) {
                parts.add(a.compact() + " → " + b.compact());
                break;
            }
        }
    }

    /**
     * Whether two shapes have the same rank and the same known sizes. Symbols are not compared: exporters name the
     * same free dim differently ({@code batch}, {@code batch_size}, {@code s0}), which changes nothing in the model.
     */
    private static boolean sameSizes(Shape a, Shape b) {
        if (a.rank() != b.rank()) {
            return false;
        }
        for (int i = 0; i < a.rank(); i++) {
            Dim x = a.dims().get(i);
            Dim y = b.dims().get(i);
            if ((x.isKnown() || y.isKnown()) && !x.equals(y)) {
                return false;
            }
        }
        return true;
    }

    /** The distinct tensors an operation outputs, in the order of its outgoing edges. */
    private static List<TensorInfo> outputs(ModelGraph model, Node node) {
        List<TensorInfo> tensors = new ArrayList<>(2);
        for (TensorEdge e : model.outgoingEdgesOf(model.numberOf(node))) {
            if (tensors.stream().noneMatch(t -> t.name().equals(e.tensor().name()))) {
                tensors.add(e.tensor()); // an operation has one output or a few: a list beats a set
            }
        }
        return tensors;
    }

    /**
     * For each module, the element type holding most of the weight values inside it: {@code int8} for a quantized
     * layer, whose float biases and scales are few.
     */
    private static Map<ModulePath, String> weightTypes(ModelGraph model) {
        Map<ModulePath, Map<String, Long>> counts = new HashMap<>();
        for (Parameter p : model.parameters()) {
            if (p.elementType() == null) {
                continue;
            }
            for (ModulePath m = p.scope(); ; m = m.parent()) {
                counts.computeIfAbsent(m, x -> new HashMap<>()).merge(p.elementType(), p.count(), Long::sum);
                if (m.isRoot()) {
                    break;
                }
            }
        }
        Map<ModulePath, String> dominant = new HashMap<>();
        counts.forEach((m, byType) -> dominant.put(m, byType.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey()));
        return dominant;
    }
}
