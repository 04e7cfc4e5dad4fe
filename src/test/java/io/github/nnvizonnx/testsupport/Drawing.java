package io.github.nnvizonnx.testsupport;

import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.DrawOptions;
import io.github.nnvizonnx.emit.Emitters;
import io.github.nnvizonnx.emit.GithubFit;
import io.github.nnvizonnx.emit.MermaidEmitter;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Runs the library's stages the way the CLI does, for tests. */
public final class Drawing {
    private Drawing() {
    }

    public static String mermaid(ModelGraph model, ViewOptions view) {
        return draw("mermaid", model, view);
    }

    /** Mermaid as the command line writes it by default: --fit github lowers the depth to GitHub's limits. */
    public static String mermaidForGithub(ModelGraph model, ViewOptions view) {
        try {
            ModelGraph prepared = Views.prepare(model, view);
            GithubFit.Choice<ViewOptions> choice = GithubFit.choose(Views.fitCandidates(view, Views.maxDepth(model)),
                    v -> Diagram.view(Views.collapse(prepared, v)).from(model, DrawOptions.defaults()));
            StringBuilder out = new StringBuilder();
            new MermaidEmitter().write(choice.diagram(), out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String draw(String format, ModelGraph model, ViewOptions view) {
        StringBuilder out = new StringBuilder();
        try {
            Emitters.byFormat(format).orElseThrow()
                    .write(Diagram.view(Views.apply(model, view)).from(model, DrawOptions.defaults()), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
