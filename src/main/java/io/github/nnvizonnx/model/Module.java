package io.github.nnvizonnx.model;

/**
 * A box of the module tree. {@code className} is the short class name when known ({@code BasicBlock}),
 * {@code qualifiedClassName} the full one ({@code torchvision.models.resnet.BasicBlock}); both may be null.
 * {@code parameterCount} sums the weights attributed to this module and everything inside it.
 */
public record Module(ModulePath path, String displayName, String className, String qualifiedClassName,
                     ModuleKind kind, long parameterCount) {

    public Module withParameterCount(long count) {
        return new Module(path, displayName, className, qualifiedClassName, kind, count);
    }

    public Module withClassName(String shortName, String qualifiedName) {
        return new Module(path, displayName, shortName, qualifiedName, kind, parameterCount);
    }

    /**
     * A name people recognise: the display name, but for list items ({@code 0}, {@code 1}) the parent's name is put
     * in front, as PyTorch writes it ({@code layer1.0}).
     */
    public String title() {
        boolean index = !displayName.isEmpty() && displayName.chars().allMatch(Character::isDigit);
        if (index && path.length() > 1) {
            return path.parent().last() + "." + displayName;
        }
        return displayName;
    }
}
