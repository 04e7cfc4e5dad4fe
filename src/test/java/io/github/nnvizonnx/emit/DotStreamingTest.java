package io.github.nnvizonnx.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.bench.SyntheticModel;
import io.github.nnvizonnx.emit.style.Theme;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.HostileNames;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import io.github.nnvizonnx.testsupport.RealModels;
import io.github.nnvizonnx.testsupport.TorchExports;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming DOT emitter writes exactly what graphviz-java's serializer wrote for the same diagram. */
class DotStreamingTest {
    private static final List<ViewOptions> VIEWS = List.of(ViewOptions.defaults(), ViewOptions.everything(),
            new ViewOptions(1, List.of(), null, false), new ViewOptions(3, List.of(), null, true));

    @TempDir
    Path dir;

    private static void assertSame(ModelGraph model, ViewOptions view, DrawOptions options) throws IOException {
        Diagram diagram = new Diagram(model, Views.apply(model, view), options);
        StringBuilder streamed = new StringBuilder();
        new DotEmitter().write(diagram, streamed);
        assertEquals(GraphvizJavaDot.write(diagram), streamed.toString(), model.info().source() + " at " + view);
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
    void repeatedEdgesAndSyntheticLayers() throws IOException {
        // x consumed twice by one Mul, and twice more by an Add: identical parallel edges are written once.
        GraphProto.Builder graph = GraphProto.newBuilder().setName("g").addInput(OnnxBuilder.tensor("x", 2))
                .addOutput(OnnxBuilder.tensor("y", 2))
                .addNode(OnnxBuilder.node("/sq/Mul", "Mul", OnnxBuilder.in("x", "x"), "m"))
                .addNode(OnnxBuilder.node("/sq/Add", "Add", OnnxBuilder.in("m", "x"), "a"))
                .addNode(OnnxBuilder.node("/Add", "Add", OnnxBuilder.in("a", "x"), "y"));
        ModelGraph repeated = OnnxReader.read(OnnxBuilder.write(dir, "square.onnx", OnnxBuilder.model(graph)));
        Path synthetic = dir.resolve("synthetic.onnx");
        SyntheticModel.write(synthetic, 3);
        for (ModelGraph model : List.of(repeated, OnnxReader.read(synthetic))) {
            for (ViewOptions view : VIEWS) {
                assertSame(model, view, DrawOptions.defaults());
            }
        }
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
