package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.read.hierarchy.ScopeSegment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Module paths are made once per path, with the classes their scopes name; repeated children are numbered. */
class ModuleRegistryTest {
    @Test
    void makesEachPathOnceAndKeepsItsFirstKnownClass() {
        ModuleRegistry registry = new ModuleRegistry();
        registry.addRoot("graph", "torch.nn.Model");
        List<ScopeSegment> first = List.of(new ScopeSegment("layer1", null), new ScopeSegment("conv", "torch.Conv2d"));
        List<ScopeSegment> sibling = List.of(new ScopeSegment("layer1", "torch.Sequential"),
                new ScopeSegment("relu", "torch.ReLU"));
        ModulePath conv = registry.ensureModules(ModulePath.ROOT, first);
        ModulePath relu = registry.ensureModules(ModulePath.ROOT, sibling);
        assertEquals(ModulePath.of("layer1", "conv"), conv);
        assertSame(conv.parent(), relu.parent(), "one instance per path");
        assertSame(conv, registry.ensureModules(ModulePath.ROOT, List.of(new ScopeSegment("layer1", null),
                new ScopeSegment("conv", "torch.Conv2d"))), "an equal list found again");

        List<Module> kept = registry.kept(Set.of(ModulePath.of("layer1"), conv), Map.of(conv, new long[] {5}));
        assertEquals(List.of(ModulePath.ROOT, ModulePath.of("layer1"), conv), kept.stream().map(Module::path).toList());
        assertEquals("Model", kept.get(0).className());
        assertEquals("Sequential", kept.get(1).className(), "a class named later fills a module made without one");
        assertEquals(5, kept.get(2).parameterCount());
        assertEquals(0, kept.get(1).parameterCount());
    }

    @Test
    void numbersRepeatedChildrenAsTorchDoes() {
        ModuleRegistry registry = new ModuleRegistry();
        registry.addRoot("graph", null);
        ModulePath first = registry.register(registry.uniqueChild(ModulePath.ROOT, "If"), "If", null,
                ModuleKind.CONTROL_FLOW);
        ModulePath second = registry.register(registry.uniqueChild(ModulePath.ROOT, "If"), "If", null,
                ModuleKind.CONTROL_FLOW);
        registry.register(ModulePath.of("If_2"), null, null, ModuleKind.BRANCH); // taken by another module
        ModulePath third = registry.uniqueChild(ModulePath.ROOT, "If");
        assertEquals(List.of(ModulePath.of("If"), ModulePath.of("If_1"), ModulePath.of("If_3")),
                List.of(first, second, third));
        assertEquals(ModulePath.of("?"), registry.uniqueChild(ModulePath.ROOT, ""));
    }
}
