package io.github.nnvizonnx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.Networkx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's parts run: the generator writes what it says, bench/run.sh measures a tiny model; nothing is timed. */
@Tag("slow") // the benchmark script: left out of the quick tier (-Pquick)
class BenchSmokeTest {
    @TempDir
    Path dir;

    @Test
    void generatorWritesTorchScopedLayersWithExternalWeights() throws Exception {
        Path model = dir.resolve("model.onnx");
        int nodes = SyntheticModel.write(model, 3);
        assertEquals(SyntheticModel.FIXED_NODES + 3 * SyntheticModel.NODES_PER_LAYER, nodes);
        assertEquals(3, SyntheticModel.layersFor(nodes));
        assertEquals(1_000_000L, SyntheticModel.parseCount("1M"));

        ModelGraph graph = OnnxReader.read(model);
        assertEquals(nodes, graph.nodes(OperationNode.class).size());
        assertEquals("torch", graph.info().hierarchy());
        assertTrue(graph.modules().find("encoder.layer.2.attention.self.query").isPresent());
        assertTrue(graph.nodes(OperationNode.class).stream()
                .anyMatch(n -> n.name().equals("/encoder/layer.1/attention/self/query/MatMul")));
        long weightBytes = Files.size(dir.resolve("model.onnx.data"));
        assertEquals(weightBytes / 4, graph.totalParameters(), "every weight is in the side file");
    }

    @Test
    void benchScriptMeasuresATinyModel() throws Exception {
        ExternalTools.require("GNU time (Debian package time)", Files.isExecutable(Path.of("/usr/bin/time")));
        Networkx.require();
        Path script = ExternalTools.projectDir().resolve("bench/run.sh");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "--sizes", "150", "--runs", "1",
                "--no-torch", "--out", dir.toString()).redirectErrorStream(true);
        pb.environment().put("NNVIZ_BENCH_CLASSPATH", System.getProperty("java.class.path"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        List<String> rows = Files.readAllLines(dir.resolve("results.md")).stream()
                .filter(l -> l.startsWith("| bert-150 |")).toList();
        assertEquals(2, rows.size(), "a row in each table: " + out);
        String row = rows.get(0);
        String folding = rows.get(1);
        assertTrue(!folding.contains("failed") && folding.matches("\\| bert-150 \\| [0-9.]+ s, [0-9]+ MiB \\| [0-9.]+ s,"
                + " [0-9]+ MiB \\| [0-9.]+× \\|"), "both views timed, and their ratio: " + folding);
        assertTrue(row.contains("| 161 |"), "operations counted: " + row);
        assertTrue(!row.contains("failed") && row.matches(".*× time, [0-9.]+× memory \\| [0-9.]+ s, [0-9]+ MiB \\|$"),
                "ratios, then the default command's time and memory: " + row);
    }
}
