package io.github.nnvizonnx.read.hierarchy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.read.OnnxReader;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hierarchy convention that only a jar on the class path adds (here the test resources' META-INF/services) is
 * installed: chosen by name, detected for the files it recognises, and accepted by {@code --hierarchy}.
 */
class PluginConventionTest {
    @TempDir
    Path dir;

    private Path colonModel(String firstName, String secondName) {
        return ColonPathConvention.colonModel(dir, firstName, secondName);
    }

    private static String modulePaths(ModelGraph graph) {
        return graph.modules().all().stream().map(m -> m.path().dotted())
                .collect(Collectors.toCollection(TreeSet::new)).toString();
    }

    @Test
    void isInstalledNextToTheBuiltInOnes() {
        List<String> names = Conventions.names();
        assertTrue(names.containsAll(List.of("torch", "dynamo", "tf", "functions", "flat", ColonPathConvention.NAME)),
                names.toString());
    }

    @Test
    void isDetectedForTheFilesItRecognises() {
        ModelGraph graph = OnnxReader.read(colonModel("colon:encoder:block:Relu", "colon:head:Sigmoid"));
        assertEquals(ColonPathConvention.NAME, graph.info().hierarchy());
        assertEquals("[, encoder, encoder.block, head]", modulePaths(graph));
    }

    @Test
    void leavesOtherFilesToTheBuiltInDetection() {
        ModelGraph graph = OnnxReader.read(colonModel("/encoder/Relu", "/head/Sigmoid"));
        assertEquals("torch", graph.info().hierarchy());
    }

    @Test
    void isChosenByName() {
        Path file = colonModel("enc:Relu", "colon:head:Sigmoid"); // not all recognised: detection says flat
        assertEquals("flat", OnnxReader.read(file).info().hierarchy());
        ModelGraph graph = OnnxReader.read(file, new OnnxReader.Options("Colon-Paths"));
        assertEquals(ColonPathConvention.NAME, graph.info().hierarchy());
        assertEquals("[, head]", modulePaths(graph));
    }
}
