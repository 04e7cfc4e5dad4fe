package io.github.nnvizonnx.read.hierarchy;

import java.util.List;

/**
 * Where a convention puts one node: the module path relative to the graph being read, and the node's own short name
 * (the last part of its name, e.g. {@code Relu_1}), used to name function calls and control-flow boxes.
 */
public record ScopeAssignment(List<ScopeSegment> path, String shortName) {
    public ScopeAssignment {
        path = List.copyOf(path);
    }

    public static ScopeAssignment root(String shortName) {
        return new ScopeAssignment(List.of(), shortName);
    }
}
