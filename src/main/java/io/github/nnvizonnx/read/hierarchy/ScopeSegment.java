package io.github.nnvizonnx.read.hierarchy;

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
}
