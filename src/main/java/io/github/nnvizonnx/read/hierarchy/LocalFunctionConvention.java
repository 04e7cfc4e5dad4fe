package io.github.nnvizonnx.read.hierarchy;

import java.util.List;

/**
 * The hierarchy lies in the model-local functions alone (torch's {@code export_modules_as_functions=True} writes one
 * function per module class, e.g. domain {@code torchvision.models.resnet}, name {@code BasicBlock}): names carry no
 * scope, and each call is a module whose class is the function's name and whose inside is the function's body, where
 * calls nest in turn. The reader expands the calls; this convention places every node of a graph at its root.
 */
public final class LocalFunctionConvention implements HierarchyConvention {
    private final FlatConvention names = new FlatConvention();

    @Override
    public String name() {
        return "functions";
    }

    @Override
    public boolean callsAreModules() {
        return true;
    }

    @Override
    public List<ScopeAssignment> assign(List<NodeView> nodes) {
        return names.assign(nodes);
    }
}
