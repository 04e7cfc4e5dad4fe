package io.github.nnvizonnx.emit.render;

/** PNG rendered by Graphviz dot. */
public final class PngEmitter extends RenderedEmitter {
    /** The PNG format, drawn by Graphviz. */
    public PngEmitter() {
        super("png", "PNG rendered by Graphviz dot");
    }
}
