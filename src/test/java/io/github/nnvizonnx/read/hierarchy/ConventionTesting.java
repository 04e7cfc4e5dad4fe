package io.github.nnvizonnx.read.hierarchy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shorthand for convention tests: nodes from names, paths as dotted strings. */
final class ConventionTesting {
    private ConventionTesting() {
    }

    static List<NodeView> named(String... names) {
        List<NodeView> views = new ArrayList<>();
        for (String n : names) {
            views.add(new NodeView(n, "Op", "", Map.of()));
        }
        return views;
    }

    /** Display names joined by '|' (so that dots inside names stay visible). */
    static List<String> paths(List<ScopeAssignment> assignments) {
        List<String> result = new ArrayList<>();
        for (ScopeAssignment a : assignments) {
            result.add(String.join("|", a.path().stream().map(ScopeSegment::name).toList()));
        }
        return result;
    }
}
