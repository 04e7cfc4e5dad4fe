package io.github.nnvizonnx.read;

import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many operations a graph or a local function holds once every call of a local function in it is expanded,
 * worked out before anything is expanded: a 4 KB file of functions each calling the next twice, 40 deep, would
 * expand to 2^40 operations. Each function's size is computed once ({@code size(f) = own operations + Σ size(callee)},
 * saturating at {@link Long#MAX_VALUE}), without recursion on the Java stack (a chain of 100,000 functions is a small
 * file). A call of a function that is already being expanded (a recursive call, which ONNX forbids) counts as one
 * operation, as the reader draws it. Operations inside If/Loop/Scan bodies count too. Counted {@code withCalls},
 * each expanded call counts one more: the module it becomes, which costs the reader as much as an operation.
 */
final class ExpandedSizes {
    /** What one function's body holds: operations that call nothing local, and the keys of the functions it calls. */
    private record Body(long own, List<String> callees) {
    }

    private final Map<String, FunctionProto> byKey;
    private final boolean withCalls;
    private final Map<String, Body> bodies = new HashMap<>();
    private final Map<String, Long> totals = new HashMap<>();

    /**
     * {@code byKey}: the local functions by {@link LocalFunctions#key}; {@code withCalls}: each expanded call counts
     * one more (its module), else a call counts as the operations it expands to.
     */
    ExpandedSizes(Map<String, FunctionProto> byKey, boolean withCalls) {
        this.byKey = byKey;
        this.withCalls = withCalls;
    }

    /** The operations of {@code nodes} (a graph), with every local call expanded. */
    long ofGraph(List<NodeProto> nodes) {
        Body body = gather(nodes);
        long total = body.own();
        for (String callee : body.callees()) {
            total = DisplayText.saturatingAdd(total, callSize(callee));
        }
        return total;
    }

    /** The operations {@code function} holds, with every call in it expanded. */
    long of(FunctionProto function) {
        return total(LocalFunctions.key(function.getDomain(), function.getName(), function.getOverload()));
    }

    /** The operations of {@code function}'s own body (and its If/Loop/Scan bodies), calls not counted. */
    long ownOf(FunctionProto function) {
        return body(LocalFunctions.key(function.getDomain(), function.getName(), function.getOverload())).own();
    }

    /** What a call of {@code callee} adds once expanded ({@link #withCalls}: its module too). */
    private long callSize(String callee) {
        return expandedCall(total(callee));
    }

    /** An expanded call is at least the one node it replaces: an empty function still costs its call. */
    private long expandedCall(long calleeTotal) {
        return withCalls ? DisplayText.saturatingAdd(1, calleeTotal) : Math.max(1, calleeTotal);
    }

    /** What a call of {@code function} adds once expanded: the size checked against a budget. */
    long ofCall(FunctionProto function) {
        return expandedCall(of(function));
    }

    private long total(String key) {
        Long known = totals.get(key);
        if (known != null) {
            return known;
        }
        // depth-first over the call graph with an explicit stack: one frame per function being summed
        final class Frame {
            final String key;
            final Body body;
            int next;
            long sum;

            Frame(String key) {
                this.key = key;
                this.body = body(key);
                this.sum = body.own();
            }
        }
        Set<String> open = new HashSet<>();
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(key));
        open.add(key);
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (top.next < top.body.callees().size()) {
                String callee = top.body.callees().get(top.next++);
                Long calleeTotal = totals.get(callee);
                if (calleeTotal != null) {
                    top.sum = DisplayText.saturatingAdd(top.sum, expandedCall(calleeTotal));
                } else if (open.contains(callee)) {
                    top.sum = DisplayText.saturatingAdd(top.sum, 1); // recursive: drawn as one operation
                } else {
                    open.add(callee);
                    stack.push(new Frame(callee));
                }
                continue;
            }
            stack.pop();
            open.remove(top.key);
            totals.put(top.key, top.sum);
            if (!stack.isEmpty()) {
                Frame caller = stack.peek();
                caller.sum = DisplayText.saturatingAdd(caller.sum, expandedCall(top.sum));
            }
        }
        return totals.get(key);
    }

    private Body body(String key) {
        Body known = bodies.get(key);
        if (known == null) {
            known = gather(byKey.get(key).getNodeList());
            bodies.put(key, known);
        }
        return known;
    }

    /** Walks {@code nodes} and the graphs nested in their attributes (without recursion: bodies nest deeply). */
    private Body gather(List<NodeProto> nodes) {
        long own = 0;
        List<String> callees = new ArrayList<>();
        Deque<List<NodeProto>> graphs = new ArrayDeque<>();
        graphs.push(nodes);
        while (!graphs.isEmpty()) {
            for (NodeProto n : graphs.pop()) {
                String key = LocalFunctions.key(n.getDomain(), n.getOpType(), n.getOverload());
                if (byKey.containsKey(key)) {
                    callees.add(key);
                    continue;
                }
                own++;
                for (AttributeProto a : n.getAttributeList()) {
                    if (a.hasG()) {
                        graphs.push(a.getG().getNodeList());
                    }
                    for (GraphProto g : a.getGraphsList()) {
                        graphs.push(g.getNodeList());
                    }
                }
            }
        }
        return new Body(own, callees);
    }
}
