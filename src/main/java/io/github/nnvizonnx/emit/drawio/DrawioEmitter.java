package io.github.nnvizonnx.emit.drawio;

import io.github.nnvizonnx.emit.AppendableWriter;
import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.DotLegend;
import io.github.nnvizonnx.emit.Emitter;
import io.github.nnvizonnx.emit.Labels;
import io.github.nnvizonnx.emit.Medium;
import io.github.nnvizonnx.emit.render.GraphvizLayout;
import io.github.nnvizonnx.emit.render.Layout;
import io.github.nnvizonnx.emit.style.Border;
import io.github.nnvizonnx.emit.style.ChangeLook;
import io.github.nnvizonnx.emit.style.OpFamily;
import io.github.nnvizonnx.emit.style.Style;
import io.github.nnvizonnx.model.Change;
import io.github.nnvizonnx.model.ChangeKind;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A diagrams.net (draw.io) file, uncompressed, at the positions Graphviz chose. Each module box is a container: its
 * nodes and inner boxes are its children, placed relative to it, so moving a box in the editor moves what it holds;
 * an edge belongs to the innermost box holding both its ends, and follows Graphviz's route through points sampled on
 * its spline. Nodes take their op family's fill and border, boxes their depth's shade; labels are HTML
 * ({@code html=1}) with every model text escaped by {@link HtmlText}, then as XML.
 */
public final class DrawioEmitter implements Emitter {
    /** The cells every mxGraph model starts with: the root, and the default layer everything is drawn on. */
    private static final String ROOT = "0";
    private static final String LAYER = "1";

    @Override
    public String format() {
        return "drawio";
    }

    @Override
    public String description() {
        return "diagrams.net (draw.io) diagram laid out by Graphviz: module boxes are containers";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of(".drawio", ".drawio.xml");
    }

