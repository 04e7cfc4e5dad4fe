package io.github.nnvizonnx.emit.render;

/** PDF rendered by Graphviz dot (vector figures for papers). */
public final class PdfEmitter extends RenderedEmitter {
    /** The PDF format, drawn by Graphviz. */
    public PdfEmitter() {
        super("pdf", "PDF rendered by Graphviz dot (vector figures for papers)");
    }
}
