package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.model.DiffSummary;
import java.io.IOException;
import java.util.List;

/**
 * Mermaid inside a {@code ```mermaid} fence, ready to paste into (or be) a Markdown file that GitHub renders; for a
 * comparison of two models, with a table of what was added, removed and changed under it.
 */
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
        DiffSummary summary = diagram.changeSummary();
        if (summary != null) {
            writeTable(summary, out);
        }
    }

    private static void writeTable(DiffSummary summary, Appendable out) throws IOException {
        out.append('\n').append(cell(summary.oldName())).append(" → ").append(cell(summary.newName()))
                .append(summary.identical() ? ": identical\n" : "\n");
        out.append("\n| | added | removed | changed |\n|---|---:|---:|---:|\n");
        for (List<String> row : summary.rows()) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        out.append("| parameters | ").append(cell(summary.parameterText())).append(" | | |\n");
    }

    /** Text that cannot break the table or the Markdown around it. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("`", "\\`")
                .replace("*", "\\*").replace("_", "\\_");
    }
}
