package io.github.nnvizonnx.read;

import io.github.nnvizonnx.model.OutputNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the results of control-flow bodies to the operation that returns them, so that an expanded body does not end
 * in loose output nodes. Two forms, by how the operation uses its bodies:
 * <ul>
 *   <li>bodies that take no inputs (the branches of an If): each branch's results flow into the operation, which
 *   passes one of them on; drawn open, the If sits below its branches, where they meet;</li>
 *   <li>a body the operation feeds (Loop, Scan: the operation already has edges into the body's inputs): the body's
 *   last results are the operation's results (a Loop's body returns its condition first), so the edges that read a
 *   result start at the body's matching output node instead. Edges into the body and out of it then run one way,
 *   with no cycle for a layout to break. The Loop's condition, which only the next iteration reads, is labelled
 *   as such rather than with its tensor's name.</li>
 * </ul>
 * Collapsed, the operation's box is unchanged: the first form stays inside it, and the second crosses its boundary
 * with the operation's own result tensors, as before.
 */
final class BodyResults {
    /** Per operation that feeds its body: its result names and, for each, the body output node standing for it. */
    private final Map<Integer, Returned> returnedByOwner = new HashMap<>();
    /** What a Loop body's first result, whether to run once more, is drawn as. */
    static final String CONDITION_LABEL = "continue?";

    private record Returned(List<String> results, int[] bodyOutputs) {
    }

    /**
     * Notes the bodies of the operation at draft index {@code owner}. {@code bodyOutputs}: per body, the draft
     * indices of its output nodes in order; {@code feedsBodies}: whether the operation has edges into its bodies'
     * inputs; {@code results}: the operation's output names.
     */
    void note(GraphDraft draft, int owner, List<int[]> bodyOutputs, boolean feedsBodies, List<String> results) {
        if (!feedsBodies) {
            for (int[] outputs : bodyOutputs) {
                for (int output : outputs) {
                    draft.addEdge(output, owner, ((OutputNode) draft.node(output)).tensor(), false);
                }
            }
            return;
        }
        if (bodyOutputs.size() != 1) {
            return; // several fed bodies (no standard operator has them): which one returns is not known
        }
        int[] outputs = bodyOutputs.get(0);
        int first = outputs.length - results.size();
        if (first < 0) {
            return; // fewer body results than the operation's: the file is not what the operator requires
        }
        for (int i = 0; i < first; i++) {
            // a Loop's body returns whether to go on before the values it returns: say so, as nothing reads it
            OutputNode condition = (OutputNode) draft.node(outputs[i]);
            draft.replace(outputs[i], new OutputNode(condition.id(), condition.tensor(), condition.scope(),
                    CONDITION_LABEL));
        }
        int[] standing = new int[results.size()];
        System.arraycopy(outputs, first, standing, 0, standing.length);
        returnedByOwner.put(owner, new Returned(List.copyOf(results), standing));
    }

    /** Moves the reads of fed bodies' results, among the edges from {@code firstEdge} on, to the body outputs. */
    void rewire(GraphDraft draft, int firstEdge) {
        if (returnedByOwner.isEmpty()) {
            return;
        }
        for (int e = firstEdge; e < draft.edgeCount(); e++) {
            Returned returned = returnedByOwner.get(draft.edgeSource(e));
            if (returned == null) {
                continue;
            }
            int result = returned.results().indexOf(draft.edgeTensor(e).name());
            if (result >= 0) {
                draft.setEdgeSource(e, returned.bodyOutputs()[result]);
            }
        }
    }
}
