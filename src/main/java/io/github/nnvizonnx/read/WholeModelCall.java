package io.github.nnvizonnx.read;

import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.read.hierarchy.NodeView;
import java.util.List;

/**
 * The call that is the whole model. torch's {@code export_modules_as_functions=True} writes the model's own class as
 * a local function too, so the main graph is one call of it (named after the scope of the last op traced inside it,
 * {@code /fc/ResNet}). That call is the model itself, not a module of it: its body is read as the root's inside and
 * its class is the root's, rather than wasting a level on a box named after its last layer.
 */
final class WholeModelCall {
    /** No node of the main graph is the whole model. */
    static final int NONE = -1;

    private WholeModelCall() {
    }

    /**
     * The index of the main graph's one call of a local function when nothing but Constants and Identities stands
     * beside it (torch passes each weight into the call through an {@code Identity_0}), else {@link #NONE}. Stops at
     * the second other node, so a large graph costs nothing.
     */
    static int in(List<NodeView> views, List<NodeProto> nodes, List<FunctionProto> functions) {
        if (functions.isEmpty()) {
            return NONE;
        }
        int candidate = NONE;
        for (int i = 0; i < views.size(); i++) {
            if (movesValuesOnly(views.get(i))) {
                continue;
            }
            if (candidate != NONE) {
                return NONE;
            }
            candidate = i;
        }
        if (candidate == NONE) {
            return NONE;
        }
        NodeView call = views.get(candidate);
        String overload = NodeWiring.of(nodes, candidate).overload();
        for (FunctionProto f : functions) {
            if (f.getDomain().equals(call.domain()) && f.getName().equals(call.opType())
                    && f.getOverload().equals(overload)) {
                return candidate;
            }
        }
        return NONE;
    }

    private static boolean movesValuesOnly(NodeView node) {
        return (node.opType().equals("Constant") || node.opType().equals("Identity"))
                && (node.domain().isEmpty() || node.domain().equals("ai.onnx"));
    }
}
