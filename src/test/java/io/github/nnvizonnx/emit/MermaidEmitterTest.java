package io.github.nnvizonnx.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.HostileNames;
import io.github.nnvizonnx.testsupport.MermaidRenderer;
import io.github.nnvizonnx.transform.ViewOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow") // Chromium: left out of the quick tier (-Pquick)
class MermaidEmitterTest {
    @TempDir
    Path dir;

    @Test
    void escapeLeavesNoSyntaxOrMarkupCharacters() {
        for (String name : HostileNames.NAMES) {
            String escaped = MermaidText.escape(name);
            String outsideEntities = escaped.replaceAll("#\\d+;", "");
            assertTrue(outsideEntities.chars().noneMatch(c -> "\"<>[]{}|`\\\n%;&#".indexOf(c) >= 0), escaped);
            assertFalse(escaped.contains("-->"), escaped);
        }
        assertEquals("a#34;b", MermaidText.escape("a\"b"));
        assertEquals("#35;quot#59;", MermaidText.escape("#quot;"));
        assertEquals("layer1.0 conv_1 ×", MermaidText.escape("layer1.0 conv_1 ×"));
        assertEquals("#8238;", MermaidText.escape("\u202E"), "bidi controls are never raw");
    }

    @Test
    void themesLegendAndParametersRenderInMermaid11() throws IOException {
        ModelGraph model = OnnxReader.read(io.github.nnvizonnx.testsupport.RealModels.miniLm());
        Path out = Files.createDirectories(dir.resolve("themes"));
        for (io.github.nnvizonnx.emit.style.Theme theme : io.github.nnvizonnx.emit.style.Theme.values()) {
            DrawOptions options = new DrawOptions(Direction.TB, theme.style().with("params", "true"), true);
            StringBuilder text = new StringBuilder();
            new MermaidEmitter().write(Diagram.view(io.github.nnvizonnx.transform.Views.apply(model,
                    ViewOptions.defaults())).from(model, options), text);
            assertTrue(text.toString().contains("classDef fam_linear"), "colours by op family");
            assertTrue(text.toString().contains("params ("), "parameter share on nodes");
            Files.writeString(out.resolve(theme.name().toLowerCase() + ".mmd"), text);
        }
        MermaidRenderer.RenderReport report = MermaidRenderer.renderAll(out);
        assertEquals(3, report.results().size());
        assertEquals(java.util.List.of(), report.failures());
        assertTrue(report.results().stream().allMatch(r -> r.clusters() >= 4), "module boxes and the legend");
    }

    @Test
    void emptyNamesAndOpTypesStillRender() {
        var g = io.github.nnvizonnx.proto.Onnx.GraphProto.newBuilder()
                .addInput(io.github.nnvizonnx.testsupport.OnnxBuilder.tensor("x", 1))
                .addOutput(io.github.nnvizonnx.testsupport.OnnxBuilder.tensor("y", 1))
                .addNode(io.github.nnvizonnx.testsupport.OnnxBuilder.node("", "", new String[] {"x"}, "y"));
        ModelGraph model = OnnxReader.read(io.github.nnvizonnx.testsupport.OnnxBuilder.write(dir, "empty.onnx",
                io.github.nnvizonnx.testsupport.OnnxBuilder.model(g)));
        MermaidRenderer.Result result = MermaidRenderer.renderOne(Drawing.mermaid(model, ViewOptions.defaults()));
        assertTrue(result.ok(), result.error());
        assertEquals(3, result.nodes());
    }

    @Test
    void hostileNamesRenderAsTextInMermaid11() throws IOException {
        ModelGraph model = OnnxReader.read(HostileNames.model(dir));
        String mermaid = Drawing.mermaid(model, ViewOptions.everything());
        for (String line : mermaid.split("\n")) {
            assertFalse(line.trim().startsWith("click") || line.trim().startsWith("%%"), line);
        }
        Path out = Files.createDirectories(dir.resolve("render"));
        Files.writeString(out.resolve("hostile.mmd"), mermaid);
        MermaidRenderer.RenderReport report = MermaidRenderer.renderAll(out, true);
        MermaidRenderer.Result result = report.result("hostile.mmd");
        assertTrue(result.ok(), result.error() + "\n" + mermaid);
        assertEquals(HostileNames.NAMES.size(), result.clusters(), "one box per hostile module name");
        assertEquals(model.graph().vertexSet().size(), result.nodes());
        String svg = Files.readString(out.resolve("hostile.svg"));
        assertFalse(svg.contains("<script"), "no script element");
        assertFalse(svg.contains("<img"), "no injected image element");
        assertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name shows as text");
        assertTrue(svg.contains("click n1 call alert()"), "the click directive shows as text");
    }
}
