package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Parameter;
import io.github.nnvizonnx.model.TensorInfo;
import io.github.nnvizonnx.model.InputNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Weights go to the deepest module holding their readers; module totals equal summing every weight below. */
class ParameterAttributionTest {
    @Test
    void aWeightBelongsToTheDeepestModuleHoldingItsReadersAndCountsOnItsOnlyReader() {
        GraphDraft draft = new GraphDraft(4);
        int conv = draft.addOperation("conv", "Conv", "", List.of(), ModulePath.of("a", "b", "conv"), true);
        int add = draft.addOperation("add", "Add", "", List.of(), ModulePath.of("a", "c"), true);
        TensorScope.Weight shared = weight("shared", 3, 4);
        shared.addConsumer(conv);
        shared.addConsumer(add);
        TensorScope.Weight own = weight("own", 5);
        own.addConsumer(conv);
        TensorScope.Weight unread = weight("unread", 2);

        List<Parameter> parameters = ParameterAttribution.attribute(List.of(shared, own, unread), draft);
        assertEquals(List.of(ModulePath.of("a"), ModulePath.of("a", "b", "conv"), ModulePath.ROOT),
                parameters.stream().map(Parameter::scope).toList());
        assertEquals(5, ((io.github.nnvizonnx.model.OperationNode) draft.node(conv)).parameterCount());
        assertEquals(0, ((io.github.nnvizonnx.model.OperationNode) draft.node(add)).parameterCount());
    }

    @Test
    void anInputNodeReadingAWeightAloneGetsNoCount() {
        GraphDraft draft = new GraphDraft(1);
        int input = draft.add(new InputNode(draft.nextId(), TensorInfo.named("x"), ModulePath.ROOT));
        TensorScope.Weight w = weight("w", 7);
        w.addConsumer(input);
        assertEquals(ModulePath.ROOT, ParameterAttribution.attribute(List.of(w), draft).get(0).scope());
    }

    @Test
    void totalsEqualSummingEveryWeightIntoEachOfItsAncestors() {
        Random random = new Random(4);
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<String> names = new ArrayList<>();
            for (int depth = random.nextInt(4); depth > 0; depth--) {
                names.add("m" + random.nextInt(3));
            }
            parameters.add(new Parameter("w" + i, "float32", List.of((long) 1 + random.nextInt(100)),
                    ModulePath.of(names)));
        }
        Map<ModulePath, Long> expected = new HashMap<>();
        for (Parameter p : parameters) {
            for (ModulePath path = p.scope(); ; path = path.parent()) {
                expected.merge(path, p.count(), Long::sum);
                if (path.isRoot()) {
                    break;
                }
            }
        }
        Map<ModulePath, Long> totals = new HashMap<>();
        ParameterAttribution.totals(parameters).forEach((path, total) -> totals.put(path, total[0]));
        assertEquals(expected, totals);
    }

    private static TensorScope.Weight weight(String name, long... dims) {
        List<Long> list = new ArrayList<>();
        for (long d : dims) {
            list.add(d);
        }
        return new TensorScope.Weight(name, "float32", list);
    }
}
