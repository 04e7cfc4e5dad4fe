package io.github.nnvizonnx.read.hierarchy;

import java.util.List;
import java.util.Set;

/**
 * Whether the last entry of a node's dynamo scope list is the node itself rather than its innermost module. The
 * torch exporter (2.5 and later) ends {@code name_scopes}, {@code class_hierarchy} and {@code namespace} with the FX
 * node: its name ({@code conv2d}) and its target ({@code aten.conv2d.default}); a node outside every module gets
 * that entry alone, with no root {@code ''} before it. Other tools may stop at the innermost module instead. The
 * evidence is weighed strongest first:
 * <ol>
 * <li>{@code pkg.torch.onnx.fx_node} ({@code %conv2d : ...}) names the FX node: the entry is the node's own exactly
 * when its name is that one;</li>
 * <li>else, when the entry has a class, it is the node's own when that class is an operator target, not a module
 * class: a {@code <built-in ...>} repr, a torch operator namespace ({@code aten.}, {@code prims.}, ...) or an
 * overload named {@code default};</li>
 * <li>else by name: a module below another is named by its qualified path, which extends its parent's with a dot,
 * while an FX node name has no dot; a lone entry without the root is the node. Right below the root the name says
 * nothing, and the entry is kept as a module.</li>
 * </ol>
 */
final class DynamoOwnEntry {
    private static final Set<String> OPERATOR_NAMESPACES = Set.of("aten", "prims", "prim", "higher_order",
            "quantized", "quantized_decomposed", "onnx", "_c10d_functional", "c10d_functional", "_quantized");

    private DynamoOwnEntry() {
    }

    /** Whether {@code entries} (root first, as written) ends with the node's own entry; fxNode may be null. */
    static boolean endsWithOwn(List<ScopeSegment> entries, String fxNode) {
        if (entries.isEmpty()) {
            return false;
        }
        ScopeSegment last = entries.get(entries.size() - 1);
        if (last.name().isEmpty()) {
            return false; // the root itself
        }
        String fxName = fxNodeName(fxNode);
        if (fxName != null) {
            return last.name().equals(fxName);
        }
        if (last.qualifiedClassName() != null) {
            return isOperatorTarget(last.qualifiedClassName());
        }
        if (entries.size() == 1) {
            return true;
        }
        String parent = entries.get(entries.size() - 2).name();
        return !parent.isEmpty() && !last.name().startsWith(parent + ".");
    }

    /** {@code %conv2d : [num_users=1] = call_function[...]} → conv2d; null when the text is not of that form. */
    private static String fxNodeName(String fxNode) {
        if (fxNode == null || !fxNode.startsWith("%")) {
            return null;
        }
        int end = fxNode.indexOf(' ');
        return end > 1 ? fxNode.substring(1, end) : null;
    }

    private static boolean isOperatorTarget(String target) {
        if (target.startsWith("<") || target.endsWith(".default")) {
            return true;
        }
        int dot = target.indexOf('.');
        return dot > 0 && OPERATOR_NAMESPACES.contains(target.substring(0, dot));
    }
}
