package io.github.nnvizonnx.api;

import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.DrawOptions;
import io.github.nnvizonnx.model.ChangeMarks;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.transform.ViewOptions;
import java.util.function.Supplier;

/**
 * The marks of a comparison carried through the view: runs of blocks fold only where their changes are equal, and
 * each diagram gets the marks read at its view's paths ({@code --layer} draws paths relative to the layer). For a
 * drawing of one model, {@link ChangeMarks#NONE}: nothing is kept apart and nothing marked.
 */
final class Marking {
    private final ModelGraph full;
    private final ChangeMarks marks;

    Marking(ModelGraph full, ChangeMarks marks) {
        this.full = full;
        this.marks = marks;
    }

    /** What keeps a module from folding with siblings of another: its change, by its path in the whole model. */
    Object foldGroup(ModulePath path) {
        return marks.ofModule(path);
    }

    /** The diagram of {@code drawnView}, made at {@code view} from the whole model, with the marks. */
    Diagram diagram(ModelGraph drawnView, ViewOptions view, DrawOptions style) {
        return diagram(drawnView, view, style, null);
    }

    /**
     * {@link #diagram(ModelGraph, ViewOptions, DrawOptions)} whose {@link Diagram#explorable()} is
     * {@code explorable} (null: the whole model).
     */
    Diagram diagram(ModelGraph drawnView, ViewOptions view, DrawOptions style, Supplier<ModelGraph> explorable) {
        ChangeMarks atView = marks;
        if (view.layer() != null && marks != ChangeMarks.NONE) {
            atView = marks.within(full.modules().find(view.layer()).map(Module::path).orElse(ModulePath.ROOT));
        }
        Diagram.ViewOf drawn = Diagram.view(drawnView).marked(atView);
        if (explorable != null) {
            drawn.explorable(explorable);
        }
        return drawn.from(full, style);
    }
}