    @Override
    public void write(Diagram diagram, Appendable out) throws IOException {
        Layout layout = GraphvizLayout.of(diagram, Medium.forFormat(format()));
        Writer writer = AppendableWriter.of(out);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(writer);
            write(layout, new Cells(xml));
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the draw.io XML: " + e.getMessage(), e);
        }
    }

    private static void write(Layout layout, Cells cells) throws XMLStreamException {
        Style style = layout.diagram().options().style();
        XMLStreamWriter xml = cells.xml;
        xml.writeStartElement("mxfile");
        xml.writeAttribute("host", "nnviz-onnx");
        xml.writeCharacters("\n");
        xml.writeStartElement("diagram");
        xml.writeAttribute("id", "nnviz");
        xml.writeAttribute("name", "nnviz-onnx");
        xml.writeCharacters("\n");
        xml.writeStartElement("mxGraphModel");
        xml.writeAttribute("grid", "0");
        xml.writeAttribute("page", "0");
        xml.writeAttribute("arrows", "1");
        xml.writeAttribute("pageWidth", number(layout.width()));
        xml.writeAttribute("pageHeight", number(layout.height()));
        if (style.background() != null) {
            xml.writeAttribute("background", style.background());
        }
        xml.writeCharacters("\n");
        xml.writeStartElement("root");
        xml.writeCharacters("\n");
        cells.cell(ROOT, null, null, null);
        cells.end();
        cells.cell(LAYER, ROOT, null, null);
        cells.end();
        String font = font(style);
        for (int b = 0; b < layout.boxes().size(); b++) {
            box(layout, b, font, cells);
        }
        for (int i = 0; i < layout.nodes().size(); i++) {
            node(layout, i, font, cells);
        }
        for (int e = 0; e < layout.edges().size(); e++) {
            edge(layout, e, font, cells);
        }
        if (layout.legend() != null) {
            legend(layout, font, cells);
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void box(Layout layout, int index, String font, Cells cells) throws XMLStreamException {
        Layout.Box box = layout.boxes().get(index);
        Style style = layout.diagram().options().style();
        Layout.Rect r = box.bounds();
        Layout.Rect origin = box.parent() < 0 ? null : layout.boxes().get(box.parent()).bounds();
        Change change = layout.diagram().change(box.module());
        String outline = change == null ? "fillColor=" + style.moduleFill(box.depth()) + ";strokeColor="
                + style.moduleBorder() + ";strokeWidth=" + number(style.lineWidth()) + ";"
                : marked(style, ChangeLook.of(change.kind()), style.moduleFill(box.depth()));
        String look = "rounded=1;arcSize=6;absoluteArcSize=1;container=1;collapsible=0;recursiveResize=0;html=1;"
                + "whiteSpace=nowrap;align=left;verticalAlign=top;spacingLeft="
                + number(Math.max(0, box.title().x() - r.x())) + ";spacingTop="
                + number(Math.max(0, box.title().y() - r.y())) + ";" + outline
                + font + "fontSize=" + number(style.fontSize()) + ";";
        cells.cell(boxId(index), parentId(box.parent()),
                HtmlText.escape(Labels.boxTitle(layout.diagram(), box.module())), look);
        cells.xml.writeAttribute("vertex", "1");
        cells.geometry(r, origin);
        cells.end();
    }

    private static void node(Layout layout, int index, String font, Cells cells) throws XMLStreamException {
        Layout.PlacedNode placed = layout.nodes().get(index);
        Diagram diagram = layout.diagram();
        Style style = diagram.options().style();
        OpFamily family = OpFamily.of(placed.node());
        StringBuilder label = new StringBuilder("<b>").append(HtmlText.escape(Labels.title(placed.node())))
                .append("</b>");
        for (String line : Labels.details(diagram, placed.node())) {
            label.append("<br>").append(HtmlText.escape(line));
        }
        Change change = diagram.change(placed.node());
        String outline = change == null ? "fillColor=" + style.fill(family) + ";strokeColor=" + style.borderColor()
                + border(style, family) : marked(style, ChangeLook.of(change.kind()), style.fill(family));
        String look = shape(family) + "html=1;whiteSpace=nowrap;" + outline + font + "fontSize="
                + number(style.fontSize()) + ";";
        cells.cell("n" + index, parentId(placed.box()), label.toString(), look);
        cells.xml.writeAttribute("vertex", "1");
        cells.geometry(placed.bounds(), placed.box() < 0 ? null : layout.boxes().get(placed.box()).bounds());
        cells.end();
    }

    /**
     * The shape Graphviz draws the family in: inputs and outputs round, collapsed modules as blocks (draw.io's cube;
     * mxGraph alone draws a box), control flow as a hexagon. Spelled as {@code shape=}, not as the editor's named
     * styles, so that any mxGraph draws them.
     */
    private static String shape(OpFamily family) {
        return switch (family) {
            case IO -> "shape=ellipse;perimeter=ellipsePerimeter;";
            case MODULE -> "shape=cube;size=5;";
            case CONTROL_FLOW -> "shape=hexagon;perimeter=hexagonPerimeter;";
            default -> "rounded=1;arcSize=4;absoluteArcSize=1;";
        };
    }

    private static String border(Style style, OpFamily family) {
        Border border = style.border(family);
        String width = ";strokeWidth=" + number(border.width(style.lineWidth())) + ";";
        return switch (border) {
            case DASHED -> width + "dashed=1;";
            case DOTTED -> width + "dashed=1;dashPattern=1 2;";
            case SOLID, BOLD -> width;
        };
    }

    /**
     * The fill and outline of a node or box a comparison marked ({@link ChangeLook}): a ghost's faded fill and text,
     * else {@code fill}; mxGraph draws no doubled outline, so added ones are only heavy.
     */
    private static String marked(Style style, ChangeLook look, String fill) {
        String pattern = switch (look.border()) {
            case DASHED -> "dashed=1;";
            case DOTTED -> "dashed=1;dashPattern=1 2;";
            case SOLID, BOLD -> "";
        };
        return "fillColor=" + (look.fadedFill() != null ? look.fadedFill() : fill) + ";strokeColor=" + look.color()
                + ";strokeWidth=" + number(look.width(style.lineWidth())) + ";" + pattern
                + (look.fadedText() != null ? "fontColor=" + look.fadedText() + ";" : "");
    }

    private static void edge(Layout layout, int index, String font, Cells cells) throws XMLStreamException {
        Layout.PlacedEdge edge = layout.edges().get(index);
        Style style = layout.diagram().options().style();
        int parent = commonBox(layout, layout.nodes().get(edge.source()).box(),
                layout.nodes().get(edge.target()).box());
        Change change = layout.diagram().change(edge.edge());
        String line = change == null ? "strokeColor=" + style.edgeColor() + ";strokeWidth=" + number(style.lineWidth())
                : change.kind() == ChangeKind.REMOVED ? "strokeColor=" + ChangeLook.REMOVED_EDGE + ";strokeWidth="
                + number(style.lineWidth()) + ";dashed=1"
                : "strokeColor=" + ChangeLook.of(change.kind()).color() + ";strokeWidth="
                + number(2 * style.lineWidth());
        String look = "html=1;edgeStyle=none;curved=1;rounded=0;endArrow=block;endFill=1;endSize=5;" + line + ";"
                + font + "fontSize="
                + number(style.edgeFontSize()) + ";fontColor=" + style.textColor() + ";labelBackgroundColor="
                + (style.background() == null ? "#ffffff" : style.background()) + ";";
        cells.cell("e" + index, parentId(parent), HtmlText.escape(Labels.edge(layout.diagram(), edge.edge())), look);
        cells.xml.writeAttribute("edge", "1");
        cells.xml.writeAttribute("source", "n" + edge.source());
        cells.xml.writeAttribute("target", "n" + edge.target());
        cells.xml.writeStartElement("mxGeometry");
        cells.xml.writeAttribute("relative", "1");
        cells.xml.writeAttribute("as", "geometry");
        List<Layout.Point> route = route(edge.spline());
        if (!route.isEmpty()) {
            Layout.Rect origin = parent < 0 ? null : layout.boxes().get(parent).bounds();
            cells.xml.writeStartElement("Array");
            cells.xml.writeAttribute("as", "points");
            for (Layout.Point p : route) {
                cells.xml.writeEmptyElement("mxPoint");
                cells.xml.writeAttribute("x", number(p.x() - (origin == null ? 0 : origin.x())));
                cells.xml.writeAttribute("y", number(p.y() - (origin == null ? 0 : origin.y())));
            }
            cells.xml.writeEndElement();
        }
        cells.xml.writeEndElement();
        cells.end();
    }

    /**
     * Points on Graphviz's spline for draw.io's curved edge to pass near: the middle of each Bézier piece and the
     * joints between pieces; a straight edge needs none.
     */
    static List<Layout.Point> route(List<Layout.Point> spline) {
        List<Layout.Point> points = new ArrayList<>();
        for (int i = 0; i + 3 < spline.size(); i += 3) {
            if (i > 0) {
                points.add(spline.get(i));
            }
            Layout.Point a = spline.get(i);
            Layout.Point b = spline.get(i + 1);
            Layout.Point c = spline.get(i + 2);
            Layout.Point d = spline.get(i + 3);
            points.add(new Layout.Point((a.x() + 3 * b.x() + 3 * c.x() + d.x()) / 8,
                    (a.y() + 3 * b.y() + 3 * c.y() + d.y()) / 8));
        }
        boolean straight = points.stream().allMatch(p -> onLine(spline.get(0), spline.get(spline.size() - 1), p));
        return straight ? List.of() : points;
    }

    private static boolean onLine(Layout.Point a, Layout.Point b, Layout.Point p) {
        double cross = (b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x());
        return Math.abs(cross) <= Math.hypot(b.x() - a.x(), b.y() - a.y()) * 0.5;
    }

    /** The innermost box holding both boxes (given as indices, -1 for the top level), or -1. */
    private static int commonBox(Layout layout, int a, int b) {
        for (int outer = a; outer >= 0; outer = layout.boxes().get(outer).parent()) {
            for (int inner = b; inner >= 0; inner = layout.boxes().get(inner).parent()) {
                if (inner == outer) {
                    return outer;
                }
            }
        }
        return -1;
    }

    /** The op families' swatches and names, stacked in a container where Graphviz put its legend. */
    private static void legend(Layout layout, String font, Cells cells) throws XMLStreamException {
        Style style = layout.diagram().options().style();
        List<OpFamily> families = List.copyOf(layout.diagram().families());
        int columns = DotLegend.columns(layout.diagram().options().direction(), families.size());
        int rows = (families.size() + columns - 1) / columns;
        double cellWidth = 150;
        double rowHeight = 16;
        double width = columns * cellWidth + 8;
        double height = rows * rowHeight + 24;
        Layout.Rect frame = new Layout.Rect(layout.legend().x() - width / 2, layout.legend().y() - height / 2, width,
                height);
        cells.cell("legend", LAYER, "<b>Legend</b>", "html=1;container=1;collapsible=0;fillColor=none;strokeColor=none;"
                + "align=left;verticalAlign=top;" + font + "fontSize=" + number(style.fontSize()) + ";");
        cells.xml.writeAttribute("vertex", "1");
        cells.geometry(frame, null);
        cells.end();
        for (int i = 0; i < families.size(); i++) {
            OpFamily family = families.get(i);
            double x = frame.x() + 4 + (i % columns) * cellWidth;
            double y = frame.y() + 20 + (i / columns) * rowHeight;
            cells.cell("legend-" + family.key(), "legend", "", shape(family) + "fillColor=" + style.fill(family)
                    + ";strokeColor=" + style.borderColor() + border(style, family));
            cells.xml.writeAttribute("vertex", "1");
            cells.geometry(new Layout.Rect(x, y + 2, 18, 10), frame);
            cells.end();
            cells.cell("legend-" + family.key() + "-text", "legend", HtmlText.escape(family.description()),
                    "html=1;fillColor=none;strokeColor=none;align=left;verticalAlign=middle;" + font + "fontSize="
                            + number(style.edgeFontSize()) + ";fontColor=" + style.textColor() + ";");
            cells.xml.writeAttribute("vertex", "1");
            cells.geometry(new Layout.Rect(x + 22, y, cellWidth - 26, rowHeight - 2), frame);
            cells.end();
        }
    }

    private static String boxId(int index) {
        return "b" + index;
    }

    private static String parentId(int box) {
        return box < 0 ? LAYER : boxId(box);
    }

    /** The theme's font as draw.io names it, and its text colour. */
    private static String font(Style style) {
        String family = style.font().toLowerCase(Locale.ROOT).startsWith("times") ? "Times New Roman" : style.font();
        return "fontFamily=" + family + ";fontColor=" + style.textColor() + ";";
    }

    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        return text.equals("-0") ? "0" : text;
    }

    /** Writes {@code mxCell} elements, each on a line. */
    private static final class Cells {
        final XMLStreamWriter xml;

        Cells(XMLStreamWriter xml) {
            this.xml = xml;
        }

        /** Opens a cell; {@code value} and {@code style} may be null. */
        void cell(String id, String parent, String value, String style) throws XMLStreamException {
            xml.writeStartElement("mxCell");
            xml.writeAttribute("id", id);
            if (value != null) {
                xml.writeAttribute("value", value);
            }
            if (style != null) {
                xml.writeAttribute("style", style);
            }
            if (parent != null) {
                xml.writeAttribute("parent", parent);
            }
        }

        /** A vertex's geometry, relative to its container's corner {@code origin} (null: the layer). */
        void geometry(Layout.Rect r, Layout.Rect origin) throws XMLStreamException {
            xml.writeEmptyElement("mxGeometry");
            xml.writeAttribute("x", number(r.x() - (origin == null ? 0 : origin.x())));
            xml.writeAttribute("y", number(r.y() - (origin == null ? 0 : origin.y())));
            xml.writeAttribute("width", number(r.width()));
            xml.writeAttribute("height", number(r.height()));
            xml.writeAttribute("as", "geometry");
        }

        void end() throws XMLStreamException {
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
    }
}
