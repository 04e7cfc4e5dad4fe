package io.github.nnvizonnx.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.json.ModelJsonReader;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.Graphviz;
import io.github.nnvizonnx.testsupport.Networkx;
import io.github.nnvizonnx.testsupport.RealModels;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every backend-corpus model through DOT (checked by dot), GraphML (checked by networkx) and JSON (round trip). */
@Tag("slow") // the corpus through every emitter: left out of the quick tier (-Pquick)
class EmitterCorpusTest {
    private record Drawn(String name, ModelGraph view, Path dot, Path graphml) {
    }

    @Test
    void dotGraphmlAndJsonHoldForTheWholeCorpus() throws Exception {
        List<Path> models = RealModels.backendCorpus();
        Graphviz.require();
        Networkx.require();
        Path out = Files.createDirectories(ExternalTools.projectDir().resolve("target/emitter-corpus"));
        List<Drawn> drawn = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path model : models) {
            String name = RealModels.corpusName(model);
            ModelGraph graph = OnnxReader.read(model);
            ModelGraph view = Views.apply(graph, ViewOptions.defaults());
            Path dot = Files.writeString(out.resolve(name + ".dot"), Drawing.draw("dot", graph, ViewOptions.defaults()));
            Path graphml = Files.writeString(out.resolve(name + ".graphml"),
                    Drawing.draw("graphml", graph, ViewOptions.defaults()));
            drawn.add(new Drawn(name, view, dot, graphml));

            String json = Drawing.draw("json", graph, ViewOptions.defaults());
            ModelGraph back = ModelJsonReader.read(new StringReader(json));
            for (ViewOptions options : List.of(ViewOptions.defaults(), ViewOptions.everything())) {
                if (!Drawing.mermaid(back, options).equals(Drawing.mermaid(graph, options))) {
                    failures.add(name + ": JSON round trip changes the Mermaid at " + options);
                }
            }
        }
        Path svg = out.resolve("scratch.svg");
        for (Drawn d : drawn) {
            Graphviz.Outcome outcome = Graphviz.run(d.dot(), "svg", svg);
            if (!outcome.ok() || outcome.messages().contains("Error")) {
                failures.add(d.name() + ": dot -Tsvg: " + outcome.messages().strip());
            }
        }
        Map<String, Networkx.Loaded> loaded = Networkx.load(drawn.stream().map(Drawn::graphml).toList());
        for (Drawn d : drawn) {
            Networkx.Loaded g = loaded.get(d.graphml().toString());
            if (g == null || !g.ok()) {
                failures.add(d.name() + ": networkx: " + (g == null ? "no answer" : g.error()));
            } else if (g.nodes() != d.view().graph().vertexSet().size()
                    || g.edges() != d.view().graph().edgeSet().size()) {
                failures.add(d.name() + ": networkx sees " + g.nodes() + "/" + g.edges() + " nodes/edges, we drew "
                        + d.view().graph().vertexSet().size() + "/" + d.view().graph().edgeSet().size());
            }
        }
        assertEquals(List.of(), failures.stream().limit(20).toList());
        assertTrue(drawn.size() >= 1000);
    }
}
