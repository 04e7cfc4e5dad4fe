package io.github.nnvizonnx.read.hierarchy;

import java.util.ArrayList;
import java.util.List;

/**
 * The dynamo-based exporter of torch 2.5 and later. Node names are flat ({@code node_Conv_0}); the hierarchy is in
 * each node's metadata_props: {@code pkg.torch.onnx.name_scopes} and {@code pkg.torch.onnx.class_hierarchy} (Python
 * list literals of qualified module names and classes, the root first), or else {@code namespace}, a '/'-separated
 * list of {@code name: qualified.Class} pairs from the root down to the node itself. Both give class names.
 */
public final class DynamoMetadataConvention implements HierarchyConvention {
    static final String NAME_SCOPES = "pkg.torch.onnx.name_scopes";
    static final String CLASS_HIERARCHY = "pkg.torch.onnx.class_hierarchy";
    static final String NAMESPACE = "namespace";

    @Override
    public String name() {
        return "dynamo";
    }

    /** Whether a node carries this exporter's metadata. */
    static boolean hasMetadata(NodeView node) {
        return node.metadata().containsKey(NAME_SCOPES) || node.metadata().containsKey(NAMESPACE);
    }

    @Override
    public List<ScopeAssignment> assign(List<NodeView> nodes) {
        List<List<ScopeSegment>> raw = new ArrayList<>(nodes.size());
        for (NodeView n : nodes) {
            List<ScopeSegment> withRoot = scopesFromRoot(n);
            boolean startsAtRoot = !withRoot.isEmpty() && withRoot.get(0).name().isEmpty();
            raw.add(ScopeDepth.limit(startsAtRoot ? withRoot.subList(1, withRoot.size()) : withRoot));
        }
        List<List<ScopeSegment>> paths = TorchScopes.resolve(raw);
        List<ScopeAssignment> result = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            result.add(new ScopeAssignment(paths.get(i), nodes.get(i).name()));
        }
        return result;
    }

    @Override
    public String rootClassName(List<NodeView> nodes) {
        for (NodeView n : nodes) {
            List<ScopeSegment> scopes = scopesFromRoot(n);
            if (!scopes.isEmpty() && scopes.get(0).name().isEmpty() && scopes.get(0).qualifiedClassName() != null) {
                return scopes.get(0).qualifiedClassName();
            }
        }
        return null;
    }

    /** The node's enclosing modules, the root (empty name) first; empty when the node has no usable metadata. */
    static List<ScopeSegment> scopesFromRoot(NodeView node) {
        List<String> names = PythonListLiteral.parse(node.metadata().get(NAME_SCOPES));
        if (names != null && !names.isEmpty()) {
            List<String> classes = PythonListLiteral.parse(node.metadata().get(CLASS_HIERARCHY));
            List<ScopeSegment> result = new ArrayList<>(names.size());
            for (int i = 0; i < names.size(); i++) {
                String cls = classes != null && i < classes.size() ? classes.get(i) : null;
                result.add(new ScopeSegment(names.get(i), cls));
            }
            return result;
        }
        return fromNamespace(node.metadata().get(NAMESPACE));
    }

    /** {@code ": a.Root/layer1: b.Seq/node_x: aten.op"} → root, layer1 (the last pair is the node itself). */
    private static List<ScopeSegment> fromNamespace(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return List.of();
        }
        String[] pairs = namespace.split("/", -1);
        List<ScopeSegment> result = new ArrayList<>(pairs.length);
        for (int i = 0; i < pairs.length - 1; i++) {
            String pair = pairs[i];
            int colon = pair.indexOf(": ");
            String name = colon < 0 ? pair.strip() : pair.substring(0, colon).strip();
            String cls = colon < 0 ? null : pair.substring(colon + 2).strip();
            result.add(new ScopeSegment(name, cls == null || cls.isEmpty() ? null : cls));
        }
        return result;
    }
}
