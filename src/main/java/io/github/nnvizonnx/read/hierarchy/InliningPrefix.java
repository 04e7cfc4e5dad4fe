package io.github.nnvizonnx.read.hierarchy;

/**
 * The prefixes that converters put in front of the node names of a model they inline into another graph, removed so
 * that the exporter's scopes inside show again. Known forms:
 * <ul>
 *   <li>spox names an inlined model's nodes {@code <inline node>__<original name>}, where its own node names are
 *   {@code <OpType>_<i>} and, inside a body, carry the owner and attribute in front: {@code Inline_0__/stft/Conv},
 *   {@code If_0_else_branch__Inline_0__/stft/Conv};</li>
 *   <li>onnxscript's inliner (before it moved to onnx_ir) joined the call stack with {@code _} in front:
 *   {@code Block_0_/encoder/MatMul}.</li>
 * </ul>
 * Both leave a prefix without '/' that ends in '_' just before the first '/' of a torch-style name; spox's prefix is
 * also recognised before a name without a leading '/' (an inlined tf or flat model). onnx's C++ inliner and onnx_ir
 * append {@code __N} or {@code _N} at the end instead, which leaves the scope readable.
 */
public final class InliningPrefix {
    private static final String SPOX_INLINE = "Inline_";

    private InliningPrefix() {
    }

    /** {@code name} without a converter's inlining prefix; the same string when it has none. */
    public static String strip(String name) {
        if (name.isEmpty() || name.charAt(0) == '/') {
            return name; // the common case, a torch name as exported: nothing to look for
        }
        String rest = afterSpoxInline(name);
        int slash = rest.indexOf('/');
        if (slash >= 2 && rest.charAt(slash - 1) == '_') {
            return rest.substring(slash);
        }
        return rest;
    }

    /**
     * Where a converter's own node name starts inside a name without scope: spox names a node of a body
     * {@code If_0_then_branch__If_1}, and its own name is {@code If_1} ({@code <OpType>_<i>} after the last
     * {@code __}); 0 for any other name.
     */
    public static int ownNameStart(String name) {
        int cut = name.lastIndexOf("__");
        if (cut <= 0 || name.indexOf('/') >= 0) {
            return 0;
        }
        int start = cut + 2;
        int underscore = name.lastIndexOf('_');
        if (start >= name.length() || !Character.isLetter(name.charAt(start)) || underscore <= start
                || underscore == name.length() - 1) {
            return 0;
        }
        for (int i = underscore + 1; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return 0;
            }
        }
        return start;
    }

    /** What follows the last {@code Inline_<digits>__} that starts the name or follows {@code __}, before any '/'. */
    private static String afterSpoxInline(String name) {
        int slash = name.indexOf('/');
        int limit = slash < 0 ? name.length() : slash;
        int cut = 0;
        for (int at = name.indexOf(SPOX_INLINE); at >= 0 && at < limit; at = name.indexOf(SPOX_INLINE, at + 1)) {
            if (at != 0 && !(at >= 2 && name.startsWith("__", at - 2))) {
                continue;
            }
            int end = at + SPOX_INLINE.length();
            int digits = end;
            while (digits < limit && Character.isDigit(name.charAt(digits))) {
                digits++;
            }
            if (digits > end && name.startsWith("__", digits) && digits + 2 < name.length()) {
                cut = digits + 2;
            }
        }
        return cut == 0 ? name : name.substring(cut);
    }
}
