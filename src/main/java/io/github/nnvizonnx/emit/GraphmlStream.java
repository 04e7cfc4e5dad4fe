package io.github.nnvizonnx.emit;

import java.io.IOException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.sax.SAXTransformerFactory;
import javax.xml.transform.sax.TransformerHandler;
import javax.xml.transform.stream.StreamResult;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * GraphML elements written as they come, through the JDK's SAX serializer (as jgrapht-io's exporter writes): no
 * document is held in memory, and text and attribute values are escaped and indented by the same serializer that
 * wrote the file when it was a DOM tree. Attributes are given in name order, the order that tree wrote them in.
 */
final class GraphmlStream {
    private static final String NS = "http://graphml.graphdrawing.org/xmlns";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final TransformerHandler handler;

    /** Starts the document and its {@code graphml} element. */
    GraphmlStream(Appendable out) throws IOException {
        try {
            handler = ((SAXTransformerFactory) SAXTransformerFactory.newInstance()).newTransformerHandler();
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("the JDK's XML serializer is missing", e);
        }
        handler.getTransformer().setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        handler.getTransformer().setOutputProperty(OutputKeys.INDENT, "yes");
        handler.getTransformer().setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "4");
        handler.setResult(new StreamResult(AppendableWriter.of(out)));
        run(() -> {
            handler.startDocument();
            handler.startElement("", "", "graphml", attributes("xmlns", NS, "xmlns:xsi", XSI,
                    "xsi:schemaLocation", NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"));
        });
    }

    /** A {@code <key>}: {@code forWhat} is {@code node} or {@code edge}, {@code type} a GraphML type name. */
    void key(String id, String forWhat, String name, String type) throws IOException {
        empty("key", attributes("attr.name", name, "attr.type", type, "for", forWhat, "id", id));
    }

    /** Opens a {@code <graph>}; {@code id} null for none. */
    void startGraph(String id) throws IOException {
        start("graph", id == null ? attributes("edgedefault", "directed")
                : attributes("edgedefault", "directed", "id", id));
    }

    /** Opens a {@code <node>}; {@code folderType} (yEd's {@code yfiles.foldertype}) null for none. */
    void startNode(String id, String folderType) throws IOException {
        start("node", folderType == null ? attributes("id", id) : attributes("id", id, "yfiles.foldertype", folderType));
    }

    void startEdge(String id, String source, String target) throws IOException {
        start("edge", attributes("id", id, "source", source, "target", target));
    }

    /** A {@code <data>} element; an empty value makes an empty element. */
    void data(String key, String value) throws IOException {
        run(() -> {
            handler.startElement("", "", "data", attributes("key", key));
            if (!value.isEmpty()) {
                handler.characters(value.toCharArray(), 0, value.length());
            }
            handler.endElement("", "", "data");
        });
    }

    /** Closes the innermost open element named {@code name}. */
    void end(String name) throws IOException {
        run(() -> handler.endElement("", "", name));
    }

    /** Closes {@code graphml} and the document. */
    void finish() throws IOException {
        run(() -> {
            handler.endElement("", "", "graphml");
            handler.endDocument();
        });
    }

    private void start(String name, AttributesImpl attributes) throws IOException {
        run(() -> handler.startElement("", "", name, attributes));
    }

    private void empty(String name, AttributesImpl attributes) throws IOException {
        run(() -> {
            handler.startElement("", "", name, attributes);
            handler.endElement("", "", name);
        });
    }

    /** {@code namesAndValues}: name, value, name, value... */
    private static AttributesImpl attributes(String... namesAndValues) {
        AttributesImpl attributes = new AttributesImpl();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.addAttribute("", "", namesAndValues[i], "CDATA", namesAndValues[i + 1]);
        }
        return attributes;
    }

    private interface SaxStep {
        void run() throws SAXException;
    }

    /** The serializer reports a failing destination as a SAXException: it is the IOException it wraps. */
    private static void run(SaxStep step) throws IOException {
        try {
            step.run();
        } catch (SAXException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("GraphML could not be written: " + e.getMessage(), e);
        }
    }
}
