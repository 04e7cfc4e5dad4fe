package io.github.nnvizonnx.emit.html;

import io.github.nnvizonnx.emit.AppendableWriter;
import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.Emitter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One self-contained HTML page that explores the model: it opens at the view the other formats draw, and its reader
 * expands and collapses modules and folded runs in place, searches, inspects operations, pans and zooms, and exports
 * the view as SVG or Mermaid. Everything is inline (the page fetches nothing); the whole model travels with it,
 * compressed ({@link ExplorerPage}).
 */
public final class HtmlEmitter implements Emitter {
    @Override
    public String format() {
        return "html";
    }

    @Override
    public String description() {
        return "interactive explorer in one offline HTML file (expand, search, inspect)";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of(".html", ".htm");
    }

    @Override
    public void write(Diagram diagram, Appendable out) throws IOException {
        Writer writer = AppendableWriter.of(out);
        ExplorerPage.write(diagram, writer);
        writer.flush();
    }
}
