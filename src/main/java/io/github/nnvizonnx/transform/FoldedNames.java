package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.Fold;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.ModuleTree;
import java.util.Optional;

/**
 * Names of modules that a fold removed: {@code encoder.layer.3.attention} is drawn as {@code encoder.layer.0.attention}
 * inside the fold {@code layer.0–5 ×6}, so a user naming the first finds the second.
 */
final class FoldedNames {
    private FoldedNames() {
    }

    /** The drawn module that stands for {@code userPath}, a module inside a folded-away member; empty for none. */
    static Optional<Module> find(ModuleTree tree, String userPath) {
        for (Module folded : tree.all()) {
            Fold fold = folded.fold();
            if (fold == null) {
                continue;
            }
            for (ModulePath member : fold.members().subList(1, fold.count())) {
                for (Module inside : tree.all()) {
                    if (folded.path().contains(inside.path())
                            && member.append(inside.path().relativeTo(folded.path())).matches(userPath)) {
                        return Optional.of(inside);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
