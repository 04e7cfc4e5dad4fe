package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.internal.io.AtomicFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.json.ModelJsonReader;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.read.ModelReader;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.Graphviz;
import io.github.nnvizonnx.testsupport.HostileNames;
import io.github.nnvizonnx.testsupport.MermaidRenderer;
import io.github.nnvizonnx.testsupport.OutputSyntax;
import io.github.nnvizonnx.testsupport.WholePipeline;
import io.github.nnvizonnx.transform.ViewOptions;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Every name of {@link HostileNames} in every output format: the output still parses for its real consumer (mermaid
 * with securityLevel strict, dot, an XML parser, a JSON parser) and shows the name as text, never as markup,
 * directive or script.
 */
@Tag("slow") // Chromium and Graphviz: left out of the quick tier (-Pquick)
class HostileNamesTest {
    /** Labels are clipped; this much of a name is always shown. */
    private static final int SHOWN = 40;

    @TempDir
    Path dir;

    private ModelGraph model;

    @BeforeEach
    void readHostileModel() {
        model = OnnxReader.read(HostileNames.model(dir));
    }

    @Test
    void everyFormatIsWellFormedInEveryView() {
        for (ViewOptions view : WholePipeline.views(model)) {
            for (Emitter emitter : Emitters.installed()) {
                if (OutputSyntax.covers(emitter.format())) { // svg/pdf/png: see DotAndGraphmlTest and RenderTest
                    OutputSyntax.check(emitter.format(), Drawing.draw(emitter.format(), model, view));
                }
            }
        }
    }

    @Test
    void mermaidAndMarkdownRenderInStrictModeShowingEveryName() throws Exception {
        String mermaid = Drawing.mermaid(model, ViewOptions.everything());
        String markdown = Drawing.draw("markdown", model, ViewOptions.everything());
        assertEquals(2, markdown.lines().filter(l -> l.startsWith("```")).count(), "one fence, never broken");
        String fenced = markdown.substring("```mermaid\n".length(), markdown.length() - "```\n".length());
        assertEquals(mermaid, fenced);

        Path out = Files.createDirectories(dir.resolve("render"));
        Files.writeString(out.resolve("hostile.mmd"), mermaid);
        MermaidRenderer.Result result = MermaidRenderer.renderAll(out, true).result("hostile.mmd");
        assertTrue(result.ok(), result.error());
        assertEquals(HostileNames.NAMES.size(), result.clusters(), "one box per name");
        String svg = Files.readString(out.resolve("hostile.svg"));
        assertNothingExecutable(svg);
        String shown = textOf(svg);
        for (String name : visibleNames()) {
            assertTrue(shown.contains(name), "mermaid shows " + name);
        }
    }

    @Test
    void dotRendersToXmlSvgShowingEveryName() throws Exception {
        Graphviz.require();
        Path dot = Files.writeString(dir.resolve("hostile.dot"), Drawing.draw("dot", model, ViewOptions.everything()));
        Path svg = dir.resolve("hostile.svg");
        Graphviz.Outcome outcome = Graphviz.run(dot, "svg", svg);
        assertTrue(outcome.ok() && outcome.messages().isBlank(), outcome.messages());
        String svgText = Files.readString(svg);
        assertNothingExecutable(svgText);
        String shown = String.join("\n", xmlTexts(parseXml(svgText), "text"));
        for (String name : visibleNames()) {
            assertTrue(shown.contains(name), "dot shows " + name);
        }
    }

    @Test
    void graphmlCarriesEveryNameXmlCanHold() throws Exception {
        String graphml = Drawing.draw("graphml", model, ViewOptions.everything());
        List<String> values = xmlTexts(parseXml(graphml), "data");
        for (String name : scopeNames()) {
            String expected = xmlSafe(name);
            assertTrue(values.stream().anyMatch(v -> v.contains(expected)), "GraphML holds " + printable(name));
        }
    }

    @Test
    void jsonCarriesEveryNameExactly() {
        String json = Drawing.draw("json", model, ViewOptions.everything());
        OutputSyntax.json(json);
        ModelGraph back = ModelJsonReader.read(new StringReader(json));
        assertEquals(moduleNames(model), moduleNames(back));
        assertEquals(opTypes(model), opTypes(back));
        for (String name : scopeNames()) {
            assertTrue(moduleNames(back).contains(name), "JSON keeps " + printable(name));
        }
    }

