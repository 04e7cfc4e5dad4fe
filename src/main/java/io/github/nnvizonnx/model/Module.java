package io.github.nnvizonnx.model;

import java.util.List;

/**
 * A box of the module tree. {@code className} is the short class name when known ({@code BasicBlock}),
 * {@code qualifiedClassName} the full one ({@code torchvision.models.resnet.BasicBlock}); both may be null.
 * {@code parameterCount} sums the weights attributed to this module and everything inside it. {@code fold}, when not
 * null, says that this module is drawn for a run of identical siblings (see {@link Fold}); its parameter count is
 * then the run's.
 */
public record Module(ModulePath path, String displayName, String className, String qualifiedClassName,
                     ModuleKind kind, long parameterCount, Fold fold) {

    /** A module that stands for itself alone (no fold). */
    public Module(ModulePath path, String displayName, String className, String qualifiedClassName, ModuleKind kind,
                  long parameterCount) {
        this(path, displayName, className, qualifiedClassName, kind, parameterCount, null);
    }

    /** The same module with {@code count} parameters. */
    public Module withParameterCount(long count) {
        return new Module(path, displayName, className, qualifiedClassName, kind, count, fold);
    }

    /** The same module with a class: its short and its qualified name. */
    public Module withClassName(String shortName, String qualifiedName) {
        return new Module(path, displayName, shortName, qualifiedName, kind, parameterCount, fold);
    }

    /** This module drawn for the run {@code run}, with the run's parameters. */
    public Module folded(Fold run, long runParameters) {
        return new Module(path, displayName, className, qualifiedClassName, kind, runParameters, run);
    }

    /** This module moved to {@code newPath} ({@code --layer} draws a module's inside with it as the root). */
    public Module at(ModulePath newPath) {
        return new Module(newPath, displayName, className, qualifiedClassName, kind, parameterCount, fold);
    }

    /** A name people recognise ({@link #ownTitle()}); for a fold, the range of its members ({@code layer.0–11}). */
    public String title() {
        return fold != null ? fold.rangeTitle() : ownTitle();
    }

    /**
     * This module's own name: the display name, but list items ({@code 0}, {@code 1}) get the names in front of them
     * up to the first that is not an index, as PyTorch writes them ({@code layer1.0}, {@code features.0.0}).
     */
    public String ownTitle() {
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
