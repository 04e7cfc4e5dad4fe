package io.github.nnvizonnx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index of modules by depth answers as {@link ModuleTree#depth} does, module by module. */
class ModuleTreeTest {
    @Test
    void modulesAtEachDepthAreThoseOfThatDepthInTreeOrder() {
        Random random = new Random(11);
        ModuleKind[] kinds = ModuleKind.values();
        for (int round = 0; round < 30; round++) {
            List<Module> modules = new ArrayList<>();
            List<ModulePath> paths = new ArrayList<>(List.of(ModulePath.ROOT));
            for (int i = random.nextInt(40); i > 0; i--) {
                ModulePath parent = paths.get(random.nextInt(paths.size()));
                ModulePath path = parent.child("m" + i);
                paths.add(path);
                modules.add(new Module(path, "m" + i, null, null, kinds[random.nextInt(kinds.length)], 0));
            }
            ModuleTree tree = new ModuleTree(modules);
            int deepest = 0;
            for (Module m : tree.all()) {
                deepest = Math.max(deepest, tree.depth(m.path()));
            }
            assertEquals(deepest, tree.maxDepth());
            int listed = 0;
            for (int depth = -1; depth <= deepest + 1; depth++) {
                List<Module> expected = new ArrayList<>();
                for (Module m : tree.all()) {
                    if (tree.depth(m.path()) == depth) {
                        expected.add(m);
                    }
                }
                assertEquals(expected, tree.atDepth(depth), "depth " + depth);
                listed += expected.size();
            }
            assertEquals(tree.size(), listed, "every module is at one depth");
            assertTrue(tree.atDepth(0).contains(tree.root()));
        }
    }
}
