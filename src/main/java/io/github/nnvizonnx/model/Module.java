package io.github.nnvizonnx.model;

import java.util.List;

/**
 * A box of the module tree. {@code className} is the short class name when known ({@code BasicBlock}),
 * {@code qualifiedClassName} the full one ({@code torchvision.models.resnet.BasicBlock}); both may be null.
 * {@code parameterCount} sums the weights attributed to this module and everything inside it.
 */
public record Module(ModulePath path, String displayName, String className, String qualifiedClassName,
                     ModuleKind kind, long parameterCount) {

    /** The same module with {@code count} parameters. */
    public Module withParameterCount(long count) {
        return new Module(path, displayName, className, qualifiedClassName, kind, count);
    }

    /** The same module with a class: its short and its qualified name. */
    public Module withClassName(String shortName, String qualifiedName) {
        return new Module(path, displayName, shortName, qualifiedName, kind, parameterCount);
    }

    /**
     * A name people recognise: the display name, but list items ({@code 0}, {@code 1}) get the names in front of them
     * up to the first that is not an index, as PyTorch writes them ({@code layer1.0}, {@code features.0.0}).
     */
    public String title() {
        List<String> segments = path.segments();
        int first = segments.size() - 1;
        while (first > 0 && isIndex(segments.get(first))) {
            first--;
        }
        return first < 0 || first == segments.size() - 1 ? displayName
                : String.join(".", segments.subList(first, segments.size()));
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }
}
