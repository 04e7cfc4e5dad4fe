package io.github.nnvizonnx.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.emit.Direction;
import io.github.nnvizonnx.emit.DrawOptions;
import io.github.nnvizonnx.emit.Medium;
import io.github.nnvizonnx.emit.style.Theme;
import io.github.nnvizonnx.testsupport.ConvertedModels;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.Graphviz;
import io.github.nnvizonnx.testsupport.MermaidRenderer;
import io.github.nnvizonnx.testsupport.RealModels;
import io.github.nnvizonnx.testsupport.TorchExports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default figures of real models are legible where they are shown, measured by the real consumer: Mermaid
 * rendered by mermaid 11 in Chromium inside GitHub's 880 px column, and paper PDFs rendered by Graphviz, fitted into
 * a 6.5 × 9 in text block, their words measured by poppler's {@code pdftotext -bbox}.
 */
@Tag("slow") // real torch exports, Chromium and Graphviz: left out of the quick tier (-Pquick)
class FitLegibilityTest {
    /** The smallest median label font a reader can read in GitHub's column, in px. */
    private static final double MIN_FONT_PX = 8;
    /** "About 5,000 px": the fitting aims at {@link Medium#MAX_COLUMN_HEIGHT} with an estimate, not a layout. */
    private static final double MAX_HEIGHT_PX = Medium.MAX_COLUMN_HEIGHT * 1.1;
    private static final double PAGE_WIDTH_PT = 6.5 * 72;
    private static final double PAGE_HEIGHT_PT = 9 * 72;

    @TempDir
    Path dir;

    private static Map<String, Supplier<Path>> columnModels() {
        Map<String, Supplier<Path>> models = new LinkedHashMap<>();
        models.put("resnet18", TorchExports::resnet18);
        models.put("resnet34", () -> ConvertedModels.get("resnet34", null));
        models.put("vit_b_16", () -> TorchExports.export("vit_b_16", false, 13));
        models.put("minilm", RealModels::miniLm);
        models.put("efficientnet_b0", () -> TorchExports.export("efficientnet_b0", false));
        models.put("convnext_tiny", () -> ConvertedModels.get("convnext_tiny", null));
        models.put("fasterrcnn", () -> ConvertedModels.get("fasterrcnn_mobilenet_v3_large_fpn", null));
        models.put("transformer", () -> ConvertedModels.get(ConvertedModels.transformers("EncoderDecoder"),
                "1x10x64"));
        models.put("if", () -> RealModels.BACKEND_CORPUS.resolve("node/test_if/model.onnx"));
        // paddle2onnx, no modules: drawn in sections
        models.put("paddleocr_det", () -> RealModels.paddleOcr("ch_PP-OCRv4_det_infer"));
        models.put("paddleocr_rec", () -> RealModels.paddleOcr("ch_PP-OCRv4_rec_infer"));
        return models;
    }

    @Test
    void defaultMermaidIsLegibleInGithubsColumn() throws IOException {
        for (Map.Entry<String, Supplier<Path>> model : columnModels().entrySet()) {
            String mermaid = Nnviz.read(model.getValue().get()).fit(Fit.GITHUB).text();
            Files.writeString(dir.resolve(model.getKey() + ".mmd"), mermaid);
        }
        List<String> failures = new ArrayList<>();
        for (MermaidRenderer.Result r : MermaidRenderer.measureAll(dir).results()) {
            String line = String.format(Locale.ROOT, "%s: font %.1f px, %.0f x %.0f px", r.file(), r.fontPx(),
                    r.width(), r.height());
            System.out.println("column legibility " + line);
            if (!r.ok() || r.fontPx() < MIN_FONT_PX || r.height() > MAX_HEIGHT_PX) {
                failures.add(r.ok() ? line : r.file() + ": " + r.error());
            }
        }
        assertEquals(columnModels().size(), Files.list(dir).count(), "one diagram a model");
        assertEquals(List.of(), failures);
    }

    @Test
    void paperPdfsHaveWordsOfFivePointsOnAPage() throws Exception {
        Graphviz.require();
        ExternalTools.require("pdftotext on PATH (Debian package poppler-utils)", ExternalTools.onPath("pdftotext"));
        Map<String, Supplier<Path>> models = new LinkedHashMap<>();
        models.put("resnet34", () -> ConvertedModels.get("resnet34", null));
        models.put("vit_b_16", () -> TorchExports.export("vit_b_16", false, 13));
        models.put("minilm", RealModels::miniLm);
        models.put("convnext_tiny", () -> ConvertedModels.get("convnext_tiny", null));
        models.put("paddleocr_det", () -> RealModels.paddleOcr("ch_PP-OCRv4_det_infer"));
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Supplier<Path>> model : models.entrySet()) {
            Path pdf = dir.resolve(model.getKey() + ".pdf");
            Nnviz.read(model.getValue().get()).format("pdf").medium(Medium.PAGE)
                    .style(new DrawOptions(Direction.AUTO, Theme.PAPER.style(), false)).writeTo(pdf);
            PdfWords words = PdfWords.of(pdf);
            double scale = Math.min(1, Math.min(PAGE_WIDTH_PT / words.width(), PAGE_HEIGHT_PT / words.height()));
            double smallest = words.smallestWordHeight() * scale;
            String line = String.format(Locale.ROOT, "%s: %.0f x %.0f pt, scaled %.2f, smallest word %.1f pt, %d words",
                    model.getKey(), words.width(), words.height(), scale, smallest, words.count());
            System.out.println("page legibility " + line);
            if (smallest < Medium.MIN_PAGE_TEXT || words.count() < 10) {
                failures.add(line);
            }
        }
        assertEquals(List.of(), failures);
    }

    /** A one-page PDF's size and the heights of its words' boxes, in pt, as pdftotext -bbox reports them. */
    private record PdfWords(double width, double height, double smallestWordHeight, int count) {
        private static final Pattern PAGE = Pattern.compile("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">");
        private static final Pattern WORD = Pattern.compile(
                "<word xMin=\"[0-9.]+\" yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">");

        static PdfWords of(Path pdf) throws IOException, InterruptedException {
            Path html = pdf.resolveSibling(pdf.getFileName() + ".html");
            Process p = new ProcessBuilder("pdftotext", "-bbox", pdf.toString(), html.toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "pdftotext: " + output);
            String text = Files.readString(html);
            Matcher page = PAGE.matcher(text);
            assertTrue(page.find(), "no page in " + pdf);
            double smallest = Double.MAX_VALUE;
            int count = 0;
            for (Matcher word = WORD.matcher(text); word.find(); count++) {
                smallest = Math.min(smallest, Double.parseDouble(word.group(2)) - Double.parseDouble(word.group(1)));
            }
            return new PdfWords(Double.parseDouble(page.group(1)), Double.parseDouble(page.group(2)), smallest, count);
        }
    }
}
