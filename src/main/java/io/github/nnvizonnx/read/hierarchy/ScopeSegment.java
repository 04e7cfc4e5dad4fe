package io.github.nnvizonnx.read.hierarchy;

import java.util.Objects;

/** One level of a node's module path: the module's display name and, when the file says, its class. */
public record ScopeSegment(String name, String qualifiedClassName) {
    /** A module level known by name only, without a class. */
    public static ScopeSegment named(String name) {
        return new ScopeSegment(name, null);
    }

    /** The class name without its package: {@code BasicBlock} for {@code torchvision.models.resnet.BasicBlock}. */
    public String className() {
        if (qualifiedClassName == null || qualifiedClassName.isEmpty()) {
            return null;
        }
        int dot = qualifiedClassName.lastIndexOf('.');
        return dot < 0 ? qualifiedClassName : qualifiedClassName.substring(dot + 1);
    }

    // equals and hashCode written out for start-up, with the generated values: see model.Dim.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ScopeSegment other && Objects.equals(name, other.name)
                && Objects.equals(qualifiedClassName, other.qualifiedClassName);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(name) + Objects.hashCode(qualifiedClassName);
    }
}
