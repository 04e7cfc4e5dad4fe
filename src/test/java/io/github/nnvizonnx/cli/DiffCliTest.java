package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.nnvizonnx.model.ChangeKind;
import io.github.nnvizonnx.testsupport.Graphviz;
import io.github.nnvizonnx.testsupport.HtmlExplorer;
import io.github.nnvizonnx.testsupport.MermaidRenderer;
import io.github.nnvizonnx.testsupport.RealModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code nnviz-onnx diff}: the float and the quantized all-MiniLM-L6-v2, in every format, and its errors. */
class DiffCliTest {
    private static final String OLD = RealModels.miniLm().toString();
    private static final String NEW = RealModels.miniLmQuantized().toString();

    @Test
    void printsTheCountsOnStderrAndTheDiagramOnStdout() {
        CommandRun run = CommandRun.of("diff", OLD, NEW, "--depth", "2");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("%%") || run.out().startsWith("flowchart"), run.out());
        String line = run.errLines().get(run.errLines().size() - 1);
        Matcher counts = Pattern.compile("modules: (\\d+) added, (\\d+) removed, (\\d+) changed; operations: (\\d+)"
                + " added, (\\d+) removed, (\\d+) changed; parameters: 22\\.7M → 22\\.6M").matcher(line);
        assertTrue(counts.find(), line);
        assertTrue(Integer.parseInt(counts.group(6)) >= 36, "the MatMuls changed to MatMulInteger: " + line);
    }

    @Test
    void aModelAgainstItselfSaysSoInOneLine() {
        CommandRun run = CommandRun.of("diff", OLD, OLD, "-o", "/dev/null", "--shapes", "declared");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("nnviz-onnx: all-minilm-l6-v2.onnx and all-minilm-l6-v2.onnx are identical"),
                run.errLines());
    }

    @Test
    void everyFormatCarriesTheMarks(@TempDir Path dir) throws Exception {
        Path mermaid = dir.resolve("diff.mmd");
        Path dot = dir.resolve("diff.dot");
        Path graphml = dir.resolve("diff.graphml");
        Path json = dir.resolve("diff.json");
        Path markdown = dir.resolve("diff.md");
        Path html = dir.resolve("diff.html");
        for (Path out : List.of(mermaid, dot, graphml, json, markdown, html)) {
            CommandRun run = CommandRun.of("diff", OLD, NEW, "--depth", "2", "-o", out.toString(), "-q",
                    "--shapes", "declared");
            assertEquals(0, run.code(), out + ": " + run.err());
        }
        String mmd = Files.readString(mermaid);
        for (String kind : List.of("added", "removed", "changed")) {
            assertTrue(mmd.contains("classDef diff_" + kind + " "), kind);
            assertTrue(Pattern.compile("\\n    class [a-z0-9_,]+ diff_" + kind + "\\n").matcher(mmd).find(),
                    kind);
        }
        String dotText = Files.readString(dot);
        assertTrue(dotText.contains("\"peripheries\"=\"2\""), "added: a doubled outline");
        assertTrue(dotText.contains("dashed") && dotText.contains("dotted"), "removed dashed, changed dotted");
        assertTrue(dotText.contains("removed (only in the old model)"), "the legend names the marks");

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(graphml.toFile());
        assertTrue(dataValues(xml, "change").containsAll(List.of("added", "removed", "changed")));

        JsonObject model = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        long removed = 0;
        for (JsonElement n : model.getAsJsonArray("nodes")) {
            JsonElement change = n.getAsJsonObject().get("change");
            boolean operation = n.getAsJsonObject().get("kind").getAsString().equals("operation");
            removed += operation && change != null && change.getAsString().equals("removed") ? 1 : 0;
        }
        JsonObject diff = model.getAsJsonObject("diff");
        assertEquals(diff.getAsJsonObject("operations").get("removed").getAsLong(), removed);

        // the explorer marks the nodes it carries (the model with glue hidden) as JSON marks the same operations
        java.util.Set<String> removedInJson = new java.util.HashSet<>();
        for (JsonElement n : model.getAsJsonArray("nodes")) {
            JsonObject node = n.getAsJsonObject();
            if (node.get("kind").getAsString().equals("operation") && node.has("change")
                    && node.get("change").getAsString().equals("removed")) {
                removedInJson.add(node.get("name").getAsString());
            }
        }
        JsonObject page = HtmlExplorer.embeddedModel(Files.readString(html));
        assertEquals(3, page.getAsJsonArray("changeLooks").size(), "added, removed, changed: drawn and in the legend");
        JsonObject pageNodes = page.getAsJsonObject("nodes");
        List<String> removedInPage = new java.util.ArrayList<>();
        for (int i = 0; i < pageNodes.getAsJsonArray("kind").size(); i++) {
            int kind = pageNodes.getAsJsonArray("change").get(i).getAsInt();
            int text = pageNodes.getAsJsonArray("changeText").get(i).getAsInt();
            assertEquals(kind < 0, text < 0, "a change has its label line");
            if (pageNodes.getAsJsonArray("kind").get(i).getAsInt() == 0 && kind == ChangeKind.REMOVED.ordinal()) {
                removedInPage.add(pageNodes.getAsJsonArray("name").get(i).getAsString());
            }
        }
        assertFalse(removedInPage.isEmpty(), "the pooler, which the quantized file lacks, is a ghost");
        assertTrue(removedInJson.containsAll(removedInPage), removedInPage + " within " + removedInJson);

        String md = Files.readString(markdown);
        assertTrue(md.contains("\n| | added | removed | changed |\n"), md);
        assertTrue(md.contains("\n| operations | "), md);
    }

    @Test
    @Tag("slow") // Chromium renders the Mermaid: left out of the quick tier (-Pquick)
    void theMarkedDrawingsRenderInGraphvizAndMermaid(@TempDir Path dir) throws Exception {
        Graphviz.require();
        Path dot = dir.resolve("diff.dot");
        assertEquals(0, CommandRun.of("diff", OLD, NEW, "-o", dot.toString(), "-q").code());
        Graphviz.Outcome outcome = Graphviz.run(dot, "svg", dir.resolve("diff.svg"));
        assertTrue(outcome.ok(), outcome.messages());
        assertFalse(outcome.messages().contains("Warning"), outcome.messages());

        Path mermaid = dir.resolve("mmd");
        Files.createDirectories(mermaid);
        assertEquals(0, CommandRun.of("diff", OLD, NEW, "--depth", "2", "-o",
                mermaid.resolve("diff.mmd").toString(), "-q").code());
        MermaidRenderer.RenderReport report = MermaidRenderer.renderAll(mermaid);
        assertTrue(report.failures().isEmpty(), report.failures().toString());

        // the formats laid out by Graphviz: TikZ styles and draw.io outlines per mark
        Path tikz = dir.resolve("diff.tex");
        Path drawio = dir.resolve("diff.drawio");
        for (Path out : List.of(tikz, drawio)) {
            assertEquals(0, CommandRun.of("diff", OLD, NEW, "--depth", "2", "-o", out.toString(), "-q",
                    "--shapes", "declared").code());
        }
        String tex = Files.readString(tikz);
        for (String kind : List.of("added", "removed", "changed")) {
            assertTrue(tex.contains("nnviz " + kind + "/.style={")
                    && Pattern.compile(", nnviz " + kind + "[,\\]]").matcher(tex).find(), kind);
        }
        assertTrue(tex.contains("$\\Delta$") && !tex.contains("U+394"), "Δ typeset, not spelled");
        String cells = Files.readString(drawio);
        assertTrue(cells.contains("strokeColor=#1a7f37") && cells.contains("strokeColor=#cf222e"), "added, removed");
    }

    @Test
    void aMissingModelIsOneLineAndExitCode1(@TempDir Path dir) {
        Path out = dir.resolve("diff.mmd");
        CommandRun run = CommandRun.of("diff", OLD, dir.resolve("missing.onnx").toString(), "-o", out.toString(),
                "-q");
        assertEquals(1, run.code());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("missing.onnx"), run.err());
        assertFalse(Files.exists(out), "no half-written output");
    }

    @Test
    void writingOverAComparedModelIsRefused() {
        CommandRun run = CommandRun.of("diff", OLD, NEW, "-o", NEW);
        assertEquals(2, run.code());
        assertTrue(run.err().contains("is a model compared"), run.err());
    }

    @Test
    void anUnknownLayerIsAUsageError() {
        CommandRun run = CommandRun.of("diff", OLD, NEW, "--layer", "decoder");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("no module named 'decoder'"), run.err());
    }

    private static List<String> dataValues(Document xml, String keyName) {
        String keyId = null;
        NodeList keys = xml.getElementsByTagName("key");
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            if (key.getAttribute("attr.name").equals(keyName) && key.getAttribute("for").equals("node")) {
                keyId = key.getAttribute("id");
            }
        }
        List<String> values = new java.util.ArrayList<>();
        NodeList data = xml.getElementsByTagName("data");
        for (int i = 0; i < data.getLength(); i++) {
            Element d = (Element) data.item(i);
            if (d.getAttribute("key").equals(keyId)) {
                values.add(d.getTextContent());
            }
        }
        return values;
    }
}
