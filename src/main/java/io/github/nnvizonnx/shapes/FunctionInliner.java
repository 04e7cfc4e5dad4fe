package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.OperatorSetIdProto;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The main graph of a model with every call of a local function replaced by the function's body ({@link CallScope}
 * names it), so that a run can return the tensors inside calls, which it cannot while they are calls.
 *
 * <p>It also lists every operation the reader draws, in the reader's order: each node of the main graph, the body
 * of a call in its place, and after a control-flow node the nodes of its bodies. A call is expanded by the reader's
 * rules (the first function of a domain, name and overload; not while that function is being expanded; not deeper
 * than {@value #MAX_CALL_DEPTH} calls), so that this list can be matched to the drawn operations one by one.
 */
final class FunctionInliner {
    /** Calls nested deeper than this stay calls, as the reader draws them as plain operations. */
    static final int MAX_CALL_DEPTH = 32;

    /**
     * One operation as the reader draws it. {@code runNames}: for a node inlined into the main graph from a call,
     * each name the reader gives one of its outputs ({@link CallScope#aliases}) → its name in the inlined graph;
     * empty for nodes of the main graph itself and of control-flow bodies.
     */
    record Operation(String name, String opType, String domain, Map<String, String> runNames) {
    }

    /**
     * {@code nodes}: the inlined main graph; {@code innerNames}: the tensors it has that the original main graph
     * has not; {@code opsetImports}: the domains the inlined functions import and the model does not;
     * {@code functions}: the functions still called (onnxruntime checks every function a model has, called or not).
     */
    record Result(List<NodeProto> nodes, List<String> innerNames, List<OperatorSetIdProto> opsetImports,
                  List<FunctionProto> functions, List<Operation> operations) {
    }

    private final Map<String, FunctionProto> functions = new HashMap<>();
    private final Deque<String> inProgress = new ArrayDeque<>();
    private final String prefix;
    private int calls;
    private final List<NodeProto> nodes = new ArrayList<>();
    private final List<String> innerNames = new ArrayList<>();
    private final Set<String> importedDomains = new HashSet<>();
    private final Map<String, OperatorSetIdProto> addedOpsets = new LinkedHashMap<>();
    private final List<Operation> operations = new ArrayList<>();

    private FunctionInliner(ModelProto model) {
        for (FunctionProto f : model.getFunctionsList()) {
            functions.putIfAbsent(key(f.getDomain(), f.getName(), f.getOverload()), f);
        }
        model.getOpsetImportList().forEach(o -> importedDomains.add(o.getDomain()));
        prefix = unusedPrefix(model.getGraph());
    }

    static Result inline(ModelProto model) {
        FunctionInliner inliner = new FunctionInliner(model);
        inliner.walk(model.getGraph().getNodeList(), CallScope.MAIN, 0, true);
        return new Result(inliner.nodes, inliner.innerNames, List.copyOf(inliner.addedOpsets.values()),
                inliner.stillCalled(model.getFunctionsList()), inliner.operations);
    }

    /** {@code emit}: whether the nodes go into the main graph (false inside control-flow bodies: only listed). */
    private void walk(List<NodeProto> graphNodes, CallScope scope, int callDepth, boolean emit) {
        for (NodeProto node : graphNodes) {
            FunctionProto function = calledBy(node, callDepth);
            if (function != null) {
                inProgress.push(key(function.getDomain(), function.getName(), function.getOverload()));
                for (OperatorSetIdProto o : function.getOpsetImportList()) {
                    if (!importedDomains.contains(o.getDomain())) {
                        addedOpsets.putIfAbsent(o.getDomain(), o);
                    }
                }
                CallScope body = emit ? scope.enter(node, function, prefix + calls++ + "/") : scope;
                walk(function.getNodeList(), body, callDepth + 1, emit);
                inProgress.pop();
                continue;
            }
            Map<String, String> runNames = Map.of();
            if (emit && !scope.isMain()) {
                runNames = new HashMap<>();
                for (String output : node.getOutputList()) {
                    String run = scope.runName(output);
                    if (!output.isEmpty() && !scope.isMainTensor(output)) {
                        innerNames.add(run);
                    }
                    for (String alias : output.isEmpty() ? List.<String>of() : scope.aliases(output)) {
                        runNames.put(alias, run);
                    }
                }
            }
            operations.add(new Operation(node.getName(), node.getOpType(), node.getDomain(), runNames));
            if (emit) {
                nodes.add(scope.rename(node));
            }
            for (AttributeProto a : node.getAttributeList()) { // the reader reads bodies after their node
                if (a.hasG()) {
                    walk(a.getG().getNodeList(), scope, 0, false);
                }
                for (GraphProto g : a.getGraphsList()) {
                    walk(g.getNodeList(), scope, 0, false);
                }
            }
        }
    }

    /** The functions that the inlined graph calls, directly or through other functions, in the model's order. */
    private List<FunctionProto> stillCalled(List<FunctionProto> all) {
        Set<String> called = new HashSet<>();
        Deque<NodeProto> pending = new ArrayDeque<>(nodes);
        while (!pending.isEmpty()) {
            NodeProto node = pending.pop();
            FunctionProto f = functions.get(key(node.getDomain(), node.getOpType(), node.getOverload()));
            if (f != null && called.add(key(f.getDomain(), f.getName(), f.getOverload()))) {
                pending.addAll(f.getNodeList());
            }
            for (AttributeProto a : node.getAttributeList()) {
                if (a.hasG()) {
                    pending.addAll(a.getG().getNodeList());
                }
                a.getGraphsList().forEach(g -> pending.addAll(g.getNodeList()));
            }
        }
        return all.stream().filter(f -> called.contains(key(f.getDomain(), f.getName(), f.getOverload()))).toList();
    }

    private FunctionProto calledBy(NodeProto node, int callDepth) {
        if (functions.isEmpty() || callDepth >= MAX_CALL_DEPTH) {
            return null;
        }
        String key = key(node.getDomain(), node.getOpType(), node.getOverload());
        return inProgress.contains(key) ? null : functions.get(key);
    }

    private static String key(String domain, String name, String overload) {
        return domain + "\u0000" + name + "\u0000" + overload;
    }

    /** A prefix that no name of the main graph starts with, so that the calls' names are new. */
    private static String unusedPrefix(GraphProto graph) {
        List<String> names = new ArrayList<>();
        graph.getInputList().forEach(v -> names.add(v.getName()));
        graph.getInitializerList().forEach(t -> names.add(t.getName()));
        graph.getNodeList().forEach(n -> names.addAll(n.getOutputList()));
        String prefix = "inlined:";
        while (startsAny(names, prefix)) {
            prefix = "_" + prefix;
        }
        return prefix;
    }

    private static boolean startsAny(List<String> names, String prefix) {
        return names.stream().anyMatch(n -> n.startsWith(prefix));
    }
}
