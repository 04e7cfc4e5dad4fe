package io.github.nnvizonnx.emit;

import java.io.IOException;
import java.util.List;

/** Mermaid inside a {@code ```mermaid} fence, ready to paste into (or be) a Markdown file that GitHub renders. */
public final class MarkdownEmitter implements Emitter {
    private final MermaidEmitter mermaid = new MermaidEmitter();

    @Override
    public String format() {
        return "markdown";
    }

    @Override
    public String description() {
        return "Mermaid in a Markdown code fence";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of(".md", ".markdown");
    }

    @Override
    public void write(Diagram diagram, Appendable out) throws IOException {
        out.append("```mermaid\n");
        mermaid.write(diagram, out);
        out.append("```\n");
    }
}
