package io.github.nnvizonnx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.read.OnnxReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark generator writes readable models, and reading never opens their external weight file. */
class SyntheticModelTest {
    @TempDir
    Path dir;

    @Test
    void tenThousandNodeModelReadsWithoutItsExternalDataFile() throws Exception {
        Path model = dir.resolve("synthetic.onnx");
        SyntheticModel.main(new String[] {model.toString(), "10k"});
        Path weights = dir.resolve("synthetic.onnx.data");
        assertTrue(Files.exists(weights), "weights are written as external data");
        Files.delete(weights);

        ModelGraph graph = OnnxReader.read(model);
        int operations = graph.nodes(OperationNode.class).size();
        assertTrue(operations > 9_000 && operations < 11_000, "about 10k nodes: " + operations);
        assertEquals("torch", graph.info().hierarchy());
        assertFalse(graph.modules().children(ModulePath.of("encoder")).isEmpty(), "encoder layers");
        assertTrue(graph.totalParameters() > 0, "weights are counted from their dims");
    }
}