    @Test
    void loneSurrogatesThatOnlyJsonCanSpellBecomeReplacementCharacters() throws Exception {
        // Protobuf writes a lone surrogate as '?'; JSON can spell one, and no UTF-8 output file can hold it.
        assertTrue(opTypes(model).contains("lone?surrogate"), "protobuf let no lone surrogate through");
        String json = Drawing.draw("json", model, ViewOptions.everything())
                .replace("lone?surrogate", "lone\\ud800surrogate");
        Path file = Files.writeString(dir.resolve("lone.json"), json);
        ModelGraph fromJson = ModelReader.read(file, OnnxReader.Options.defaults());
        assertTrue(opTypes(fromJson).contains("lone\ufffdsurrogate"), "" + opTypes(fromJson));
        for (Emitter emitter : Emitters.installed()) {
            Path target = dir.resolve("out." + emitter.format());
            AtomicFile.write(target, out -> emitter.writeBytes(Diagram.of(fromJson, DrawOptions.defaults()), out));
            assertTrue(Files.size(target) > 0, emitter.format());
        }
    }

    @Test
    void mermaidStyleRuleAndGraphvizEscapesCannotReachTheText() {
        // Mermaid drops the last ';' of lines like "style ...:...#...;", which cut an entity code in half.
        assertEquals("#115;tyle n0 fill:#35;f00", MermaidText.escape("style n0 fill:#f00"));
        assertEquals("#99;lassDef x fill:#35;f00", MermaidText.escape("classDef x fill:#f00"));
        // Graphviz expands \G and \N even in HTML-like labels; a doubled backslash shows as one.
        assertEquals("&#92;&#92;G&#92;&#92;N", GraphvizText.escape("\\G\\N"));
    }

    /**
     * No element or attribute that runs code or leaves the page: the names' own markup must be text, so it never
     * appears inside a tag.
     */
    private static void assertNothingExecutable(String svg) {
        Matcher tags = Pattern.compile("<[!a-zA-Z][^>]*>").matcher(svg);
        while (tags.find()) {
            String tag = tags.group().toLowerCase(java.util.Locale.ROOT);
            assertFalse(Stream.of("<script", "<img", "<a ", "<iframe", "<object", "<embed", "<!entity")
                    .anyMatch(tag::startsWith), tag);
            assertFalse(tag.matches("(?s).*\\son[a-z]+\\s*=.*") || tag.contains("javascript:"), tag);
        }
    }

    /**
     * The names as module boxes show them: torch scopes cannot hold '/', and protobuf writes a lone surrogate as
     * '?' (as Java's UTF-8 encoder does).
     */
    private static List<String> scopeNames() {
        return HostileNames.NAMES.stream().map(n -> new String(n.replace("/", "_").getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).toList();
    }

    /** The names made only of visible characters, cut to what a clipped label always shows. */
    private static List<String> visibleNames() {
        return scopeNames().stream()
                .filter(n -> n.codePoints().allMatch(cp -> !Character.isISOControl(cp)
                        && Character.getType(cp) != Character.FORMAT && Character.getType(cp) != Character.SURROGATE
                        && cp != 0x2028 && cp != 0x2029))
                .map(n -> n.length() > SHOWN ? n.substring(0, SHOWN) : n).toList();
    }

    private static List<String> moduleNames(ModelGraph g) {
        return g.modules().all().stream().map(Module::displayName).sorted().toList();
    }

    private static List<String> opTypes(ModelGraph g) {
        return g.nodes(OperationNode.class).stream().map(OperationNode::opType).sorted().toList();
    }

    /** What a GraphML attribute can carry: characters XML forbids (even as references) become U+FFFD. */
    private static String xmlSafe(String name) {
        StringBuilder s = new StringBuilder();
        name.codePoints().forEach(cp -> s.appendCodePoint(cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000 ? cp : 0xFFFD));
        return s.toString();
    }

    private static String printable(String name) {
        StringBuilder s = new StringBuilder();
        name.codePoints().limit(SHOWN).forEach(cp -> s.append(cp < 0x20 || cp > 0x7e
                ? String.format("\\u%04x", cp) : String.valueOf((char) cp)));
        return s.toString();
    }

    /** The text a browser shows for an SVG string: tags dropped, character references decoded. */
    private static String textOf(String svg) {
        String text = svg.replaceAll("<[^>]*>", " ");
        Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#\\d+|lt|gt|amp|quot|apos|nbsp);").matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String replacement = switch (ref) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> Character.toString(ref.startsWith("#x") ? Integer.parseInt(ref.substring(2), 16)
                        : Integer.parseInt(ref.substring(1)));
            };
            m.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(decoded);
        return decoded.toString();
    }

    private static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)));
    }

    private static List<String> xmlTexts(Document doc, String element) {
        NodeList nodes = doc.getElementsByTagName(element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
