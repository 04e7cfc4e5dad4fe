package io.github.nnvizonnx.model;

/**
 * What differs about each part of a drawing of two compared models, computed once for every format: emitters ask
 * through {@code Diagram} and draw the answer each in its own way. {@link #NONE} for a drawing of one model.
 */
public interface ChangeMarks {
    /** No comparison: nothing is marked. */
    ChangeMarks NONE = new ChangeMarks() {
        @Override
        public Change ofNode(Node node) {
            return null;
        }

        @Override
        public Change ofBox(Module box) {
            return null;
        }

        @Override
        public Change ofModule(ModulePath path) {
            return null;
        }

        @Override
        public DiffSummary summary() {
            return null;
        }
    };

    /**
     * The change of a drawn node (an operation, an input or output, or a collapsed module summing up what changed
     * inside it), or null when it is the same in both models.
     */
    Change ofNode(Node node);

    /** The change of a module drawn as a box (a folded one sums up its members), or null. */
    Change ofBox(Module box);

    /**
     * The change of the module at {@code path} as a collapsed node would show it: added, removed, or what changed
     * inside it; null when nothing did. Runs of modules are folded only where it is equal.
     */
    Change ofModule(ModulePath path);

    /** The counts of the comparison, or null for a drawing of one model. */
    DiffSummary summary();

    /**
     * These marks for a drawing of the module {@code layer} alone, whose modules are drawn at paths relative to it
     * ({@code --layer}).
     */
    default ChangeMarks within(ModulePath layer) {
        return this;
    }
}
