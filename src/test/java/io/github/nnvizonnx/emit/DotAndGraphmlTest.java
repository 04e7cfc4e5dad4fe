package io.github.nnvizonnx.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.Graphviz;
import io.github.nnvizonnx.testsupport.HostileNames;
import io.github.nnvizonnx.testsupport.Networkx;
import io.github.nnvizonnx.testsupport.RealModels;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
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

@Tag("slow") // Graphviz and networkx on real models: left out of the quick tier (-Pquick)
class DotAndGraphmlTest {
    @TempDir
    Path dir;

    @Test
    void miniLmDotNestsLayerClustersInsideEncoderAndRenders() throws Exception {
        Graphviz.require();
        ModelGraph model = OnnxReader.read(RealModels.miniLm());
        ViewOptions depth3 = new ViewOptions(3, List.of(), null, false).withFold(false);
        String dot = Drawing.draw("dot", model, depth3);
        // The encoder cluster opens before the layer clusters and closes after them: they are nested inside it.
        int encoder = dot.indexOf("\"label\"=<encoder>");
        assertTrue(encoder > 0, dot);
        int depthAtEncoder = braceDepth(dot, encoder);
        for (int i = 0; i < 6; i++) {
            int layer = dot.indexOf("\"label\"=<layer." + i + ">");
            assertTrue(layer > encoder, "layer." + i);
            assertEquals(depthAtEncoder + 1, braceDepth(dot, layer), "layer." + i + " is one level inside encoder");
        }
        Path dotFile = Files.writeString(dir.resolve("minilm.dot"), dot);
        Path svg = dir.resolve("minilm.svg");
        Graphviz.Outcome outcome = Graphviz.run(dotFile, "svg", svg);
        assertTrue(outcome.ok(), outcome.messages());
        String svgText = Files.readString(svg);
        assertEquals(countClusters(dot), countMatches(svgText, "class=\"cluster\""));
        assertTrue(svgText.contains(">encoder<") && svgText.contains(">layer.5<"));
        parseXml(svg);
    }

    @Test
    void miniLmGraphmlCarriesModulePathsInNetworkx() throws Exception {
        Networkx.require();
        ModelGraph model = OnnxReader.read(RealModels.miniLm());
        Path file = Files.writeString(dir.resolve("minilm.graphml"), Drawing.draw("graphml", model,
                ViewOptions.everything()));
        Networkx.Loaded loaded = Networkx.load(List.of(file)).get(file.toString());
        assertTrue(loaded.ok(), loaded.error());
        assertEquals(model.graph().vertexSet().size(), loaded.nodes());
        assertEquals(model.graph().edgeSet().size(), loaded.edges());
        assertTrue(loaded.modulePaths().contains("encoder.layer.0.attention.self.query"), "" + loaded.modulePaths());
        assertTrue(loaded.modulePaths().contains("embeddings"));
    }

    @Test
    void nestedGraphmlHasModuleGroupsThatNetworkxReadsAsExtraNodes() throws Exception {
        Networkx.require();
        ModelGraph model = OnnxReader.read(RealModels.miniLm());
        Diagram diagram = Diagram.view(Views.apply(model, ViewOptions.everything())).from(model, DrawOptions.defaults());
        StringBuilder nested = new StringBuilder();
        new NestedGraphmlEmitter().write(diagram, nested);
        Path file = Files.writeString(dir.resolve("minilm-nested.graphml"), nested);

        // Every box is a yEd group node whose nested graph holds the box's nodes and inner boxes.
        Document doc = parseXml(file);
        Element top = child(doc.getDocumentElement(), "graph").get(0);
        int boxes = checkGroups(diagram, ModulePath.ROOT, top);
        assertTrue(boxes > 20, "minilm has many boxes: " + boxes);

        Networkx.Loaded loaded = Networkx.load(List.of(file)).get(file.toString());
        assertTrue(loaded.ok(), loaded.error());
        assertEquals(boxes, loaded.groups(), "one node of kind group per box");
        assertEquals(model.graph().vertexSet().size() + boxes, loaded.nodes(), "the model's nodes and the groups");
        assertEquals(model.graph().edgeSet().size(), loaded.edges(), "every edge, none for groups");
        assertTrue(loaded.modulePaths().contains("encoder.layer.0.attention.self.query"), "" + loaded.modulePaths());

        String flat = Drawing.draw("graphml", model, ViewOptions.everything());
        assertFalse(flat.contains("yfiles.foldertype"), "the plain format stays flat");
    }

