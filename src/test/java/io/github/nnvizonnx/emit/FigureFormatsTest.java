package io.github.nnvizonnx.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.api.Drawing;
import io.github.nnvizonnx.api.Nnviz;
import io.github.nnvizonnx.api.View;
import io.github.nnvizonnx.emit.style.Theme;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.shapes.ShapeMode;
import io.github.nnvizonnx.testsupport.ConvertedModels;
import io.github.nnvizonnx.testsupport.DrawioRenderer;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.Graphviz;
import io.github.nnvizonnx.testsupport.HostileNames;
import io.github.nnvizonnx.testsupport.Pdflatex;
import io.github.nnvizonnx.testsupport.RealModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The editable figure formats judged by their real consumers: TikZ compiled by pdflatex (on its own and
 * {@code \input} into a paper), draw.io decoded and rendered by mxGraph in Chromium, on real models (a converted
 * ResNet-18 and ViT-B/16, MiniLM with its six layers folded) and on hostile names. The PDFs (as PNG) and mxGraph's
 * screenshots are kept in {@code target/figures} to look at.
 */
@Tag("slow") // pdflatex, Chromium, Graphviz and torch exports: left out of the quick tier (-Pquick)
class FigureFormatsTest {
    private static final Path LOOK = ExternalTools.projectDir().resolve("target/figures");

    @TempDir
    Path dir;

    @BeforeAll
    static void lookHere() throws IOException {
        Files.createDirectories(LOOK);
    }

    /** The figures of the issue: a ResNet, a ViT, a folded transformer; each in the paper theme too. */
    private static Map<String, Nnviz> figures() {
        Map<String, Nnviz> figures = new java.util.LinkedHashMap<>();
        figures.put("resnet18", Nnviz.read(ConvertedModels.get("resnet18", null)).shapes(ShapeMode.RUN));
        figures.put("vit_b_16", Nnviz.read(ConvertedModels.get("vit_b_16", null)).shapes(ShapeMode.RUN)
                .view(View.defaults().depth(3)));
        figures.put("minilm", Nnviz.read(RealModels.miniLm()).shapes(ShapeMode.RUN));
        figures.put("minilm_paper", Nnviz.read(RealModels.miniLm()).shapes(ShapeMode.RUN)
                .style(paper(false)));
        return figures;
    }

    private static DrawOptions paper(boolean legend) {
        return new DrawOptions(Direction.AUTO, Theme.PAPER.style(), legend);
    }

    @Test
    void tikzOfRealModelsCompilesAloneAndShowsTheirWords() throws Exception {
        Graphviz.require();
        Pdflatex.require();
        for (Map.Entry<String, Nnviz> figure : figures().entrySet()) {
            Drawing drawing = figure.getValue().format("tikz").draw();
            Path tex = dir.resolve(figure.getKey() + ".tex");
            drawing.writeTo(tex);
            Pdflatex.Outcome outcome = Pdflatex.compile(tex);
            assertTrue(outcome.ok(), figure.getKey() + ":\n" + outcome.errors());
            Pdflatex.png(outcome.pdf(), LOOK.resolve(figure.getKey() + "-tikz.png"), 100);
            assertTrue(Pdflatex.info(outcome.pdf()).matches("(?s).*Pages:\\s+1\n.*"), figure.getKey());
            String text = squeeze(Pdflatex.text(outcome.pdf()));
            for (String word : wordsOf(drawing.diagram())) {
                assertTrue(text.contains(squeeze(word)), figure.getKey() + " shows " + word + " in\n" + text);
            }
        }
    }

    @Test
    void foldedBlocksShowTheirCountInBothFormats() throws Exception {
        Graphviz.require();
        Pdflatex.require();
        Drawing drawing = Nnviz.read(RealModels.miniLm()).format("tikz").draw();
        List<String> counts = drawing.diagram().model().modules().all().stream().filter(m -> m.fold() != null)
                .map(m -> m.fold().countText()).toList();
        assertFalse(counts.isEmpty(), "MiniLM's six layers are folded");
        Path tex = dir.resolve("folded.tex");
        drawing.writeTo(tex);
        Pdflatex.Outcome outcome = Pdflatex.compile(tex);
        assertTrue(outcome.ok(), outcome.errors());
        String text = Pdflatex.text(outcome.pdf());
        Path drawio = dir.resolve("folded.drawio");
        Nnviz.read(RealModels.miniLm()).format("drawio").writeTo(drawio);
        String titles = decodeReferences(String.join("\n", cellValues(drawio)));
        for (String count : counts) {
            assertTrue(text.contains(count), "the PDF shows " + count);
            assertTrue(titles.contains(count), "draw.io shows " + count);
        }
    }

