package io.github.nnvizonnx.emit.render;

import io.github.nnvizonnx.emit.Diagram;
import java.util.List;

/** PNG rendered by Graphviz dot. */
public final class PngEmitter extends RenderedEmitter {
    /** The PNG format, drawn by Graphviz. */
    public PngEmitter() {
        super("png", "PNG rendered by Graphviz dot");
    }

    /** The resolution asked for: dot's own 72 dpi makes text blurry on today's screens. */
    @Override
    List<String> rendererOptions(Diagram diagram) {
        return List.of("-Gdpi=" + diagram.options().dpi());
    }
}