    /** Asserts the groups in {@code graph} are the diagram's boxes in {@code scope}, recursively; counts them. */
    private static int checkGroups(Diagram diagram, ModulePath scope, Element graph) {
        List<Element> groups = child(graph, "node").stream()
                .filter(n -> n.getAttribute("yfiles.foldertype").equals("group")).toList();
        List<String> plain = child(graph, "node").stream().filter(n -> !groups.contains(n))
                .map(n -> n.getAttribute("id")).toList();
        assertEquals(diagram.nodesDirectlyIn(scope).stream().map(Node::id).toList(), plain, "nodes of " + scope);
        List<Module> boxes = diagram.boxesIn(scope);
        assertEquals(boxes.size(), groups.size(), "groups in " + scope);
        int count = boxes.size();
        for (int i = 0; i < boxes.size(); i++) {
            Element group = groups.get(i);
            assertTrue(group.getTextContent().contains(boxes.get(i).path().dotted()), "group of " + boxes.get(i));
            count += checkGroups(diagram, boxes.get(i).path(), child(group, "graph").get(0));
        }
        return count;
    }

    /** The element children of {@code parent} named {@code name}. */
    private static List<Element> child(Element parent, String name) {
        List<Element> result = new java.util.ArrayList<>();
        for (org.w3c.dom.Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && e.getLocalName().equals(name)) {
                result.add(e);
            }
        }
        return result;
    }

    @Test
    void hostileNamesStayTextInDotAndGraphml() throws Exception {
        Graphviz.require();
        Networkx.require();
        ModelGraph model = OnnxReader.read(HostileNames.model(dir));
        Path dotFile = Files.writeString(dir.resolve("hostile.dot"), Drawing.draw("dot", model,
                ViewOptions.everything()));
        Path svg = dir.resolve("hostile.svg");
        Graphviz.Outcome outcome = Graphviz.run(dotFile, "svg", svg);
        assertTrue(outcome.ok(), outcome.messages());
        String svgText = Files.readString(svg);
        assertFalse(svgText.contains("<script"));
        assertFalse(svgText.contains("<img"));
        assertTrue(svgText.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
        assertEquals(HostileNames.NAMES.size(), countMatches(svgText, "class=\"cluster\""));
        parseXml(svg);

        Path graphml = Files.writeString(dir.resolve("hostile.graphml"), Drawing.draw("graphml", model,
                ViewOptions.everything()));
        parseXml(graphml);
        Networkx.Loaded loaded = Networkx.load(List.of(graphml)).get(graphml.toString());
        assertTrue(loaded.ok(), loaded.error());
        assertEquals(model.graph().vertexSet().size(), loaded.nodes());
        assertTrue(loaded.modulePaths().contains("<script>alert(1)<_script>.inner"), "" + loaded.modulePaths());
    }

    @Test
    void depthAndDirectionMeanTheSameInDot() {
        ModelGraph model = OnnxReader.read(RealModels.miniLm());
        String lr = Drawing.draw("dot", model, ViewOptions.defaults());
        assertTrue(lr.contains("rankdir=\"LR\"") || lr.contains("\"rankdir\"=\"LR\""), lr.substring(0, 200));
        int drawnNodes = Views.apply(model, ViewOptions.defaults()).graph().vertexSet().size();
        assertEquals(drawnNodes, countMatches(lr, "\"label\"=<<B>"), "one labelled node per drawn node");
    }

    /** Parses as XML without fetching the DTD an SVG names (there is no network here, nor need for one). */
    private static Document parseXml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static int braceDepth(String text, int position) {
        int depth = 0;
        for (int i = 0; i < position; i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
        }
        return depth;
    }

    private static int countClusters(String dot) {
        return countMatches(dot, "subgraph \"cluster_");
    }

    private static int countMatches(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
