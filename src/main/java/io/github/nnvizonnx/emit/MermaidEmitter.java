package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.TensorEdge;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mermaid flowcharts as GitHub renders them: one {@code subgraph} per module box, nested; Input and Output as
 * stadiums, operations as rectangles, collapsed modules as subroutine boxes, control flow as hexagons. Ids are our
 * own ({@code n12}, {@code s3}); every piece of text from the model goes through {@link MermaidText#label}.
 */
public final class MermaidEmitter implements Emitter {
    @Override
    public String format() {
        return "mermaid";
    }

    @Override
    public String description() {
        return "Mermaid flowchart (renders on GitHub)";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of(".mmd", ".mermaid");
    }

    @Override
    public void write(Diagram diagram, Appendable out) throws IOException {
        out.append("flowchart ").append(diagram.options().direction().name()).append('\n');
        Map<Node, String> ids = new HashMap<>();
        int[] boxCounter = {0};
        writeScope(diagram, ModulePath.ROOT, 1, ids, boxCounter, out);
        for (TensorEdge e : diagram.edges()) {
            String label = Labels.edge(e, diagram.options());
            out.append("    ").append(ids.get(diagram.source(e)));
            if (label.isEmpty()) {
                out.append(" --> ");
            } else {
                out.append(" -->|").append(MermaidText.label(label)).append("| ");
            }
            out.append(ids.get(diagram.target(e))).append('\n');
        }
    }

    private void writeScope(Diagram diagram, ModulePath scope, int level, Map<Node, String> ids, int[] boxCounter,
                            Appendable out) throws IOException {
        String indent = "    ".repeat(level);
        for (Node n : diagram.nodesDirectlyIn(scope)) {
            String id = "n" + ids.size();
            ids.put(n, id);
            out.append(indent).append(id).append(shape(n, label(n, diagram.ownModule(n), diagram.options()))).append('\n');
        }
        for (Module box : diagram.boxesIn(scope)) {
            out.append(indent).append("subgraph s").append(String.valueOf(boxCounter[0]++))
                    .append('[').append(MermaidText.label(Labels.boxTitle(box))).append("]\n");
            writeScope(diagram, box.path(), level + 1, ids, boxCounter, out);
            out.append(indent).append("end\n");
        }
    }

    private static String label(Node n, Module ownModule, DrawOptions options) {
        StringBuilder text = new StringBuilder(MermaidText.bold(Labels.title(n)));
        for (String line : Labels.details(n, ownModule, options)) {
            text.append(MermaidText.LINE_BREAK).append(MermaidText.escape(line));
        }
        return MermaidText.quote(text.toString());
    }

    private static String shape(Node n, String label) {
        if (n instanceof InputNode || n instanceof OutputNode) {
            return "([" + label + "])";
        }
        if (n instanceof ModuleNode m) {
            return m.module().kind() == ModuleKind.CONTROL_FLOW ? "{{" + label + "}}" : "[[" + label + "]]";
        }
        return "[" + label + "]";
    }
}
