package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.json.ModelJsonWriter;
import io.github.nnvizonnx.model.Fold;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The whole model as JSON (docs/json-format.md): every level, whatever was collapsed for drawing, so that
 * {@code nnviz-onnx model.json} redraws it at any depth. The view's collapsed modules are recorded alongside.
 */
public final class JsonEmitter implements Emitter {
    @Override
    public String format() {
        return "json";
    }

    @Override
    public String description() {
        return "the whole model as JSON (every level; nnviz-onnx can redraw from it)";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of(".json");
    }

    @Override
    public void write(Diagram diagram, Appendable out) throws IOException {
        List<ModulePath> collapsed = diagram.model().nodes(ModuleNode.class).stream()
                .map(m -> m.module().path()).toList();
        Writer writer = AppendableWriter.of(out);
        List<Fold> folds = diagram.model().modules().all().stream().map(Module::fold).filter(f -> f != null).toList();
        String direction = AutoDirection.resolve(diagram, Medium.SCREEN).options().direction().name();
        ModelJsonWriter.write(diagram.source(), collapsed, folds, direction, diagram.sourceChanges(), writer);
        writer.write('\n');
        writer.flush();
    }
}
