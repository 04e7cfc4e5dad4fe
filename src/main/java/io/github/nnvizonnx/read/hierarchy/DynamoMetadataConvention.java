package io.github.nnvizonnx.read.hierarchy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dynamo-based exporter of torch 2.5 and later. Node names are flat ({@code node_Conv_0}); the hierarchy is in
 * each node's metadata_props: {@code pkg.torch.onnx.name_scopes} and {@code pkg.torch.onnx.class_hierarchy} (Python
 * list literals of qualified module names and classes, the root first), or else {@code namespace}, a '/'-separated
 * list of {@code name: qualified.Class} pairs. Both give class names. Both end with the node itself (its FX name and
 * op target), which is not a module: {@link DynamoOwnEntry} tells it apart.
 */
public final class DynamoMetadataConvention implements HierarchyConvention {
    static final String NAME_SCOPES = "pkg.torch.onnx.name_scopes";
    static final String CLASS_HIERARCHY = "pkg.torch.onnx.class_hierarchy";
    static final String NAMESPACE = "namespace";
    static final String FX_NODE = "pkg.torch.onnx.fx_node";

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
        // Nodes of one module have equal paths; sharing one instance lets the resolver handle each module once.
        Map<List<ScopeSegment>, List<ScopeSegment>> distinct = new HashMap<>();
        for (NodeView n : nodes) {
            List<ScopeSegment> withRoot = scopesFromRoot(n);
            boolean startsAtRoot = !withRoot.isEmpty() && withRoot.get(0).name().isEmpty();
            List<ScopeSegment> path = ScopeDepth.limit(startsAtRoot ? withRoot.subList(1, withRoot.size()) : withRoot);
            raw.add(distinct.computeIfAbsent(path, p -> p));
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
        List<ScopeSegment> entries = entries(node);
        boolean endsWithNode = DynamoOwnEntry.endsWithOwn(entries, node.metadata().get(FX_NODE));
        return endsWithNode ? entries.subList(0, entries.size() - 1) : entries;
    }

    /** All entries as written, the node's own included when the exporter wrote it. */
    private static List<ScopeSegment> entries(NodeView node) {
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

    /** {@code ": a.Root/layer1: b.Seq/x: aten.op"} → root, layer1, x (each pair a name and its class). */
    private static List<ScopeSegment> fromNamespace(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return List.of();
        }
        String[] pairs = namespace.split("/", -1);
        List<ScopeSegment> result = new ArrayList<>(pairs.length);
        for (String pair : pairs) {
            int colon = pair.indexOf(": ");
            String name = colon < 0 ? pair.strip() : pair.substring(0, colon).strip();
            String cls = colon < 0 ? null : pair.substring(colon + 2).strip();
            result.add(new ScopeSegment(name, cls == null || cls.isEmpty() ? null : cls));
        }
        return result;
    }
}
