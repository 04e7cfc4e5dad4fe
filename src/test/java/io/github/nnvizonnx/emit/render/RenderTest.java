package io.github.nnvizonnx.emit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.testsupport.ChildCli;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.Graphviz;
import io.github.nnvizonnx.testsupport.RealModels;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** SVG, PDF and PNG through the real command line in a child JVM, as a user runs it. */
@Tag("slow") // Graphviz on real models: left out of the quick tier (-Pquick)
class RenderTest {
    @TempDir
    Path dir;

    private record Run(int code, String err) {
    }

    /** Runs the CLI in a fresh JVM with its own temp folder and PATH, to see what it leaves and needs. */
    private Run cli(Path tmp, String path, String... args) throws Exception {
        ProcessBuilder pb = ChildCli.builder(List.of("-Djava.io.tmpdir=" + tmp), args)
                .redirectOutput(dir.resolve("stdout").toFile());
        pb.environment().put("PATH", path);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        return new Run(p.exitValue(), err);
    }

    @Test
    void miniLmRendersToSvgAndPaperPdfLeavingNoTempFiles() throws Exception {
        Graphviz.require();
        ExternalTools.require("pdftoppm (Debian package poppler-utils)", ExternalTools.onPath("pdftoppm"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String model = RealModels.miniLm().toString();
        Path svg = dir.resolve("minilm.svg");
        Path pdf = dir.resolve("minilm.pdf");
        Run r1 = cli(tmp, System.getenv("PATH"), model, "-o", svg.toString(), "-q");
        assertEquals(0, r1.code(), r1.err());
        Run r2 = cli(tmp, System.getenv("PATH"), model, "-o", pdf.toString(), "--theme", "paper", "-q");
        assertEquals(0, r2.code(), r2.err());
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the temp folder is left empty");
        }

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        String svgText = Files.readString(svg);
        assertTrue(svgText.contains(">encoder<") && svgText.contains(">embeddings<"), "module boxes are drawn");

        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "100", pdf.toString(),
                dir.resolve("page").toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue());
        try (var pages = Files.list(dir)) {
            assertTrue(pages.anyMatch(f -> f.getFileName().toString().startsWith("page") && f.toString()
                    .endsWith(".png")));
        }
    }

    @Test
    void pngIsAPng() throws Exception {
        Graphviz.require();
        Path png = dir.resolve("intro.png");
        Run r = cli(Files.createDirectories(dir.resolve("tmp")), System.getenv("PATH"),
                ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx").toString(), "-o", png.toString(),
                "--theme", "dark", "--legend", "-q");
        assertEquals(0, r.code(), r.err());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertEquals("\u0089PNG", new String(head, StandardCharsets.ISO_8859_1));
    }

    @Test
    void withoutGraphvizOneLineSaysHowToInstallIt() throws Exception {
        Path emptyPath = Files.createDirectories(dir.resolve("no-programs-here"));
        Path target = dir.resolve("out.svg");
        Run r = cli(Files.createDirectories(dir.resolve("tmp")), emptyPath.toString() + File.pathSeparator,
                ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx").toString(), "-o", target.toString());
        assertEquals(1, r.code());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains("Graphviz") && lines.get(0).contains("--format dot"), lines.get(0));
        assertTrue(!Files.exists(target), "no output file");
    }
}
