package io.github.nnvizonnx.read;

import io.github.nnvizonnx.read.hierarchy.ScopeSegment;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The module scope of the node that owns a control-flow body, as its graph's convention placed it. Exporters name the
 * nodes of a body by their full scope (torch writes {@code /gate/lin/Gemm} inside the If of module {@code gate}),
 * while the body is drawn inside the owner's box already: the owner's part of such a path is dropped, or the body
 * would repeat its parent module. Paths that do not start with it (names relative to the body) are kept as they are.
 */
final class EnclosingScope {
    static final EnclosingScope NONE = new EnclosingScope(List.of());

    private final List<ScopeSegment> segments;
    /** By path list: nodes of one scope share their list, and {@code within} keeps them sharing the answer. */
    private final Map<List<ScopeSegment>, List<ScopeSegment>> within = new IdentityHashMap<>();

    private EnclosingScope(List<ScopeSegment> segments) {
        this.segments = segments;
    }

    /** {@code path} (a body node's) without this scope in front, compared by module names. */
    List<ScopeSegment> within(List<ScopeSegment> path) {
        if (segments.isEmpty()) {
            return path;
        }
        return within.computeIfAbsent(path, p -> startsWithThis(p) ? p.subList(segments.size(), p.size()) : p);
    }

    private boolean startsWithThis(List<ScopeSegment> path) {
        if (path.size() < segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            if (!path.get(i).name().equals(segments.get(i).name())) {
                return false;
            }
        }
        return true;
    }

    /** The scope of a body owned by a node at {@code ownerPath} (already {@link #within} this one). */
    EnclosingScope inside(List<ScopeSegment> ownerPath) {
        if (ownerPath.isEmpty()) {
            return this;
        }
        List<ScopeSegment> longer = new ArrayList<>(segments);
        longer.addAll(ownerPath);
        return new EnclosingScope(List.copyOf(longer));
    }
}
