package io.github.nnvizonnx.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** What the stream writes, an XML reader reads back as it was given: names, nesting and awkward text. */
class GraphmlStreamTest {
    @Test
    void anXmlReaderReadsBackNestedGraphsAndAwkwardText() throws Exception {
        String awkward = "a<b & \"c\" 'd'\r\n\te > ]]> é 𝔸";
        String awkwardId = "n\t<1>\n&\"";
        StringBuilder out = new StringBuilder();
        GraphmlStream xml = new GraphmlStream(out);
        xml.key("key0", "node", "label", "string");
        xml.startGraph(null);
        xml.startNode("g0", "group");
        xml.data("key0", awkward);
        xml.startGraph("g0:");
        xml.startNode(awkwardId, null);
        xml.data("key0", "");
        xml.end("node");
        xml.end("graph");
        xml.end("node");
        xml.startEdge("e0", awkwardId, "g0");
        xml.end("edge");
        xml.end("graph");
        xml.finish();

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(out.toString())));
        Element root = doc.getDocumentElement();
        assertEquals("http://graphml.graphdrawing.org/xmlns", root.getNamespaceURI());
        assertEquals("graphml", root.getLocalName());
        Element group = (Element) doc.getElementsByTagName("node").item(0);
        assertEquals("group", group.getAttribute("yfiles.foldertype"));
        assertEquals(awkward, group.getElementsByTagName("data").item(0).getTextContent());
        Element inner = (Element) group.getElementsByTagName("node").item(0);
        assertEquals(awkwardId, inner.getAttribute("id"));
        assertEquals("g0:", ((Element) inner.getParentNode()).getAttribute("id"));
        assertEquals("", inner.getElementsByTagName("data").item(0).getTextContent());
        Element edge = (Element) doc.getElementsByTagName("edge").item(0);
        assertEquals(awkwardId, edge.getAttribute("source"));
        assertEquals("key", ((Element) doc.getElementsByTagName("key").item(0)).getTagName());
    }
}