    @Test
    void tikzInputIntoAPaperIsThePictureOnly() throws Exception {
        Graphviz.require();
        Pdflatex.require();
        Drawing drawing = Nnviz.read(RealModels.miniLm()).style(paper(true)).format("tikz").draw();
        drawing.writeTo(dir.resolve("figure.tex"));
        Nnviz.read(RealModels.miniLm()).view(View.defaults().depth(1)).format("tikz").writeTo(dir.resolve("small.tex"));
        Path paper = Files.writeString(dir.resolve("paper.tex"), """
                \\documentclass{article}
                \\usepackage{graphicx}
                \\usepackage{tikz}
                \\begin{document}
                Text before the figures.
                \\begin{figure}[h]\\centering\\resizebox{!}{.4\\textheight}{\\input{figure.tex}}\\caption{Big}\\end{figure}
                \\begin{figure}[h]\\centering\\resizebox{!}{.2\\textheight}{\\input{small.tex}}\\caption{Small}
                \\end{figure}
                Text after the figures.
                \\end{document}
                """);
        Pdflatex.Outcome outcome = Pdflatex.compile(paper);
        assertTrue(outcome.ok(), outcome.errors());
        Pdflatex.png(outcome.pdf(), LOOK.resolve("paper-with-figures.png"), 60);
        String info = Pdflatex.info(outcome.pdf());
        // the paper's own page, the figures on it: nothing of the figures' files made a page of its own
        assertTrue(info.matches("(?s).*Pages:\\s+1\n.*") && info.contains("612 x 792"), info);
        String text = squeeze(Pdflatex.text(outcome.pdf()));
        assertTrue(text.contains("Textbeforethefigures.") && text.contains("Textafterthefigures."), text);
        assertTrue(text.contains("Figure1:Big") && text.contains("Figure2:Small"), text);
        assertTrue(text.contains("Legend"), text);
    }

