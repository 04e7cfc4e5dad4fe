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
 * plain operation instead of being expanded forever.
 */
final class LocalFunctions {
    /** Calls nested deeper than this are drawn as plain operations. */
    static final int MAX_CALL_DEPTH = 32;

    private final Map<String, FunctionProto> byKey = new HashMap<>();
    private final Deque<String> inProgress = new ArrayDeque<>();

    LocalFunctions(List<FunctionProto> functions) {
        for (FunctionProto f : functions) {
            byKey.putIfAbsent(key(f.getDomain(), f.getName(), f.getOverload()), f);
        }
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
     * The function a node with this domain, op type and overload calls, or null: none, or one already being expanded
     * (a recursive call), or calls nested {@link #MAX_CALL_DEPTH} deep.
     */
    FunctionProto calledBy(String domain, String opType, String overload, int callDepth) {
        if (byKey.isEmpty() || callDepth >= MAX_CALL_DEPTH) {
            return null;
        }
        String key = key(domain, opType, overload);
        return inProgress.contains(key) ? null : byKey.get(key);
    }

    /** Marks {@code function}'s body as being expanded, until {@link #leave}. */
    void enter(FunctionProto function) {
        inProgress.push(key(function.getDomain(), function.getName(), function.getOverload()));
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

    private static String key(String domain, String name, String overload) {
        return domain + "\u0000" + name + "\u0000" + overload;
    }
}
