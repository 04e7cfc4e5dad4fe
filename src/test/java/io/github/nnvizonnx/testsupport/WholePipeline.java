package io.github.nnvizonnx.testsupport;

import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.DrawOptions;
import io.github.nnvizonnx.emit.Emitter;
import io.github.nnvizonnx.emit.Emitters;
import io.github.nnvizonnx.json.ModelJsonReader;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.read.InvalidModelException;
import io.github.nnvizonnx.read.ModelReader;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the CLI does with a file, many times over: read (ONNX or JSON), several views, every installed emitter,
 * and a check that each output is well formed for its consumer. Hostile input may only end in
 * {@link InvalidModelException}; any other exception, and any malformed output, is a bug.
 */
public final class WholePipeline {
    /** A model read from a file and the outputs of its default view, by format. */
    public record Drawn(ModelGraph model, Map<String, String> outputs) {
    }

    private WholePipeline() {
    }

    /** Reads and draws a file every way; throws InvalidModelException for a file that is not a model. */
    public static Drawn drawEverything(Path file, String hierarchy) {
        ModelGraph model = ModelReader.read(file, new OnnxReader.Options(hierarchy));
        Map<String, String> defaults = null;
        for (ViewOptions view : views(model)) {
            Map<String, String> outputs = emitAll(model, Views.apply(model, view));
            checkJsonRedrawsTheSame(outputs.get("json"), model, view);
            if (defaults == null) {
                defaults = outputs;
            }
        }
        return new Drawn(model, defaults);
    }

    /**
     * The default view first, then every level, one level, the first top-level module alone, and the deepest module
     * collapsed: the option combinations that take different paths through the transforms.
     */
    public static List<ViewOptions> views(ModelGraph model) {
        List<ViewOptions> views = new ArrayList<>(List.of(ViewOptions.defaults(), ViewOptions.everything(),
                new ViewOptions(1, List.of(), null, false)));
        List<Module> top = model.modules().children(ModulePath.ROOT);
        if (!top.isEmpty()) {
            views.add(new ViewOptions(null, List.of(), top.get(0).path().dotted(), true));
        }
        model.modules().all().stream().max(Comparator.comparingInt(m -> m.path().length()))
                .filter(m -> !m.path().isRoot())
                .ifPresent(m -> views.add(new ViewOptions(3, List.of(m.path().dotted()), null, false)));
        return views;
    }

    private static Map<String, String> emitAll(ModelGraph full, ModelGraph view) {
        Map<String, String> outputs = new LinkedHashMap<>();
        Diagram diagram = Diagram.view(view).from(full, DrawOptions.defaults());
        for (Emitter emitter : Emitters.installed()) {
            if (!OutputSyntax.covers(emitter.format())) {
                continue; // rendered pictures (svg, pdf, png) come from dot, checked by the rendering tests
            }
            StringBuilder out = new StringBuilder();
            try {
                emitter.write(diagram, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            OutputSyntax.check(emitter.format(), out.toString());
            outputs.put(emitter.format(), out.toString());
        }
        return outputs;
    }

    /** The JSON holds the whole model: drawing from it must give the very same Mermaid. */
    private static void checkJsonRedrawsTheSame(String json, ModelGraph model, ViewOptions view) {
        ModelGraph back = ModelJsonReader.read(new StringReader(json));
        String original = mermaid(model, view);
        String redrawn = mermaid(back, view);
        if (!original.equals(redrawn)) {
            throw new AssertionError("JSON round trip changes the drawing at " + view + ":\n" + original + "\n---\n"
                    + redrawn);
        }
    }

    private static String mermaid(ModelGraph model, ViewOptions view) {
        StringBuilder out = new StringBuilder();
        try {
            Emitters.byFormat("mermaid").orElseThrow().write(Diagram.view(Views.apply(model, view)).from(model,
                    DrawOptions.defaults()), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
