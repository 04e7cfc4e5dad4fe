package io.github.nnvizonnx.read.hierarchy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How deep a node's scope may nest. Real exporters stay far below the limit; a hostile name with 100,000 '/' would
 * otherwise make 100,000 nested modules, and every prefix of its path costs time and memory (quadratic in total).
 * Levels beyond the limit are kept as one module whose name joins them with '/', so nothing is lost from view.
 */
final class ScopeDepth {
    static final int MAX = io.github.nnvizonnx.model.ModulePath.MAX_DEPTH;

    private ScopeDepth() {
    }

    static List<ScopeSegment> limit(List<ScopeSegment> segments) {
        if (segments.size() <= MAX) {
            return segments;
        }
        List<ScopeSegment> kept = new ArrayList<>(segments.subList(0, MAX - 1));
        List<ScopeSegment> rest = segments.subList(MAX - 1, segments.size());
        String joined = rest.stream().map(ScopeSegment::name).collect(Collectors.joining("/"));
        kept.add(new ScopeSegment(joined, rest.get(rest.size() - 1).qualifiedClassName()));
        return kept;
    }
}
