package io.github.nnvizonnx.emit.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.Direction;
import io.github.nnvizonnx.emit.DotEmitter;
import io.github.nnvizonnx.emit.DrawOptions;
import io.github.nnvizonnx.emit.MermaidEmitter;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.Graphviz;
import io.github.nnvizonnx.testsupport.OutputSyntax;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper theme printed without colour: each op family and box still stands apart, and text stays legible. */
class PaperThemeTest {
    /** A step of gray the eye separates on paper: 12% of the luminance range. */
    private static final double STEP = 0.12;
    /** WCAG's contrast for normal text (AA). */
    private static final double READABLE = 4.5;
    private static final Style PAPER = Theme.PAPER.style();

    @Test
    void everyFamilyDiffersFromEveryOtherInGrayOrBorder() {
        List<String> clashes = new ArrayList<>();
        OpFamily[] families = OpFamily.values();
        for (int i = 0; i < families.length; i++) {
            for (int j = i + 1; j < families.length; j++) {
                OpFamily a = families[i];
                OpFamily b = families[j];
                double apart = Math.abs(gray(PAPER.fill(a)) - gray(PAPER.fill(b)));
                if (apart < STEP && PAPER.border(a) == PAPER.border(b)) {
                    clashes.add(a + "/" + b + " " + PAPER.fill(a) + " " + PAPER.fill(b) + " " + PAPER.border(a));
                }
            }
        }
        assertEquals(List.of(), clashes, "families alike in grayscale");
    }

    @Test
    void textIsReadableOnEveryFillAndBox() {
        for (OpFamily f : OpFamily.values()) {
            assertTrue(contrast(PAPER.textColor(), PAPER.fill(f)) >= READABLE, f + " " + PAPER.fill(f));
        }
        for (int depth = 1; depth <= 6; depth++) {
            assertTrue(contrast(PAPER.textColor(), PAPER.moduleFill(depth)) >= READABLE, "box at depth " + depth);
        }
    }

    @Test
    void everyBoxStandsOutFromWhatSurroundsIt() {
        String around = PAPER.background() == null ? "#ffffff" : PAPER.background();
        for (int depth = 1; depth <= 8; depth++) {
            String box = PAPER.moduleFill(depth);
            assertTrue(Math.abs(gray(box) - gray(around)) >= STEP, "box at depth " + depth + " " + box + " in "
                    + around);
            around = box;
        }
    }

    @Test
    void staysPrintSafe() {
        assertTrue(PAPER.font().startsWith("Times"), "serif");
        assertTrue(PAPER.lineWidth() < 1, "thin lines");
        for (OpFamily f : OpFamily.values()) {
            assertTrue(PAPER.border(f).width(PAPER.lineWidth()) <= 1.5, f + " border stays fine");
        }
    }

    @Test
    void dotDrawsTheBordersAndGraphvizAcceptsThem(@TempDir Path dir) throws Exception {
        ModelGraph model = OnnxReader.read(ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx"));
        Diagram diagram = Diagram.view(Views.apply(model, ViewOptions.everything())).from(model,
                new DrawOptions(Direction.TB, PAPER, true));
        StringBuilder dot = new StringBuilder();
        new DotEmitter().write(diagram, dot);
        String text = dot.toString();
        OutputSyntax.dot(text);
        assertTrue(text.contains("<B>Add</B>>,\"fillcolor\"=\"#ffffff\",\"style\"=\"rounded,filled,dashed\""), text);
        assertTrue(text.contains("\"shape\"=\"ellipse\",\"style\"=\"filled\",\"penwidth\"=\"1.5\""), "bold I/O");
        Graphviz.require();
        Path svg = dir.resolve("paper.svg");
        Graphviz.Outcome outcome = Graphviz.run(Files.writeString(dir.resolve("paper.dot"), text), "svg", svg);
        assertTrue(outcome.ok(), outcome.messages());
        assertTrue(Files.readString(svg).contains("stroke-dasharray"), "dashed outlines reach the picture");
    }

    @Test
    void mermaidDrawsTheBordersInItsOwnSyntax() {
        ModelGraph model = OnnxReader.read(ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx"));
        StringBuilder mermaid = new StringBuilder();
        try {
            new MermaidEmitter().write(Diagram.view(Views.apply(model, ViewOptions.everything())).from(model,
                    new DrawOptions(Direction.TB, PAPER, true)), mermaid);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        OutputSyntax.mermaid(mermaid.toString());
        assertTrue(mermaid.toString().contains("classDef fam_math fill:#ffffff,stroke:#000000,color:#000000,"
                + "stroke-width:0.60px,stroke-dasharray:5 3"), mermaid.toString());
        assertTrue(mermaid.toString().contains("classDef fam_io fill:#ffffff,stroke:#000000,color:#000000,"
                + "stroke-width:1.50px\n"), "bold I/O");
    }

    /** Luma as grayscale printing computes it (ITU-R BT.601), 0 black to 1 white. */
    static double gray(String color) {
        int[] rgb = rgb(color);
        return (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) / 255;
    }

    /** WCAG 2 contrast ratio of two colours. */
    static double contrast(String a, String b) {
        double la = relativeLuminance(a);
        double lb = relativeLuminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double relativeLuminance(String color) {
        int[] rgb = rgb(color);
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = rgb[i] / 255.0;
            linear[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    private static int[] rgb(String color) {
        assertTrue(color.matches("#[0-9a-fA-F]{6}"), color);
        return new int[] {Integer.parseInt(color.substring(1, 3), 16), Integer.parseInt(color.substring(3, 5), 16),
            Integer.parseInt(color.substring(5, 7), 16)};
    }
}
