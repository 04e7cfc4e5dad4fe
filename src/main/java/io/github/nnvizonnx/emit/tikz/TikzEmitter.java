package io.github.nnvizonnx.emit.tikz;

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
import io.github.nnvizonnx.model.TensorEdge;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A LaTeX figure drawn with TikZ at the positions Graphviz chose, so that it looks like the PDF: module boxes, nodes,
 * edges as Graphviz's Bézier splines, shapes on the edges. Text is typeset by LaTeX in the document's font, at the
 * theme's sizes. Each op family's look is one TikZ style at the top of the file ({@code nnviz conv}, ...), built
 * from the theme's colours, so one line restyles every node of a family.
 *
 * <p>The file is a whole document ({@code pdflatex fig.tex} makes a PDF page the size of the picture, with nothing
 * but LaTeX's base and TikZ) and, {@code \input} into a paper after {@code \begin{document}}, only the picture: it
 * sees that a document class is loaded already and skips its own preamble and page.
 */
public final class TikzEmitter implements Emitter {
    /** Nodes' corners, as Graphviz's rounded boxes. */
    private static final String CORNER = "3bp";

    @Override
    public String format() {
        return "tikz";
    }

    @Override
    public String description() {
        return "LaTeX/TikZ picture laid out by Graphviz (pdflatex it, or \\input it into a paper)";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of(".tex", ".tikz");
    }

    @Override
    public void write(Diagram diagram, Appendable out) throws IOException {
        Layout layout = GraphvizLayout.of(diagram, Medium.forFormat(format()));
        Style style = layout.diagram().options().style();
        preamble(out);
        styles(layout, style, out);
        out.append("\\nnvizalone{\\begin{document}\\begin{lrbox}{\\nnvizpage}}%\n");
        out.append("% nnviz picture: begin\n");
        out.append("\\begin{tikzpicture}[x=1bp,y=-1bp]\n");
        out.append("\\path").append(style.background() == null ? "" : "[fill=nnvizbackground]").append(" (0,0) rectangle ")
                .append(point(layout.width(), layout.height())).append(";\n");
        for (Layout.Box box : layout.boxes()) {
            box(layout.diagram(), box, out);
        }
        List<String> labels = new ArrayList<>();
        for (Layout.PlacedEdge edge : layout.edges()) {
            edge(layout.diagram(), edge, out, labels);
        }
        for (int i = 0; i < layout.nodes().size(); i++) {
            node(layout.diagram(), layout.nodes().get(i), i, out);
        }
        for (String label : labels) {
            out.append(label);
        }
        if (layout.legend() != null) {
            legend(layout, style, out);
        }
        out.append("\\end{tikzpicture}%\n");
        out.append("% nnviz picture: end\n");
        out.append("\\nnvizalone{\\end{lrbox}%\n");
        out.append("  \\ifdefined\\pdfpagewidth\\else\\let\\pdfpagewidth\\pagewidth\\let\\pdfpageheight\\pageheight\\fi"
                + " % LuaTeX's names\n");
        out.append("  \\pdfpagewidth=\\wd\\nnvizpage \\pdfpageheight=\\dimexpr\\ht\\nnvizpage+\\dp\\nnvizpage\\relax\n");
        out.append("  \\hoffset=-1in \\voffset=-1in \\shipout\\hbox{\\usebox\\nnvizpage}%\n");
        out.append("  \\end{document}}\n");
    }

    /**
     * Chooses between the whole document and the picture alone: once a document class is loaded, LaTeX has made
     * {@code \documentclass} an error, and the file is being read into someone's paper.
     */
    private static void preamble(Appendable out) throws IOException {
        out.append("""
                % Drawn by nnviz-onnx; positions from Graphviz dot.
                % On its own: pdflatex this file (a page the size of the picture; needs only LaTeX and TikZ).
                % In a paper: \\usepackage{tikz} in the preamble, then \\input{this file} where the picture goes;
                % the preamble and page below are skipped there. Restyle an op family by editing its line in \\tikzset.
                \\long\\def\\nnvizkeep#1{#1}\\long\\def\\nnvizskip#1{}
                \\expandafter\\ifx\\csname @twoclasseserror\\endcsname\\documentclass
                  \\let\\nnvizalone\\nnvizskip
                \\else
                  \\let\\nnvizalone\\nnvizkeep
                \\fi
                \\nnvizalone{\\documentclass{article}\\usepackage{tikz}\\pagestyle{empty}\\newsavebox\\nnvizpage}
                \\usetikzlibrary{arrows.meta,shapes.geometric,shapes.misc}
                """);
    }

    /** The colours and one style per family used, per box depth, and for edges, labels and titles. */
    private static void styles(Layout layout, Style style, Appendable out) throws IOException {
        Set<OpFamily> families = EnumSet.noneOf(OpFamily.class);
        layout.nodes().forEach(n -> families.add(OpFamily.of(n.node())));
        if (layout.legend() != null) {
            families.addAll(layout.diagram().families());
        }
        Set<Integer> depths = new TreeSet<>();
        layout.boxes().forEach(b -> depths.add(b.depth()));
        out.append(TexColors.define("nnviztext", style.textColor()));
        for (ChangeKind kind : layout.diagram().changeKinds()) {
            ChangeLook look = ChangeLook.of(kind);
            out.append(TexColors.define("nnviz" + kind.word(), look.color()));
            if (look.fadedFill() != null) {
                out.append(TexColors.define("nnviz" + kind.word() + "fill", look.fadedFill()));
                out.append(TexColors.define("nnviz" + kind.word() + "text", look.fadedText()));
                out.append(TexColors.define("nnviz" + kind.word() + "edge", ChangeLook.REMOVED_EDGE));
            }
        }
        out.append(TexColors.define("nnvizedge", style.edgeColor()));
        out.append(TexColors.define("nnvizborder", style.borderColor()));
        out.append(TexColors.define("nnvizboxborder", style.moduleBorder()));
        if (style.background() != null) {
            out.append(TexColors.define("nnvizbackground", style.background()));
        }
        for (OpFamily family : families) {
            out.append(TexColors.define("nnviz" + family.key(), style.fill(family)));
        }
        for (int depth : depths) {
            out.append(TexColors.define("nnvizbox" + depth, style.moduleFill(depth)));
        }
        String line = number(style.lineWidth()) + "bp";
        out.append("\\tikzset{\n");
        out.append("  nnviz node/.style={draw=nnvizborder, line width=").append(line).append(", rounded corners=")
                .append(CORNER).append(", align=center, inner sep=2bp, text=nnviztext, font=")
                .append(font(style.fontSize())).append("},\n");
        for (OpFamily family : families) {
            out.append("  nnviz ").append(family.key()).append("/.style={nnviz node, fill=nnviz")
                    .append(family.key()).append(shape(family)).append(border(style, family)).append("},\n");
        }
        out.append("  nnviz box/.style={draw=nnvizboxborder, line width=").append(line)
                .append(", rounded corners=4bp},\n");
        for (int depth : depths) {
            out.append("  nnviz box ").append(Integer.toString(depth)).append("/.style={nnviz box, fill=nnvizbox")
                    .append(Integer.toString(depth)).append("},\n");
        }
        out.append("  nnviz box title/.style={inner sep=1bp, text=nnviztext, font=").append(font(style.fontSize()))
                .append("},\n");
        out.append("  nnviz edge/.style={draw=nnvizedge, line width=").append(line)
                .append(", -stealth},\n");
        out.append("  nnviz tensor/.style={inner sep=1bp, text=nnviztext, font=").append(font(style.edgeFontSize()))
                .append("},\n");
        for (ChangeKind kind : layout.diagram().changeKinds()) {
            out.append("  ").append(changeStyle(style, kind)).append(",\n");
        }
        out.append("}\n");
    }

    /**
     * The style a comparison's mark adds to a node or box ({@link ChangeLook}), {@code nnviz added} and so on: a ghost
     * faded, an added part doubled and heavy, a changed one heavy and dotted.
     */
    private static String changeStyle(Style style, ChangeKind kind) {
        ChangeLook look = ChangeLook.of(kind);
        StringBuilder tikz = new StringBuilder("nnviz ").append(kind.word()).append("/.style={draw=nnviz")
                .append(kind.word()).append(", line width=")
                .append(number(look.width(style.lineWidth()))).append("bp");
        tikz.append(switch (look.border()) {
            case DASHED -> ", dashed";
            case DOTTED -> ", dotted";
            default -> "";
        });
        if (look.doubled()) {
            tikz.append(", double, double distance=1bp");
        }
        if (look.fadedFill() != null) {
            tikz.append(", fill=nnviz").append(kind.word()).append("fill, text=nnviz").append(kind.word())
                    .append("text");
        }
        return tikz.append('}').toString();
    }

    /** {@code , nnviz added} (and so on) for a node or box a comparison marked, else nothing. */
    private static String mark(Change change) {
        return change == null ? "" : ", nnviz " + change.kind().word();
    }

    /**
     * The node shape Graphviz draws the family in, from TikZ's own shapes (a paper need load no library): inputs and
     * outputs round, collapsed modules doubled, control flow square-cornered.
     */
    private static String shape(OpFamily family) {
        return switch (family) {
            case IO -> ", ellipse";
            case MODULE -> ", double, double distance=1bp";
            case CONTROL_FLOW -> ", sharp corners";
            default -> "";
        };
    }

    private static String border(Style style, OpFamily family) {
        Border border = style.border(family);
        return switch (border) {
            case DASHED -> ", dashed";
            case DOTTED -> ", dotted";
            case BOLD -> ", line width=" + number(border.width(style.lineWidth())) + "bp";
            case SOLID -> "";
        };
    }

    /** The document's font at {@code size} points. */
    private static String font(double size) {
        return "\\fontsize{" + number(size) + "}{" + number(size * 1.2) + "}\\selectfont";
    }

    private static void box(Diagram diagram, Layout.Box box, Appendable out) throws IOException {
        Layout.Rect r = box.bounds();
        out.append("\\draw[nnviz box ").append(Integer.toString(box.depth()))
                .append(mark(diagram.change(box.module()))).append("] ")
                .append(point(r.x(), r.y())).append(" rectangle ").append(point(r.x() + r.width(), r.y() + r.height()))
                .append(";\n");
        out.append("\\node[nnviz box title] at ").append(point(box.title().center())).append(" {")
                .append(TexText.escape(Labels.boxTitle(diagram, box.module()))).append("};\n");
    }

    /** Draws the edge; its label is kept for after the nodes, so that no node hides it. */
    private static void edge(Diagram diagram, Layout.PlacedEdge edge, Appendable out, List<String> labels)
            throws IOException {
        List<Layout.Point> p = edge.spline();
        if (p.isEmpty()) {
            return;
        }
        Change change = diagram.change(edge.edge());
        String mark = change == null ? "" : change.kind() == ChangeKind.REMOVED
                ? ", dashed, draw=nnvizremovededge" : ", draw=nnviz" + change.kind().word();
        StringBuilder path = new StringBuilder("\\draw[nnviz edge").append(mark).append("] ").append(point(p.get(0)));
        for (int i = 1; i + 2 < p.size(); i += 3) {
            path.append(" .. controls ").append(point(p.get(i))).append(" and ").append(point(p.get(i + 1)))
                    .append(" .. ").append(point(p.get(i + 2)));
        }
        if (edge.tip() != null) {
            path.append(" -- ").append(point(edge.tip()));
        }
        out.append(path).append(";\n");
        TensorEdge tensor = edge.edge();
        String text = Labels.edge(diagram, tensor);
        if (edge.label() != null && !text.isEmpty()) {
            labels.add("\\node[nnviz tensor] at " + point(edge.label()) + " {" + TexText.escape(text) + "};\n");
        }
    }

    private static void node(Diagram diagram, Layout.PlacedNode placed, int index, Appendable out)
            throws IOException {
        Layout.Rect r = placed.bounds();
        StringBuilder text = new StringBuilder("\\textbf{").append(TexText.escape(Labels.title(placed.node())))
                .append('}');
        for (String line : Labels.details(diagram, placed.node())) {
            text.append("\\\\{}").append(TexText.escape(line));
        }
        out.append("\\node[nnviz ").append(OpFamily.of(placed.node()).key()).append(mark(diagram.change(placed.node())))
                .append(", minimum width=")
                .append(number(r.width())).append("bp, minimum height=").append(number(r.height()))
                .append("bp] (n").append(Integer.toString(index)).append(") at ").append(point(r.center()))
                .append(" {").append(text).append("};\n");
    }

    /** The op families' swatches, in the room Graphviz left for its own legend, as many columns as it has. */
    private static void legend(Layout layout, Style style, Appendable out) throws IOException {
        List<OpFamily> families = List.copyOf(layout.diagram().families());
        int columns = DotLegend.columns(layout.diagram().options().direction(), families.size());
        out.append("\\matrix[column sep=3bp, row sep=3bp] (legend) at ").append(point(layout.legend()))
                .append(" {\n");
        for (int i = 0; i < families.size(); i++) {
            OpFamily family = families.get(i);
            out.append("  \\node[nnviz ").append(family.key())
                    .append(", minimum width=18bp, minimum height=10bp, inner sep=0bp] {}; & \\node[nnviz tensor,")
                    .append(" anchor=west, font=").append(font(style.fontSize())).append("] {")
                    .append(TexText.escape(family.description())).append("};");
            out.append((i + 1) % columns == 0 || i == families.size() - 1 ? " \\\\\n" : " &\n");
        }
        out.append("};\n");
        out.append("\\node[nnviz box title, anchor=south west] at (legend.north west) {\\textbf{Legend}};\n");
    }

    private static String point(Layout.Point p) {
        return point(p.x(), p.y());
    }

    private static String point(double x, double y) {
        return "(" + number(x) + "," + number(y) + ")";
    }

    /** A length in points to a hundredth, as Graphviz gives it, without trailing zeros. */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        text = text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
        return text.equals("-0") ? "0" : text;
    }
}
