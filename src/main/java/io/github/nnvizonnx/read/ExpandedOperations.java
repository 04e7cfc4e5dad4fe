package io.github.nnvizonnx.read;

import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many operations a runtime executes for a graph once every call of a local function is replaced by the
 * function's body, as onnxruntime does when it loads a model: what the shapes pass's operation limit is held to,
 * whatever the drawing shows of the calls (a box each under {@code --hierarchy flat}). Each function is counted once
 * and remembered, so 40 levels of functions calling the next twice count 2^40 in 40 steps; the count saturates at
 * {@link Long#MAX_VALUE}, which is also the count of a function that calls itself. Bodies of If, Loop and Scan
 * count too.
 */
final class ExpandedOperations {
    /** Deeper chains of calls or bodies than this count as without end (and would not load anyway). */
    private static final int MAX_DEPTH = 1000;

    private final Map<String, FunctionProto> functions = new HashMap<>();
    private final Map<String, Long> counted = new HashMap<>();

    private ExpandedOperations(List<FunctionProto> localFunctions) {
        for (FunctionProto f : localFunctions) {
            functions.putIfAbsent(key(f.getDomain(), f.getName(), f.getOverload()), f);
        }
    }

    static long count(List<NodeProto> nodes, List<FunctionProto> localFunctions) {
        return new ExpandedOperations(localFunctions).nodes(nodes, 0);
    }

    private long nodes(List<NodeProto> nodes, int depth) {
        if (depth > MAX_DEPTH) {
            return Long.MAX_VALUE;
        }
        long sum = 0;
        for (NodeProto node : nodes) {
            sum = plus(sum, node(node, depth));
            for (AttributeProto a : node.getAttributeList()) {
                if (a.hasG()) {
                    sum = plus(sum, nodes(a.getG().getNodeList(), depth + 1));
                }
                for (GraphProto g : a.getGraphsList()) {
                    sum = plus(sum, nodes(g.getNodeList(), depth + 1));
                }
            }
        }
        return sum;
    }

    /** 1 for an operation; for a call, its function's count. */
    private long node(NodeProto node, int depth) {
        String key = key(node.getDomain(), node.getOpType(), node.getOverload());
        FunctionProto function = functions.get(key);
        if (function == null) {
            return 1;
        }
        Long known = counted.get(key);
        if (known != null) {
            return known;
        }
        counted.put(key, Long.MAX_VALUE); // met again while being counted: it calls itself
        long count = nodes(function.getNodeList(), depth + 1);
        counted.put(key, count);
        return count;
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 || sum < a ? Long.MAX_VALUE : sum;
    }

    private static String key(String domain, String name, String overload) {
        return domain + "\u0000" + name + "\u0000" + overload;
    }
}
