package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.MermaidRenderer;
import io.github.nnvizonnx.testsupport.RealModels;
import io.github.nnvizonnx.transform.ViewOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every model of the ONNX project's backend test corpus reads, and its Mermaid, made as the command line makes it by
 * default (--fit github), renders in mermaid 11 with its default limits; so do expanded control-flow bodies.
 */
@Tag("slow") // the whole ONNX backend corpus: left out of the quick tier (-Pquick)
class BackendCorpusTest {
    @Test
    void everyCorpusModelReadsAndItsMermaidRenders() throws IOException {
        List<Path> models = RealModels.backendCorpus();
        assertTrue(models.size() >= 1000, "expected the full corpus, found " + models.size());
        Path out = ExternalTools.projectDir().resolve("target/mermaid-corpus");
        deleteTree(out);
        Files.createDirectories(out);
        List<String> readFailures = new ArrayList<>();
        int withBodies = 0;
        for (Path model : models) {
            String name = RealModels.corpusName(model);
            try {
                ModelGraph graph = OnnxReader.read(model);
                Files.writeString(out.resolve(name + ".mmd"), Drawing.mermaidForGithub(graph, ViewOptions.defaults()),
                        StandardCharsets.UTF_8);
                if (graph.modules().all().stream().anyMatch(m -> m.kind() == ModuleKind.CONTROL_FLOW)) {
                    withBodies++;
                    Files.writeString(out.resolve(name + "-expanded.mmd"),
                            Drawing.mermaidForGithub(graph, ViewOptions.everything()), StandardCharsets.UTF_8);
                }
            } catch (RuntimeException e) {
                readFailures.add(name + ": " + e);
            }
        }
        assertEquals(List.of(), readFailures);
        assertTrue(withBodies > 20, "the corpus has If/Loop/Scan models: " + withBodies);

        MermaidRenderer.RenderReport report = MermaidRenderer.renderAll(out);
        assertEquals(models.size() + withBodies, report.results().size());
        assertEquals("", report.failures().stream().limit(20).map(r -> r.file() + ": " + r.error())
                .collect(Collectors.joining("\n")));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
