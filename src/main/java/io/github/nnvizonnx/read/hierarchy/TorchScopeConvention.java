package io.github.nnvizonnx.read.hierarchy;

import java.util.ArrayList;
import java.util.List;

/**
 * The TorchScript-based exporter of torch 1.13 and later: node names such as {@code /layer1/layer1.0/conv1/Conv}.
 * Everything between the leading '/' and the last '/' is the scope; the last part is the op's own name. Names that
 * do not start with '/' ({@code Identity_0}) carry no scope.
 */
public final class TorchScopeConvention implements HierarchyConvention {
    @Override
    public String name() {
        return "torch";
    }

    @Override
    public List<ScopeAssignment> assign(List<NodeView> nodes) {
        List<List<ScopeSegment>> raw = new ArrayList<>(nodes.size());
        List<String> shortNames = new ArrayList<>(nodes.size());
        for (NodeView n : nodes) {
            String name = n.name();
            if (!name.startsWith("/")) {
                raw.add(List.of());
                shortNames.add(name);
                continue;
            }
            String[] parts = name.substring(1).split("/", -1);
            List<ScopeSegment> segments = new ArrayList<>(parts.length);
            for (int i = 0; i < parts.length - 1; i++) {
                if (!parts[i].isEmpty()) {
                    segments.add(ScopeSegment.named(parts[i]));
                }
            }
            raw.add(ScopeDepth.limit(segments));
            shortNames.add(parts[parts.length - 1]);
        }
        List<List<ScopeSegment>> paths = TorchScopes.resolve(raw);
        List<ScopeAssignment> result = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            result.add(new ScopeAssignment(paths.get(i), shortNames.get(i)));
        }
        return result;
    }

    /** Whether a node name looks like this exporter's. */
    static boolean looksScoped(String name) {
        return name.startsWith("/") && name.length() > 1;
    }
}