    @Test
    void drawioOfRealModelsDecodesInMxGraphWithItsBoxesAsContainers() throws Exception {
        Graphviz.require();
        Map<String, Drawing> drawings = new HashMap<>();
        Map<String, Nnviz> figures = figures();
        for (Map.Entry<String, Nnviz> figure : figures.entrySet()) {
            Drawing drawing = figure.getValue().format("drawio").draw();
            drawing.writeTo(dir.resolve(figure.getKey() + ".drawio"));
            drawings.put(figure.getKey() + ".drawio", drawing);
        }
        Map<String, DrawioRenderer.Result> results = DrawioRenderer.renderAll(dir, true);
        assertEquals(drawings.keySet(), results.keySet());
        for (DrawioRenderer.Result result : results.values()) {
            assertTrue(result.ok(), result.file() + ": " + result.error());
            Diagram diagram = drawings.get(result.file()).diagram();
            int boxes = boxCount(diagram, ModulePath.ROOT);
            assertTrue(boxes > 0, result.file() + " has boxes");
            assertEquals(diagram.nodes().size() + boxes, result.vertices(), result.file());
            assertEquals(diagram.edges().size(), result.edges(), result.file());
            assertEquals(diagram.nodes().size() + boxes + diagram.edges().size(), result.rendered(), result.file());
            Path file = dir.resolve(result.file());
            Map<String, Element> cells = cells(file);
            Map<String, String> written = new HashMap<>();
            cells.forEach((id, cell) -> written.put(id, cell.hasAttribute("parent") ? cell.getAttribute("parent") : null));
            assertEquals(written, result.parents(), "mxGraph keeps the nesting of " + result.file());
            assertEquals(boxes, cells.values().stream().filter(c -> c.getAttribute("style").contains("container=1"))
                    .count(), result.file());
            assertChildrenInsideTheirContainers(cells, result.file());
            if (result.file().equals("resnet18.drawio")) {
                assertNodesWhereGraphvizDrawsThem(cells, figures.get("resnet18").format("svg").text());
            }
            Files.copy(dir.resolve(result.file().replace(".drawio", ".png")),
                    LOOK.resolve(result.file().replace(".drawio", "-drawio.png")),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void hostileNamesStillCompileAndDecode() throws Exception {
        Graphviz.require();
        Pdflatex.require();
        Path model = HostileNames.model(dir);
        Path tex = dir.resolve("hostile.tex");
        Nnviz.read(model).view(View.everything()).format("tikz").writeTo(tex);
        Pdflatex.Outcome outcome = Pdflatex.compile(tex);
        assertTrue(outcome.ok(), outcome.errors());
        Pdflatex.png(outcome.pdf(), LOOK.resolve("hostile-tikz.png"), 50);
        String text = Pdflatex.text(outcome.pdf());
        for (String name : HostileNames.NAMES) {
            if (typesetAsItIs(name)) {
                assertTrue(text.contains(name), "the PDF shows " + name);
            }
        }
        Path drawio = dir.resolve("hostile.drawio");
        Nnviz.read(model).view(View.everything()).format("drawio").writeTo(drawio);
        Nnviz.read(model).view(View.everything()).style(paper(true)).format("drawio")
                .writeTo(dir.resolve("hostile_paper.drawio"));
        for (DrawioRenderer.Result result : DrawioRenderer.renderAll(dir, true).values()) {
            assertTrue(result.ok(), result.file() + ": " + result.error());
        }
        Files.copy(dir.resolve("hostile.png"), LOOK.resolve("hostile-drawio.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Pattern tag = Pattern.compile("<(/?)([a-zA-Z!?][^ >/]*)");
        for (String value : cellValues(drawio)) {
            Matcher m = tag.matcher(value);
            while (m.find()) {
                assertTrue(List.of("b", "br").contains(m.group(2)), "only our own markup in a label: " + value);
            }
        }
    }

    /**
     * Whether the PDF's text shows a name as it is: short enough not to be clipped, without spaces (which pdftotext
     * spaces as it likes) and without the characters TeX sets as other glyphs (quotes, dashes, accents).
     */
    private static boolean typesetAsItIs(String name) {
        return name.length() <= 40 && name.chars().allMatch(c -> c > ' ' && c < 127 && "\\\"<>'`-~^_".indexOf(c) < 0);
    }

    /** Every title and detail line whose letters survive typesetting as they are (no TeX-escaped characters). */
    private static List<String> wordsOf(Diagram diagram) {
        List<String> words = new ArrayList<>();
        for (Node n : diagram.nodes()) {
            words.add(Labels.title(n));
            words.addAll(Labels.details(diagram, n));
        }
        addBoxTitles(diagram, ModulePath.ROOT, words);
        words.removeIf(w -> !w.matches("[A-Za-z0-9 .()×+]+"));
        return words;
    }

    private static void addBoxTitles(Diagram diagram, ModulePath scope, List<String> words) {
        for (Module box : diagram.boxesIn(scope)) {
            words.add(Labels.boxTitle(box));
            addBoxTitles(diagram, box.path(), words);
        }
    }

    private static int boxCount(Diagram diagram, ModulePath scope) {
        int count = 0;
        for (Module box : diagram.boxesIn(scope)) {
            count += 1 + boxCount(diagram, box.path());
        }
        return count;
    }

    /** pdftotext spaces words as the page does: compare without white space. */
    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static Map<String, Element> cells(Path drawio) throws Exception {
        NodeList list = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(drawio.toFile())
                .getElementsByTagName("mxCell");
        Map<String, Element> cells = new java.util.LinkedHashMap<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element cell = (Element) list.item(i);
            cells.put(cell.getAttribute("id"), cell);
        }
        return cells;
    }

    /** The cells' labels, HTML as draw.io shows it. */
    private static List<String> cellValues(Path drawio) throws Exception {
        return cells(drawio).values().stream().map(c -> c.getAttribute("value")).toList();
    }

    /** A label's HTML as text: numeric character references decoded, tags left as they are. */
    private static String decodeReferences(String html) {
        return Pattern.compile("&#([0-9]+);").matcher(html)
                .replaceAll(m -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1)))));
    }

