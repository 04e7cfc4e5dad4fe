package io.github.nnvizonnx.read;

import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which module each weight belongs to, and how many parameters each module holds. */
final class ParameterAttribution {
    private ParameterAttribution() {
    }

    /**
     * Each weight belongs to the deepest module containing its consumers (the module itself, not its parent, when
     * the consumers are calls of one shared module; the root when none reads it); a weight read by one operation
     * also counts on that operation.
     */
    static List<Parameter> attribute(List<TensorScope.Weight> weights, GraphDraft draft) {
        List<Parameter> parameters = new ArrayList<>(weights.size());
        for (TensorScope.Weight w : weights) {
            ModulePath scope = null;
            int readers = w.consumerCount();
            for (int k = 0; k < readers; k++) {
                ModulePath s = draft.scope(w.consumer(k));
                scope = scope == null ? s : scope.commonModule(s); // a shared module's weights: once, its own
            }
            Parameter p = new Parameter(w.name, w.elementType, w.dims, scope == null ? ModulePath.ROOT : scope);
            parameters.add(p);
            if (readers == 1 && draft.isOperation(w.consumer(0))) {
                draft.addParameters(w.consumer(0), p.count());
            }
        }
        return parameters;
    }

    /**
     * The parameters in each module and below it. Summed per module first, then handed up the tree level by level,
     * deepest first: each module is added to its parent once, instead of each weight to every ancestor.
     */
    static Map<ModulePath, long[]> totals(List<Parameter> parameters) {
        Map<ModulePath, long[]> totals = new HashMap<>();
        List<List<ModulePath>> byLength = new ArrayList<>();
        for (Parameter p : parameters) {
            long[] total = totals.get(p.scope());
            if (total == null) {
                total = new long[1];
                totals.put(p.scope(), total);
                atLength(byLength, p.scope().length()).add(p.scope());
            }
            total[0] = DisplayText.saturatingAdd(total[0], p.count());
        }
        for (int length = byLength.size() - 1; length > 0; length--) {
            for (ModulePath path : byLength.get(length)) {
                long[] parentTotal = totals.get(path.parent());
                if (parentTotal == null) {
                    parentTotal = new long[1];
                    totals.put(path.parent(), parentTotal);
                    atLength(byLength, length - 1).add(path.parent());
                }
                parentTotal[0] = DisplayText.saturatingAdd(parentTotal[0], totals.get(path)[0]);
            }
        }
        return totals;
    }

    private static List<ModulePath> atLength(List<List<ModulePath>> byLength, int length) {
        while (byLength.size() <= length) {
            byLength.add(new ArrayList<>());
        }
        return byLength.get(length);
    }
}
