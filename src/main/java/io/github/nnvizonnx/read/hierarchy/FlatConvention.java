package io.github.nnvizonnx.read.hierarchy;

import java.util.ArrayList;
import java.util.List;

/**
 * No hierarchy at all: names carry none (paddle2onnx's {@code p2o.Conv.0}, older torch's {@code Conv_12}, unnamed
 * nodes), and a call of a local function is drawn as one operation.
 */
public final class FlatConvention implements HierarchyConvention {
    @Override
    public String name() {
        return "flat";
    }

    @Override
    public boolean callsAreModules() {
        return false;
    }

    @Override
    public List<ScopeAssignment> assign(List<NodeView> nodes) {
        List<ScopeAssignment> result = new ArrayList<>(nodes.size());
        for (NodeView n : nodes) {
            result.add(ScopeAssignment.root(n.name()));
        }
        return result;
    }
}
