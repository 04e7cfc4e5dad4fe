package io.github.nnvizonnx.emit.render;

/** SVG rendered by Graphviz dot (figures, web pages). */
public final class SvgEmitter extends RenderedEmitter {
    /** The SVG format, drawn by Graphviz. */
    public SvgEmitter() {
        super("svg", "SVG rendered by Graphviz dot (figures, web pages)");
    }
}
