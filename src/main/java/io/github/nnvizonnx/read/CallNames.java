package io.github.nnvizonnx.read;

import io.github.nnvizonnx.read.hierarchy.ScopeSegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names for the calls of one graph that have no scope of their own (torch's
 * {@code export_modules_as_functions=True} names nodes inside function bodies {@code Sequential_4}, after no
 * module): the function's class, numbered from 0 in call order when that class is called more than once at the same
 * place ({@code Sequential_0} … {@code Sequential_3}). Sibling calls then read alike, never {@code Sequential} beside
 * {@code Sequential_1}, and a run of them folds under one range title ({@code BasicBlock_0–1}).
 */
final class CallNames {
    /** Per place and class: how many calls there are, and how many were named. */
    private final Map<List<String>, int[]> calls = new HashMap<>();

    /** Notes one call of {@code className}, without a scope of its own, at {@code path}, before any is named. */
    void count(List<ScopeSegment> path, String className) {
        calls.computeIfAbsent(key(path, className), k -> new int[2])[0]++;
    }

    /** The name of the next call of {@code className} at {@code path}. */
    String next(List<ScopeSegment> path, String className) {
        int[] counted = calls.get(key(path, className));
        if (counted == null || counted[0] < 2) {
            return className;
        }
        return className + "_" + counted[1]++;
    }

    private static List<String> key(List<ScopeSegment> path, String className) {
        List<String> key = new ArrayList<>(path.size() + 1);
        for (ScopeSegment s : path) {
            key.add(s.name());
        }
        key.add(className);
        return key;
    }
}
