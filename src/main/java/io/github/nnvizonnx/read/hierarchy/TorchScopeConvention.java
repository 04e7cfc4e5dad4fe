package io.github.nnvizonnx.read.hierarchy;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The TorchScript-based exporter of torch 1.13 and later: node names such as {@code /layer1/layer1.0/conv1/Conv}.
 * Everything between the leading '/' and the last '/' is the scope; the last part is the op's own name. Names that
 * do not start with '/' ({@code Identity_0}) carry no scope. A converter's inlining prefix in front of such a name
 * ({@code If_0_else_branch__Inline_0__/stft/Conv}, {@link InliningPrefix}) is read past.
 */
public final class TorchScopeConvention implements HierarchyConvention {
    @Override
    public String name() {
        return "torch";
    }

    @Override
    public List<ScopeAssignment> assign(List<NodeView> nodes) {
        List<List<ScopeSegment>> raw = new ArrayList<>(nodes.size());
        Map<String, List<ScopeSegment>> byScope = new HashMap<>(); // many nodes share one scope
        String previousScope = "";
        List<ScopeSegment> previousSegments = List.of();
        for (NodeView n : nodes) {
            String name = InliningPrefix.strip(n.name());
            if (!name.startsWith("/")) {
                raw.add(List.of());
                continue;
            }
            int last = name.lastIndexOf('/');
            if (!name.startsWith(previousScope) || previousScope.length() != last) { // neighbours mostly share it
                previousScope = name.substring(0, last);
                previousSegments = byScope.computeIfAbsent(previousScope, TorchScopeConvention::segments);
            }
            raw.add(previousSegments);
        }
        List<List<ScopeSegment>> paths = TorchScopes.resolve(raw);
        // Made when asked rather than kept: a million assignments alive at once would only burden the collector.
        return new AbstractList<>() {
            @Override
            public ScopeAssignment get(int i) {
                String name = InliningPrefix.strip(nodes.get(i).name());
                return new ScopeAssignment(paths.get(i), name, name.startsWith("/") ? name.lastIndexOf('/') + 1
                        : InliningPrefix.ownNameStart(name));
            }

            @Override
            public int size() {
                return paths.size();
            }
        };
    }

    /** Names without a leading '/' ({@code Identity_0}, {@code Gather_12}) carry no scope. */
    @Override
    public boolean isUnscoped(NodeView node) {
        return !node.name().startsWith("/");
    }

    /** {@code /layer1//layer1.0} → layer1, layer1.0 (empty parts are skipped). */
    private static List<ScopeSegment> segments(String scope) {
        List<ScopeSegment> segments = new ArrayList<>();
        if (scope.isEmpty()) {
            return List.of();
        }
        for (String part : scope.substring(1).split("/", -1)) {
            if (!part.isEmpty()) {
                segments.add(ScopeSegment.named(part));
            }
        }
        return ScopeDepth.limit(segments);
    }

    /** Whether a node name looks like this exporter's, perhaps behind a converter's inlining prefix. */
    static boolean looksScoped(String name) {
        String scoped = InliningPrefix.strip(name);
        return scoped.startsWith("/") && scoped.length() > 1;
    }
}
