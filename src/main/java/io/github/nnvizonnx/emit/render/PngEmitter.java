package io.github.nnvizonnx.emit.render;

/** PNG rendered by Graphviz dot. */
public final class PngEmitter extends RenderedEmitter {
    public PngEmitter() {
        super("png", "PNG rendered by Graphviz dot");
    }
}
