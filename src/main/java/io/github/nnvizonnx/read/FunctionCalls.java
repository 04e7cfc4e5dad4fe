package io.github.nnvizonnx.read;

import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.read.hierarchy.NodeView;
import io.github.nnvizonnx.read.hierarchy.ScopeAssignment;
import io.github.nnvizonnx.read.hierarchy.ScopeSegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls of a model's local functions, drawn as modules holding the function's body: which function a node calls,
 * the module the call becomes, and the tensor scope its body is read in (formal inputs standing for the call's
 * actual tensors; the body's outputs produced for the call's outputs when it is left).
 */
final class FunctionCalls {
    /** One call being inlined: its module, and the scope its body's nodes are read in. */
    record Call(NodeWiring wiring, FunctionProto function, ModulePath path, TensorScope body) {
    }

    private final LocalFunctions functions;
    private final ModuleRegistry modules;

    FunctionCalls(LocalFunctions functions, ModuleRegistry modules) {
        this.functions = functions;
        this.modules = modules;
    }

    /** How many calls were drawn as plain operations because expanding them would have made too many operations. */
    long unexpandedCalls() {
        return functions.unexpandedCalls();
    }

    /** The function node {@code view} calls, or null for a plain operation (or a call nested too deep). */
    FunctionProto calledBy(NodeView view, NodeWiring wiring, int callDepth) {
        return functions.calledBy(view.domain(), view.opType(), wiring.overload(), callDepth);
    }

    /**
     * Where a function call sits. torch names a call after the scope of the last op traced inside it (the layer1
     * call is {@code /layer1/layer1.1/relu/Sequential.1}), so the call's own module is the shortest prefix of its
     * scope that no other node of the graph shares; without such a prefix (or without a scope) the call becomes a
     * child named by {@code names} after the function's class. {@code prefixCounts}: {@link #prefixCounts} of the
     * call's graph.
     */
    ModulePath callPath(ModulePath base, List<ScopeSegment> path, Map<List<String>, Integer> prefixCounts,
                        FunctionProto function, CallNames names) {
        int own = ownPrefixLength(path, prefixCounts);
        if (own > 0) {
            ModulePath parent = modules.ensureModules(base, path.subList(0, own - 1));
            return modules.uniqueChild(parent, path.get(own - 1).name());
        }
        String className = LocalFunctions.classBaseName(function.getName());
        return modules.uniqueChild(modules.ensureModules(base, path), names.next(path, className));
    }

    /**
     * The calls of one graph ({@code views}, placed by {@code assignments}) that {@link #callPath} will name after
     * their class, counted for {@link CallNames}.
     */
    CallNames callNames(List<NodeView> views, List<ScopeAssignment> assignments,
                        Map<List<String>, Integer> prefixCounts, EnclosingScope enclosing) {
        CallNames names = new CallNames();
        for (int i = 0; i < views.size(); i++) {
            NodeView view = views.get(i);
            if (functions.isFunction(view.domain(), view.opType())) {
                List<ScopeSegment> path = enclosing.within(assignments.get(i).path());
                if (ownPrefixLength(path, prefixCounts) == 0) {
                    names.count(path, LocalFunctions.classBaseName(view.opType()));
                }
            }
        }
        return names;
    }

    /** The length of the shortest prefix of {@code path} that only one node lies under, or 0 when none is. */
    private static int ownPrefixLength(List<ScopeSegment> path, Map<List<String>, Integer> prefixCounts) {
        List<String> names = new ArrayList<>(path.size());
        for (int length = 1; length <= path.size(); length++) {
            names.add(path.get(length - 1).name());
            if (prefixCounts.getOrDefault(names, 0) < 2) { // the call itself is the only node under this prefix
                return length;
            }
        }
        return 0;
    }

    /**
     * How many nodes of one graph lie under each scope prefix (compared by names), so that finding a call's own
     * module does not scan every node for every call. Nodes of one scope share their path list: each distinct list
     * is expanded once.
     */
    static Map<List<String>, Integer> prefixCounts(List<ScopeAssignment> assignments) {
        Map<List<ScopeSegment>, Integer> perPath = new IdentityHashMap<>();
        for (ScopeAssignment a : assignments) {
            perPath.merge(a.path(), 1, Integer::sum);
        }
        Map<List<String>, Integer> counts = new HashMap<>();
        perPath.forEach((path, nodes) -> {
            List<String> names = new ArrayList<>(path.size());
            for (ScopeSegment s : path) {
                names.add(s.name());
                counts.merge(List.copyOf(names), nodes, Integer::sum);
            }
        });
        return counts;
    }

    /**
     * Registers the call's module at {@code wantedPath} (classed after the function) and opens the scope its body is
     * read in, within {@code scope}, the caller's.
     */
    Call enter(NodeWiring call, FunctionProto function, ModulePath wantedPath, TensorScope scope) {
        ModulePath callPath = modules.register(wantedPath, LocalFunctions.classBaseName(function.getName()),
                qualifiedClassName(function), ModuleKind.FUNCTION);
        return open(call, function, callPath, scope);
    }

    /**
     * Enters the call that is the whole model ({@link WholeModelCall}): its body is read at the root, which becomes
     * the call, with the function's class.
     */
    Call enterAsWholeModel(NodeWiring call, FunctionProto function, TensorScope scope) {
        modules.rootIsCall(qualifiedClassName(function));
        return open(call, function, ModulePath.ROOT, scope);
    }

    /** {@code torchvision.models.resnet.BasicBlock} for function {@code BasicBlock.1} of that domain. */
    private static String qualifiedClassName(FunctionProto function) {
        String className = LocalFunctions.classBaseName(function.getName());
        return function.getDomain().isEmpty() ? className : function.getDomain() + "." + className;
    }

    /** Opens the scope the body of {@code function}, called at {@code callPath}, is read in. */
    private Call open(NodeWiring call, FunctionProto function, ModulePath callPath, TensorScope scope) {
        Map<String, String> formalToActual = new HashMap<>();
        for (int i = 0; i < function.getInputCount() && i < call.inputs().size(); i++) {
            if (!call.inputs().get(i).isEmpty()) {
                formalToActual.put(function.getInput(i), call.inputs().get(i));
            }
        }
        TensorScope body = scope.function(formalToActual);
        functions.enter(function);
        return new Call(call, function, callPath, body);
    }

    /** Ends {@code call}, whose body is read: the body's producers become those of the call's outputs in {@code scope}. */
    void leave(Call call, TensorScope scope) {
        functions.leave();
        for (int i = 0; i < call.function().getOutputCount() && i < call.wiring().outputs().size(); i++) {
            int producer = call.body().resolve(call.function().getOutput(i)).producer();
            if (producer >= 0) {
                scope.produce(call.wiring().outputs().get(i), producer);
            }
        }
    }
}
