package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.ModuleTree;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * {@code --depth auto}: how much of the hierarchy to open, chosen by a node budget. Everything starts collapsed under
 * the root; then modules are opened level by level from the top, the largest first within a level, as long as the
 * drawing stays within the budget (a module that does not fit stays closed while smaller ones may still open). Level
 * by level, because a figure shows the whole architecture at one grain before the inside of any one block (a
 * detection model's backbone, neck and heads before the backbone's blocks); largest first, because the large modules
 * are where the structure is. A fold counts once, so a stack of twelve layers is opened as one. Never opened
 * automatically: a module that must stay one node (named by {@code --collapse}, a black-box If/Loop/Scan, a whole
 * leaf), and a module whose inside is a mass of more than {@value #LOOSE_MASS} loose operations (the heads of a
 * detection model), which would fill the budget with glue rather than structure.
 */
final class DetailBudget {
    /** More loose operations than this directly inside one module is a mass, not structure. */
    static final int LOOSE_MASS = 30;

    private DetailBudget() {
    }

    /**
     * The modules to collapse: the closed modules directly inside opened ones. {@code named}: modules the user named,
     * whose ancestors are opened first, whatever the budget, so that they are seen.
     */
    static Set<ModulePath> closedModules(ModuleTree tree, ModuleScopes scopes, Set<ModulePath> keepClosed,
                                         Set<ModulePath> named, int maxNodes) {
        // ancestors of named modules first, then level by level from the top, the largest first within a level
        Set<ModulePath> mustOpen = ancestors(named);
        PriorityQueue<Module> candidates = new PriorityQueue<>(
                Comparator.comparing((Module m) -> !mustOpen.contains(m.path()))
                        .thenComparingInt(m -> m.path().length())
                        .thenComparingInt(m -> -scopes.nodesInside(m.path())));
        Set<ModulePath> closed = new LinkedHashSet<>();
        int drawn = scopes.nodesDirectlyIn(ModulePath.ROOT);
        for (Module child : populated(tree, scopes, ModulePath.ROOT)) {
            drawn++;
            closed.add(child.path());
            candidates.add(child);
        }
        while (!candidates.isEmpty()) {
            Module m = candidates.poll();
            boolean forced = mustOpen.contains(m.path());
            if (!forced && (keepClosed.contains(m.path()) || scopes.nodesDirectlyIn(m.path()) > LOOSE_MASS)) {
                continue;
            }
            List<Module> children = populated(tree, scopes, m.path());
            int added = scopes.nodesDirectlyIn(m.path()) + children.size() - 1;
            if (children.isEmpty() && added <= 0 || !forced && drawn + added > maxNodes) {
                // (a module around one node draws as that node: nothing to open)
                continue;
            }
            drawn += added;
            closed.remove(m.path());
            for (Module child : children) {
                closed.add(child.path());
                candidates.add(child);
            }
        }
        return closeWrappers(tree, scopes, closed, named);
    }

    /**
     * A module opened only to show one closed child (body.2 around its block) draws that child under the child's
     * name, often a bare container's (block (Sequential)): the module itself, closed, says more in the same one node.
     */
    private static Set<ModulePath> closeWrappers(ModuleTree tree, ModuleScopes scopes, Set<ModulePath> closed,
                                                 Set<ModulePath> named) {
        Set<ModulePath> result = new LinkedHashSet<>();
        for (ModulePath path : closed) {
            ModulePath shown = path;
            while (!shown.parent().isRoot() && !named.contains(shown) && scopes.nodesDirectlyIn(shown.parent()) == 0
                    && populated(tree, scopes, shown.parent()).size() == 1) {
                shown = shown.parent();
            }
            result.add(shown);
        }
        return result;
    }

    private static Set<ModulePath> ancestors(Set<ModulePath> paths) {
        Set<ModulePath> result = new LinkedHashSet<>();
        for (ModulePath path : paths) {
            for (ModulePath p = path.parent(); !p.isRoot(); p = p.parent()) {
                result.add(p);
            }
        }
        return result;
    }

    /** The child modules of {@code path} that hold nodes. */
    private static List<Module> populated(ModuleTree tree, ModuleScopes scopes, ModulePath path) {
        return tree.children(path).stream().filter(c -> scopes.nodesInside(c.path()) > 0).toList();
    }
}