    /** Coordinates are relative to the container: a child's geometry lies within its container's size. */
    private static void assertChildrenInsideTheirContainers(Map<String, Element> cells, String file) {
        for (Element cell : cells.values()) {
            Element parent = cells.get(cell.getAttribute("parent"));
            if (!"1".equals(cell.getAttribute("vertex")) || parent == null
                    || !parent.getAttribute("style").contains("container=1")) {
                continue;
            }
            double[] child = geometry(cell);
            double[] box = geometry(parent);
            assertTrue(child[0] >= 0 && child[1] >= 0 && child[0] + child[2] <= box[2] + 0.01
                    && child[1] + child[3] <= box[3] + 0.01, file + ": " + cell.getAttribute("id") + " lies inside "
                    + parent.getAttribute("id"));
        }
    }

    /**
     * Each node sits where Graphviz's own SVG of the same drawing puts it: node centres, relative to the first node's
     * (the two pictures' origins differ), agree to a few points (Graphviz's 3D boxes stick out on one side).
     */
    private static void assertNodesWhereGraphvizDrawsThem(Map<String, Element> cells, String svg) throws Exception {
        Map<String, double[]> graphviz = svgCenters(svg);
        Map<String, double[]> drawio = new HashMap<>();
        for (Map.Entry<String, Element> cell : cells.entrySet()) {
            if (graphviz.containsKey(cell.getKey())) {
                double[] g = geometry(cell.getValue());
                double x = g[0] + g[2] / 2;
                double y = g[1] + g[3] / 2;
                for (Element p = cells.get(cell.getValue().getAttribute("parent")); p != null
                        && p.hasAttribute("vertex"); p = cells.get(p.getAttribute("parent"))) {
                    x += geometry(p)[0];
                    y += geometry(p)[1];
                }
                drawio.put(cell.getKey(), new double[] {x, y});
            }
        }
        assertEquals(graphviz.keySet(), drawio.keySet());
        double[] g0 = graphviz.get("n0");
        double[] d0 = drawio.get("n0");
        for (String id : graphviz.keySet()) {
            double[] g = graphviz.get(id);
            double[] d = drawio.get(id);
            assertTrue(Math.abs((g[0] - g0[0]) - (d[0] - d0[0])) < 5 && Math.abs((g[1] - g0[1]) - (d[1] - d0[1])) < 5,
                    id + " at " + (d[0] - d0[0]) + "," + (d[1] - d0[1]) + " in draw.io, " + (g[0] - g0[0]) + ","
                            + (g[1] - g0[1]) + " in Graphviz's SVG");
        }
    }

    /** The centre of each node's outline in Graphviz's SVG (the bounds of its first shape), by DOT id. */
    private static Map<String, double[]> svgCenters(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        NodeList groups = factory.newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getElementsByTagName("g");
        Map<String, double[]> centers = new HashMap<>();
        Pattern number = Pattern.compile("-?[0-9.]+");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            String id = g.getElementsByTagName("title").getLength() == 0 ? ""
                    : g.getElementsByTagName("title").item(0).getTextContent();
            if (!g.getAttribute("class").equals("node") || !id.matches("n[0-9]+")) {
                continue;
            }
            Element shape = (Element) java.util.stream.Stream.of("ellipse", "polygon", "path")
                    .map(tag -> g.getElementsByTagName(tag).item(0)).filter(java.util.Objects::nonNull)
                    .findFirst().orElseThrow();
            if (shape.getTagName().equals("ellipse")) {
                centers.put(id, new double[] {Double.parseDouble(shape.getAttribute("cx")),
                        Double.parseDouble(shape.getAttribute("cy"))});
                continue;
            }
            Matcher m = number.matcher(shape.hasAttribute("points") ? shape.getAttribute("points")
                    : shape.getAttribute("d"));
            double[] bounds = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (int k = 0; m.find(); k++) {
                double v = Double.parseDouble(m.group());
                bounds[k % 2] = Math.min(bounds[k % 2], v);
                bounds[2 + k % 2] = Math.max(bounds[2 + k % 2], v);
            }
            centers.put(id, new double[] {(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2});
        }
        return centers;
    }

    private static double[] geometry(Element cell) {
        Element g = (Element) cell.getElementsByTagName("mxGeometry").item(0);
        return new double[] {Double.parseDouble(g.getAttribute("x")), Double.parseDouble(g.getAttribute("y")),
                Double.parseDouble(g.getAttribute("width")), Double.parseDouble(g.getAttribute("height"))};
    }
}
