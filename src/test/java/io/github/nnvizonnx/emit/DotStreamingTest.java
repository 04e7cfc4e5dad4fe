package io.github.nnvizonnx.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.bench.SyntheticModel;
import io.github.nnvizonnx.emit.style.Theme;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.Graphviz;
import io.github.nnvizonnx.testsupport.HostileNames;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import io.github.nnvizonnx.testsupport.RealModels;
import io.github.nnvizonnx.testsupport.TorchExports;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming DOT emitter writes exactly what graphviz-java's serializer wrote for the same diagram, except that it
 * keeps every edge where graphviz-java wrote identical parallel edges (same ends, same label) once.
 */
@Tag("slow") // large synthetic models: left out of the quick tier (-Pquick)
class DotStreamingTest {
    private static final Pattern TITLE_LINK_OR_LEGEND =
            Pattern.compile("(?m)^(?:\"t\\d+\" -> \"[nt]\\d+\" \\[\"style\"=\"invis\",.*|graph \\[\"label\"=<<TABLE.*)\n");
    private static final Pattern EDGE_LINE = Pattern.compile("(?m)^\"n\\d+\" -> \"n\\d+\"");

    private static final List<ViewOptions> VIEWS = List.of(ViewOptions.defaults(), ViewOptions.everything(),
            new ViewOptions(1, List.of(), null, false), new ViewOptions(3, List.of(), null, true));

    @TempDir
    Path dir;

    private static void assertSame(ModelGraph model, ViewOptions view, DrawOptions options) throws IOException {
        Diagram diagram = Diagram.view(Views.apply(model, view)).from(model, options);
        StringBuilder streamed = new StringBuilder();
        new DotEmitter().write(diagram, streamed);
        String where = model.info().source() + " at " + view;
        assertEquals(diagram.edges().size(), edgeLines(streamed), "every edge is drawn: " + where);
        if (!hasIdenticalParallelEdges(diagram)) { // the only case where graphviz-java's text is not the reference
            assertEquals(GraphvizJavaDot.write(diagram), withoutTitleLinksAndLegend(streamed.toString()), where);
        }
    }

    /**
     * The streamed text without what the reference leaves out: the invisible edges holding box titles in place and
     * the legend label, both written after the edges, where graphviz-java would have ordered them otherwise.
     */
    private static String withoutTitleLinksAndLegend(String dot) {
        return TITLE_LINK_OR_LEGEND.matcher(dot).replaceAll("");
    }

    private static boolean hasIdenticalParallelEdges(Diagram diagram) {
        Set<List<Object>> seen = new HashSet<>();
        for (TensorEdge e : diagram.edges()) {
            if (!seen.add(List.of(diagram.source(e), diagram.target(e), Labels.edge(diagram, e)))) {
                return true;
            }
        }
        return false;
    }

    private static long edgeLines(CharSequence dot) {
        return EDGE_LINE.matcher(dot).results().count();
    }

    @Test
    void realModelsInEveryStyle() throws IOException {
        inEveryStyle(List.of(OnnxReader.read(ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx")),
                OnnxReader.read(ExternalTools.projectDir().resolve("testdata/nnviz_intro_functions.onnx")),
                OnnxReader.read(RealModels.miniLm()), OnnxReader.read(HostileNames.model(dir))));
    }

    @Test
    void resnet18InEveryStyle() throws IOException {
        inEveryStyle(List.of(OnnxReader.read(TorchExports.resnet18())));
    }

    private static void inEveryStyle(List<ModelGraph> models) throws IOException {
        List<DrawOptions> styles = List.of(DrawOptions.defaults(),
                new DrawOptions(Direction.TB, Theme.byName("paper").style(), true),
                new DrawOptions(Direction.LR, Theme.byName("dark").style().with(List.of("params=true",
                        "background=#102030", "shapes=false", "boxes=false")), true));
        for (ModelGraph model : models) {
            for (ViewOptions view : VIEWS) {
                for (DrawOptions style : styles) {
                    assertSame(model, view, style);
                }
            }
        }
    }

    @Test
    void syntheticLayers() throws IOException {
        Path synthetic = dir.resolve("synthetic.onnx");
        SyntheticModel.write(synthetic, 3);
        ModelGraph model = OnnxReader.read(synthetic);
        for (ViewOptions view : VIEWS) {
            assertSame(model, view, DrawOptions.defaults());
        }
    }

    @Test
    void parallelEdgesAreAllDrawnAndDotAcceptsThem() throws Exception {
        // Split makes two tensors of one shape and Add takes both: two edges between the same two nodes. And x is
        // consumed twice by one Mul and once more by each Add.
        GraphProto.Builder graph = GraphProto.newBuilder().setName("g").addInput(OnnxBuilder.tensor("x", 2, 4))
                .addOutput(OnnxBuilder.tensor("y", 2, 2))
                .addValueInfo(OnnxBuilder.tensor("a", 2, 2)).addValueInfo(OnnxBuilder.tensor("b", 2, 2))
                .addNode(OnnxBuilder.node("/sq/Mul", "Mul", OnnxBuilder.in("x", "x"), "m"))
                .addNode(OnnxBuilder.node("/sq/Add", "Add", OnnxBuilder.in("m", "x"), "s"))
                .addNode(OnnxBuilder.node("/Split", "Split", OnnxBuilder.in("s"), "a", "b"))
                .addNode(OnnxBuilder.node("/Add", "Add", OnnxBuilder.in("a", "b"), "y"));
        ModelGraph model = OnnxReader.read(OnnxBuilder.write(dir, "parallel.onnx", OnnxBuilder.model(graph)));
        for (ViewOptions view : VIEWS) {
            Diagram diagram = Diagram.view(Views.apply(model, view)).from(model, DrawOptions.defaults());
            StringBuilder dot = new StringBuilder();
            new DotEmitter().write(diagram, dot);
            assertEquals(diagram.edges().size(), edgeLines(dot), view + "\n" + dot);
        }
        Diagram everything = Diagram.view(Views.apply(model, ViewOptions.everything())).from(model, DrawOptions.defaults());
        StringBuilder dot = new StringBuilder();
        new DotEmitter().write(everything, dot);
        assertTrue(hasIdenticalParallelEdges(everything), "the model has what this test is about");
        assertEquals(model.graph().edgeSet().size(), edgeLines(dot), dot.toString());
        List<String> lines = EDGE_LINE.matcher(dot).results().map(MatchResult::group).toList();
        assertTrue(new HashSet<>(lines).size() < lines.size(), "Split -> Add twice:\n" + dot);

        Graphviz.require();
        Path dotFile = Files.writeString(dir.resolve("parallel.dot"), dot);
        Path svg = dir.resolve("parallel.svg");
        Graphviz.Outcome outcome = Graphviz.run(dotFile, "svg", svg);
        assertTrue(outcome.ok(), outcome.messages());
        assertEquals(model.graph().edgeSet().size(),
                Pattern.compile("class=\"edge\"").matcher(Files.readString(svg)).results().count(),
                "dot draws each edge");
    }

    @Test
    void backendCorpus() throws IOException {
        int drawn = 0;
        for (Path file : RealModels.backendCorpus()) {
            ModelGraph model = OnnxReader.read(file);
            for (ViewOptions view : List.of(ViewOptions.defaults(), ViewOptions.everything())) {
                assertSame(model, view, DrawOptions.defaults());
                drawn++;
            }
        }
        assertTrue(drawn >= 2000);
    }
}
