package io.github.nnvizonnx.emit;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * GraphML with the hierarchy as nested graphs too: the flat file of {@link GraphmlEmitter} (same keys, nodes and
 * edges), with each module box made a group node by {@link GraphmlGroups}, in the form yEd writes groups in;
 * networkx's {@code read_graphml} reads every node and edge, and each group as one more node (kind {@code group}, no
 * edges). Opt-in, by {@code --format graphml-nested}: the {@code .graphml} extension keeps choosing the flat file,
 * whose node count is the model's.
 */
public final class NestedGraphmlEmitter implements Emitter {
    @Override
    public String format() {
        return "graphml-nested";
    }

    @Override
    public String description() {
        return "GraphML with each module box a yEd group node holding a nested graph";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of();
    }

    @Override
    public void write(Diagram diagram, Appendable out) throws IOException {
        StringBuilder flat = new StringBuilder();
        new GraphmlEmitter().write(diagram, flat);
        Document doc = parse(flat.toString());
        GraphmlGroups.nest(doc, diagram);
        dropIndentation(doc.getDocumentElement());
        out.append(serialize(doc));
    }

    private static Document parse(String xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the flat GraphML did not parse", e);
        }
    }

    /**
     * Removes the flat file's line breaks and indents between elements, which moved nodes would carry along; values
     * ({@code data}, {@code default}) are left as they are, blank ones too.
     */
    private static void dropIndentation(Element element) {
        if (element.getLocalName().equals("data") || element.getLocalName().equals("default")) {
            return;
        }
        Node child = element.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getNodeValue().isBlank()) {
                element.removeChild(child);
            } else if (child instanceof Element inner) {
                dropIndentation(inner);
            }
            child = next;
        }
    }

    private static String serialize(Document doc) throws IOException {
        try {
            doc.setXmlStandalone(true);
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "4");
            StringWriter text = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(text));
            return text.toString();
        } catch (TransformerException e) {
            throw new IOException("GraphML could not be written: " + e.getMessage(), e);
        }
    }
}
