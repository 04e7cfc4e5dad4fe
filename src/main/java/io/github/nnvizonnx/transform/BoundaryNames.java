package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.ModuleTree;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the inputs and outputs of a {@code --layer} drawing for people: {@code from layer1}, {@code to avgpool},
 * {@code from Conv} (an operation straight in the model, which has no module to name), or a model input's or output's
 * own name; never a raw tensor name such as {@code /layer1/layer1.1/relu_1/Relu_output_0}. Two tensors from the same
 * place are told apart by a count: {@code from layer1}, {@code from layer1 (2)}.
 */
final class BoundaryNames {
    /** More places than this going into one label are summed up as "…": the label stays one short line. */
    private static final int MAX_PLACES = 2;

    private final ModuleTree modules;
    private final ModulePath layer;
    private final Map<String, Integer> uses = new HashMap<>();

    BoundaryNames(ModuleTree modules, ModulePath layer) {
        this.modules = modules;
        this.layer = layer;
    }

    /** The label of a tensor entering the layer from {@code producer}, distinct from every label given before. */
    String from(Node producer) {
        return distinct(producer instanceof InputNode in && in.scope().isRoot() ? in.tensor().name()
                : "from " + place(producer));
    }

    /** The label of a tensor leaving the layer for {@code consumers} (all outside it), distinct as {@link #from}. */
    String to(List<Node> consumers) {
        Set<String> places = new LinkedHashSet<>();
        Set<String> modelOutputs = new LinkedHashSet<>();
        for (Node consumer : consumers) {
            if (consumer instanceof OutputNode out && out.scope().isRoot()) {
                modelOutputs.add(out.tensor().name());
            } else {
                places.add(place(consumer));
            }
        }
        if (places.isEmpty()) {
            return distinct(String.join(", ", modelOutputs));
        }
        List<String> named = places.stream().limit(MAX_PLACES).toList();
        String label = "to " + String.join(", ", named) + (places.size() > MAX_PLACES ? ", …" : "");
        return distinct(label);
    }

    /**
     * Where a node outside the layer sits, as seen from the layer: the outermost module holding it that the layer
     * is not in ({@code layer1.0} for {@code --layer layer1.1}), or, when no such module holds it, what it is.
     */
    private String place(Node outside) {
        ModulePath scope = outside.scope();
        ModulePath shared = scope.commonAncestor(layer);
        if (scope.length() > shared.length()) {
            ModulePath module = scope.prefix(shared.length() + 1);
            return modules.get(module).map(Module::ownTitle).orElse(module.dotted());
        }
        if (outside instanceof OperationNode op) {
            return op.opType();
        }
        if (outside instanceof ModuleNode m) {
            return m.module().ownTitle();
        }
        return outside instanceof InputNode in ? in.tensor().name() : ((OutputNode) outside).tensor().name();
    }

    private String distinct(String label) {
        int count = uses.merge(label, 1, Integer::sum);
        return count == 1 ? label : label + " (" + count + ")";
    }
}
