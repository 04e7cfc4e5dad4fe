package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.bench.SyntheticModel;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.HangGuard;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights in external files are described from the model alone; their locations are checked, never opened. */
class ExternalDataTest {
    @TempDir
    Path dir;

    @Test
    void externalWeightsAreNotNeededToRead() throws IOException {
        Path model = dir.resolve("model.onnx");
        SyntheticModel.write(model, 2);
        long parameters = OnnxReader.read(model).totalParameters();
        assertTrue(parameters > 10_000, "dims come from the model: " + parameters);

        Files.delete(dir.resolve("model.onnx.data"));
        ModelGraph withoutData = OnnxReader.read(model);
        assertEquals(parameters, withoutData.totalParameters());
        assertEquals(List.of(), withoutData.info().warnings());
    }

    @Test
    void externalWeightsAreNeverOpened() throws Exception {
        Path model = dir.resolve("model.onnx");
        SyntheticModel.write(model, 2);
        Path data = dir.resolve("model.onnx.data");
        Files.delete(data);
        ExternalTools.require("mkfifo", Files.isExecutable(Path.of("/usr/bin/mkfifo")));
        // Opening a FIFO for reading blocks until someone writes: a reader that opened it would never return.
        Process mkfifo = new ProcessBuilder("mkfifo", data.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        ModelGraph graph = assertTimeoutPreemptively(HangGuard.LIMIT, () -> OnnxReader.read(model));
        assertTrue(graph.totalParameters() > 10_000);
    }

    @Test
    void locationsOutsideTheFolderAreReportedNotOpened() {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("g").addInput(OnnxBuilder.tensor("x", 4))
                .addOutput(OnnxBuilder.tensor("y", 4))
                .addNode(OnnxBuilder.node("/a/Add", "Add", OnnxBuilder.in("x", "w1"), "h"))
                .addNode(OnnxBuilder.node("/b/Add", "Add", OnnxBuilder.in("h", "w2"), "z"))
                .addNode(OnnxBuilder.node("/c/Add", "Add", OnnxBuilder.in("z", "w3"), "y"))
                .addInitializer(external("w1", "../../outside.bin"))
                .addInitializer(external("w2", "/etc/passwd"))
                .addInitializer(external("w3", "inside.bin"));
        ModelGraph read = OnnxReader.read(OnnxBuilder.write(dir, "escaping.onnx", OnnxBuilder.model(graph)));
        assertEquals(12, read.totalParameters());
        assertEquals(1, read.info().warnings().size(), "one line: " + read.info().warnings());
        String warning = read.info().warnings().get(0);
        assertTrue(warning.contains("'w1' (and 1 more tensor)") && warning.contains("'../../outside.bin'")
                && warning.contains("'..'"), warning);
    }

    @Test
    void policyAcceptsFilesInTheModelsFolderOnly() throws IOException {
        Path model = dir.resolve("model.onnx");
        assertEquals(dir.resolve("weights.bin"), ExternalDataPolicy.check(model, "weights.bin"));
        assertEquals(dir.resolve("sub/w.bin"), ExternalDataPolicy.check(model, "sub/./w.bin"));
        for (String bad : List.of("/etc/passwd", "../secret", "sub/../../secret", "..\\secret", "C:\\w.bin",
                "\\\\server\\share\\w.bin", "", "w\0.bin")) {
            InvalidModelException e = assertThrows(InvalidModelException.class,
                    () -> ExternalDataPolicy.check(model, bad), bad);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().startsWith(model + ": refusing to read external data from '"), e.getMessage());
        }
        Path outside = Files.createTempFile("nnviz-outside", ".bin");
        try {
            Files.createSymbolicLink(dir.resolve("link.bin"), outside);
            InvalidModelException e = assertThrows(InvalidModelException.class,
                    () -> ExternalDataPolicy.check(model, "link.bin"));
            assertTrue(e.getMessage().contains("link that leads outside"), e.getMessage());
        } finally {
            Files.delete(outside);
        }
        assertEquals(null, ExternalDataPolicy.problem("a/b/c.bin"));
        assertEquals("it is an absolute path", ExternalDataPolicy.problem("/abs"));
        String climbs = "it climbs out of the model's folder with '..'";
        for (String location : List.of("..", "../w.bin", "a/../../w.bin", "a\\..\\w.bin", "a/..")) {
            assertEquals(climbs, ExternalDataPolicy.problem(location), location);
        }
        for (String location : List.of("w..bin", "./w.bin", "a/b./w.bin")) {
            assertEquals(null, ExternalDataPolicy.problem(location), location);
        }
        for (String location : List.of("..w.bin", "a/...", "a/..b/w.bin", ".keys/id", "a/.ssh/id_rsa", ".w.bin")) {
            assertTrue(ExternalDataPolicy.problem(location).startsWith("it is in a hidden file or folder"), location);
        }
    }

    private static TensorProto external(String name, String location) {
        return TensorProto.newBuilder().setName(name).setDataType(1).addDims(4)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue("0"))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("length").setValue("16"))
                .build();
    }
}
