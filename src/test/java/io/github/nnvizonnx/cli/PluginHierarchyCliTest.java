package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.read.hierarchy.ColonPathConvention;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --hierarchy} takes the name of a convention that only a plug-in on the class path installs. */
class PluginHierarchyCliTest {
    @TempDir
    Path dir;

    @Test
    void aPluginConventionIsChosenByName() {
        Path file = ColonPathConvention.colonModel(dir, "enc:Relu", "colon:head:Sigmoid");
        CommandRun run = CommandRun.of(file.toString(), "--hierarchy", "COLON-PATHS", "--shapes", "none",
                "--depth", "all");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("(hierarchy: " + ColonPathConvention.NAME + ")"), run.err());
        assertTrue(run.out().contains("head"), run.out());
    }

    @Test
    void anUnknownNameListsTheInstalledOnes() {
        CommandRun run = CommandRun.of("model.onnx", "--hierarchy", "keras");
        assertEquals(2, run.code());
        assertEquals(1, run.errLines().size(), run.err());
        for (String name : java.util.List.of("auto", "torch", "dynamo", "tf", "functions", "flat", "colon-paths")) {
            assertTrue(run.err().contains(name), run.err());
        }
    }
}
