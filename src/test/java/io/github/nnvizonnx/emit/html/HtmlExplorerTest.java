package io.github.nnvizonnx.emit.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.nnvizonnx.api.Drawing;
import io.github.nnvizonnx.api.Nnviz;
import io.github.nnvizonnx.bench.SyntheticModel;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.shapes.ShapeMode;
import io.github.nnvizonnx.testsupport.ConvertedModels;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.HostileNames;
import io.github.nnvizonnx.testsupport.HtmlExplorer;
import io.github.nnvizonnx.testsupport.RealModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages of real models driven in headless Chromium with every request blocked: they draw the view the other formats
 * draw, a click opens a closed module, the "×N" badge opens a folded run, a search finds an operation inside a
 * closed module, hovering an operation shows its tensors' shapes, the view exports as SVG and Mermaid, and nothing
 * logs an error or asks the network. Screenshots are left in {@code target/html-screenshots} to look at.
 */
@Tag("slow") // Chromium, and real models converted or generated
class HtmlExplorerTest {
    @TempDir
    Path dir;

    @Test
    void miniLm() throws IOException {
        JsonObject report = explore(Nnviz.read(RealModels.miniLm()).shapes(ShapeMode.RUN).format("html").draw(),
                "minilm");
        assertNotNull(report.get("fold"), "MiniLM's six layers are folded");
        assertTrue(report.getAsJsonObject("hover").get("info").getAsString().contains("batch×"),
                "the measured shapes, with the model's symbols: " + report.get("hover"));
    }

    @Test
    void torchvisionDetectionModel() throws IOException {
        Path onnx = ConvertedModels.get("fasterrcnn_mobilenet_v3_large_fpn", null);
        explore(Nnviz.read(onnx).format("html").draw(), "fasterrcnn");
    }

    @Test
    void syntheticModelOfAHundredThousandOperations() throws IOException {
        Path onnx = dir.resolve("bert-100k.onnx");
        SyntheticModel.write(onnx, SyntheticModel.layersFor(100_000));
        JsonObject report = explore(Nnviz.read(onnx).format("html").draw(), "bert-100k");
        assertNotNull(report.get("fold"), "its 2,083 layers are folded, and open ten at a time");
    }

    @Test
    void hostileNamesStayText() throws IOException {
        Drawing drawing = Nnviz.read(HostileNames.model(dir)).format("html").draw();
        JsonObject report = explore(drawing, "hostile");
        String hovered = report.getAsJsonObject("hover").get("info").getAsString();
        assertTrue(hovered.contains("quote\"d"), "the first operation's hostile type, shown as text: " + hovered);
    }

    /** Writes the page, drives it, and checks what every page must do; returns the report for more checks. */
    private JsonObject explore(Drawing drawing, String name) throws IOException {
        Path page = dir.resolve(name + ".html");
        drawing.writeTo(page);
        Path screenshots = ExternalTools.projectDir().resolve("target/html-screenshots");
        Files.createDirectories(screenshots);
        String target = operationInsideAClosedModule(drawing);
        JsonObject report = HtmlExplorer.explore(page, target, screenshots.resolve(name + ".png"));

        assertTrue(report.get("ready").getAsBoolean());
        assertEquals(0, report.getAsJsonArray("consoleErrors").size(), "console errors: " + report);
        assertEquals(0, report.getAsJsonArray("pageErrors").size(), "page errors: " + report);
        assertEquals(0, report.getAsJsonArray("requests").size(), "network requests: " + report);
        assertEquals(0, report.get("foreignElements").getAsInt(), "elements made from model text");
        assertEquals(drawing.diagram().nodes().size(), count(report, "drawn", "nodes"),
                "opens at the view the other formats draw");

        JsonObject expand = report.getAsJsonObject("expand");
        assertTrue(expand.get("boxShown").getAsBoolean(), "the module clicked is drawn open: " + expand);
        assertTrue(count(expand, "after", "nodes") > count(expand, "before", "nodes")
                || count(expand, "after", "boxes") > count(expand, "before", "boxes"), "" + expand);
        if (report.has("fold") && !report.get("fold").isJsonNull()) {
            JsonObject fold = report.getAsJsonObject("fold");
            assertTrue(count(fold, "after", "nodes") > count(fold, "before", "nodes"), "the run opened: " + fold);
        }
        JsonObject search = report.getAsJsonObject("search");
        assertTrue(search.get("highlighted").getAsInt() >= 1, "a hit drawn and highlighted: " + search);
        assertTrue(search.get("info").getAsString().contains(target), "the first hit selected: " + search);
        assertHoverShowsShapes(drawing.diagram().explorable(), report.getAsJsonObject("hover"));
        JsonObject export = report.getAsJsonObject("export");
        assertTrue(export.get("svgParses").getAsBoolean(), "the SVG export is an SVG document");
        assertTrue(export.get("mermaid").getAsString().startsWith("flowchart "), "the Mermaid export");
        return report;
    }

    /** The name of an operation the view does not draw, inside the first closed module that holds one. */
    private static String operationInsideAClosedModule(Drawing drawing) {
        ModelGraph explorable = drawing.diagram().explorable();
        for (ModuleNode closed : drawing.diagram().model().nodes(ModuleNode.class)) {
            for (OperationNode op : explorable.nodes(OperationNode.class)) {
                if (closed.module().path().contains(op.scope()) && !op.name().isEmpty()) {
                    return op.name();
                }
            }
        }
        throw new AssertionError("the view closes no module");
    }

    /** The details shown on hovering name the shape of one of the node's tensors, when one is known. */
    private static void assertHoverShowsShapes(ModelGraph explorable, JsonObject hover) {
        assertNotNull(hover, "an operation is drawn");
        Node node = new ArrayList<>(explorable.nodes()).get(hover.get("index").getAsInt());
        List<TensorEdge> tensors = new ArrayList<>(explorable.graph().incomingEdgesOf(node));
        tensors.addAll(explorable.graph().outgoingEdgesOf(node));
        List<String> shapes = tensors.stream().filter(e -> e.tensor().shape() != null)
                .map(e -> e.tensor().shape().compact()).toList();
        String info = hover.get("info").getAsString();
        assertFalse(info.isBlank());
        if (!shapes.isEmpty()) {
            assertTrue(shapes.stream().anyMatch(info::contains), "shapes " + shapes + " in " + info);
        }
    }

    private static int count(JsonObject report, String part, String what) {
        return report.getAsJsonObject(part).get(what).getAsInt();
    }
}
