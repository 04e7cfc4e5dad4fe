package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads become edges from their producers, weight readers, or edges from an input made for a missing tensor. */
class PendingReadsTest {
    @Test
    void readsBecomeEdgesOnceEveryProducerIsKnownInAnyOrder() {
        GraphDraft draft = new GraphDraft(4);
        TensorScope main = TensorScope.main(8);
        PendingReads pending = new PendingReads();
        int relu = draft.addOperation("relu", "Relu", "", List.of(), ModulePath.ROOT, true);
        pending.add(relu, main, main.id("x")); // read before its producer is drafted
        pending.add(relu, main, main.id("missing"));
        TensorScope.Weight w = new TensorScope.Weight("w", "float32", List.of(3L));
        main.addWeight(w);
        pending.add(relu, main, main.id("w"));
        int producer = draft.addOperation("conv", "Conv", "", List.of(), ModulePath.ROOT, true);
        main.produce("x", producer);
        int other = draft.addOperation("add", "Add", "", List.of(), ModulePath.ROOT, true);
        pending.add(other, main, main.id("missing")); // the same missing name: one input for both
        TensorScope body = main.nested();
        int inside = draft.addOperation("neg", "Neg", "", List.of(), ModulePath.ROOT, true);
        pending.add(inside, body, body.id("x")); // an outer tensor read in a body

        assertEquals(5, pending.size());
        pending.resolve(draft, main);
        assertEquals(0, pending.size());

        List<String> edges = new ArrayList<>();
        for (int e = 0; e < draft.edgeCount(); e++) {
            edges.add(draft.edgeSource(e) + "->" + draft.edgeTarget(e) + " " + draft.edgeTensor(e).name()
                    + (draft.edgeTopLevel(e) ? " top" : ""));
        }
        int input = draft.size() - 1;
        assertTrue(draft.node(input) instanceof InputNode, "an input made for the missing tensor");
        assertEquals(TensorInfo.named("missing"), ((InputNode) draft.node(input)).tensor());
        assertEquals(List.of(producer + "->" + relu + " x top", input + "->" + relu + " missing top",
                input + "->" + other + " missing top", producer + "->" + inside + " x top"), edges);
        assertEquals(1, w.consumerCount());
        assertEquals(relu, w.consumer(0));
    }
}
