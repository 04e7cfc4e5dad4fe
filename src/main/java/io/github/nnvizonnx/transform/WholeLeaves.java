package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.ModuleTree;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Leaf modules drawn as one node at every finite depth, as torch.fx-based tools (NNViz among them) draw them: a module
 * with no child modules that is a framework's built-in layer ({@link BuiltinLayers}: a LayerNorm exported as nine
 * primitive operations is still one LayerNorm), or, when its class is unknown, that holds at most
 * {@value #SMALL_LEAF} nodes. A larger leaf of a custom or unknown class is opened as the depth allows.
 */
final class WholeLeaves {
    /** About a dozen: a decomposed norm or activation (≤ 10 operations), not a hand-written attention (20 and more). */
    static final int SMALL_LEAF = 12;

    private WholeLeaves() {
    }

    /** The leaves of {@code tree} to keep whole; {@code scopes} counts their nodes. */
    static Set<ModulePath> of(ModuleTree tree, ModuleScopes scopes) {
        Set<ModulePath> whole = new LinkedHashSet<>();
        for (Module m : tree.all()) {
            if (isWhole(m, tree, scopes)) {
                whole.add(m.path());
            }
        }
        return whole;
    }

    private static boolean isWhole(Module m, ModuleTree tree, ModuleScopes scopes) {
        if (m.path().isRoot() || !(m.kind() == ModuleKind.MODULE || m.kind() == ModuleKind.FUNCTION)
                || !tree.children(m.path()).isEmpty()) {
            return false;
        }
        if (m.className() == null) {
            return scopes.nodesInside(m.path()) <= SMALL_LEAF;
        }
        return BuiltinLayers.isBuiltin(m.className(), m.qualifiedClassName());
    }
}
