package io.github.nnvizonnx.read;

import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's local functions, as the reader expands their calls: which node calls which function (by domain, name and
 * overload), and which calls are in progress, so that a function calling itself, directly or not, is drawn as a
 * plain operation instead of being expanded forever. Expansion has a budget of {@link #MAX_EXPANDED_NODES}
 * operations and modules: a call whose expanded size ({@link ExpandedSizes}, counting the module each call becomes)
 * exceeds what is left is drawn as a plain operation too, so that a few kilobytes of functions calling each other
 * twice cannot ask for 2^40 operations.
 */
final class LocalFunctions {
    /** Calls nested deeper than this are drawn as plain operations. */
    static final int MAX_CALL_DEPTH = 32;
    /**
     * The most operations and modules that expanding calls may add. Calls nested deep, each a module, are the
     * costliest shape of graph to draw: 2^16 operations in as many modules took 9 s and 660 MB, twice that did not
     * fit a 1 GB heap (a flat graph of a million operations takes 5 s); under this cap the worst, 2^15 operations in
     * 2^16 modules 31 deep, takes 6.6 s and 430 MB. Real models exported with functions expand to a few thousand.
     */
    static final long MAX_EXPANDED_NODES = 100_000;

    private final Map<String, FunctionProto> byKey = new HashMap<>();
    /** Domain and name of every function, without overloads ({@link #isFunction}). */
    private final java.util.Set<String> names = new java.util.HashSet<>();
    private final Deque<String> inProgress = new ArrayDeque<>();
    private final ExpandedSizes sizes = new ExpandedSizes(byKey, true);
    private long budget;
    private long unexpanded;

    LocalFunctions(List<FunctionProto> functions) {
        this(functions, MAX_EXPANDED_NODES);
    }

    /** {@code budget}: the most operations and modules expanded calls may add. */
    LocalFunctions(List<FunctionProto> functions, long budget) {
        for (FunctionProto f : functions) {
            byKey.putIfAbsent(key(f.getDomain(), f.getName(), f.getOverload()), f);
            names.add(f.getDomain() + "\u0000" + f.getName());
        }
        this.budget = budget;
    }

    /** How many operations {@code nodes} hold once every call of one of {@code functions} in them is expanded. */
    static long expandedSize(List<NodeProto> nodes, List<FunctionProto> functions) {
        LocalFunctions local = new LocalFunctions(functions);
        return local.byKey.isEmpty() ? nodes.size() : new ExpandedSizes(local.byKey, false).ofGraph(nodes);
    }

    /** How many calls were drawn as plain operations because expanding them would have gone past the budget. */
    long unexpandedCalls() {
        return unexpanded;
    }

    /** Whether any of {@code nodes} calls one of {@code functions}. */
    static boolean anyCalled(List<NodeProto> nodes, List<FunctionProto> functions) {
        if (functions.isEmpty()) {
            return false;
        }
        LocalFunctions local = new LocalFunctions(functions);
        for (NodeProto n : nodes) {
            if (local.byKey.containsKey(key(n.getDomain(), n.getOpType(), n.getOverload()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a node of this domain and op type calls one of the functions, whatever its overload, and whether or
     * not it would be expanded: enough to count the calls of a graph ahead of reading it.
     */
    boolean isFunction(String domain, String opType) {
        return names.contains(domain + "\u0000" + opType);
    }

    /**
     * The function a node with this domain, op type and overload calls, or null: none, or one already being expanded
     * (a recursive call), or calls nested {@link #MAX_CALL_DEPTH} deep, or one whose expansion would go past the
     * budget (counted in {@link #unexpandedCalls}).
     */
    FunctionProto calledBy(String domain, String opType, String overload, int callDepth) {
        if (byKey.isEmpty() || callDepth >= MAX_CALL_DEPTH) {
            return null;
        }
        String key = key(domain, opType, overload);
        FunctionProto function = inProgress.contains(key) ? null : byKey.get(key);
        if (function != null && sizes.ofCall(function) > budget) {
            unexpanded++;
            return null;
        }
        return function;
    }

    /**
     * Marks {@code function}'s body as being expanded, until {@link #leave}, and takes its module and its own
     * operations from the budget; {@link #calledBy} saw that they fit, so what all expansions add never exceeds it.
     */
    void enter(FunctionProto function) {
        inProgress.push(key(function.getDomain(), function.getName(), function.getOverload()));
        budget -= 1 + sizes.ownOf(function);
    }

    void leave() {
        inProgress.pop();
    }

    /** torch numbers variants of one class {@code BasicBlock.1}; the class is what people know. */
    static String classBaseName(String functionName) {
        int dot = functionName.lastIndexOf('.');
        if (dot > 0 && dot + 1 < functionName.length()
                && functionName.substring(dot + 1).chars().allMatch(Character::isDigit)) {
            return functionName.substring(0, dot);
        }
        return functionName;
    }

    static String key(String domain, String name, String overload) {
        return domain + "\u0000" + name + "\u0000" + overload;
    }
}
