package io.github.nnvizonnx.read.hierarchy;

import java.util.List;

/**
 * Where a convention puts one node: the module path relative to the graph being read, and the node's own short name
 * (the last part of its name, e.g. {@code Relu_1}), used to name function calls and control-flow boxes. The short
 * name is kept as the part of {@code text} from {@code shortNameStart}, cut out only when asked: a large graph asks
 * for few of its nodes' short names.
 */
public record ScopeAssignment(List<ScopeSegment> path, String text, int shortNameStart) {
    public ScopeAssignment {
        path = List.copyOf(path);
    }

    /** An assignment whose text is the short name alone. */
    public ScopeAssignment(List<ScopeSegment> path, String shortName) {
        this(path, shortName, 0);
    }

    /** A node in no module, shown as {@code shortName}. */
    public static ScopeAssignment root(String shortName) {
        return new ScopeAssignment(List.of(), shortName);
    }

    /** The node's name inside its module. */
    public String shortName() {
        return text.substring(shortNameStart);
    }
}
