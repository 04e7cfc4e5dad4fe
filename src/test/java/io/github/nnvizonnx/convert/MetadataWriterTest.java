package io.github.nnvizonnx.convert;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.read.ModuleClassMap;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.TorchExports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The converter script's metadata writer, run by python on a small model: appended raw protobuf bytes when the onnx
 * package is missing (python -S hides it), the onnx package otherwise. No torch needed.
 */
class MetadataWriterTest {
    /** Over 127 bytes (a two-byte length) and not ASCII. */
    private static final String VALUE = "{\"\": {\"class\": \"Ünïcode.Net\", \"parameters\": 1}, \"block\": {\"class\": \"a."
            + "b".repeat(200) + "\", \"parameters\": 0}}";

    @TempDir
    Path dir;

    /** A model that already has an (outdated) entry under the key. */
    private Path smallModel() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1, 4)).addOutput(tensor("y", 1, 4))
                .addNode(node("/block/Relu", "Relu", in("x"), "y"));
        return write(dir, "m.onnx", model(g)
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("other").setValue("kept"))
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey(ModuleClassMap.METADATA_KEY)
                        .setValue("{}")));
    }

    private void addMetadata(Path model, String... pythonFlags) throws IOException, InterruptedException {
        ExternalTools.require("python at " + TorchExports.PYTHON, Files.isExecutable(Path.of(TorchExports.PYTHON)));
        Path valueFile = Files.writeString(dir.resolve("value.json"), VALUE, StandardCharsets.UTF_8);
        String code = "import sys; sys.path.insert(0, sys.argv[1]); import export_onnx as e;"
                + " e.add_metadata(sys.argv[2], e.METADATA_KEY, open(sys.argv[3], encoding='utf-8').read())";
        List<String> command = new java.util.ArrayList<>(List.of(TorchExports.PYTHON));
        command.addAll(List.of(pythonFlags));
        command.addAll(List.of("-c", code, ExternalTools.projectDir().resolve("converters/pytorch").toString(),
                model.toString(), valueFile.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(2, TimeUnit.MINUTES);
        assertEquals(0, p.exitValue(), output);
    }

    private void assertReadBack(Path model) {
        ModelGraph g = OnnxReader.read(model);
        assertEquals(VALUE, g.info().metadata().get(ModuleClassMap.METADATA_KEY));
        assertEquals("kept", g.info().metadata().get("other"));
        assertEquals("Net", g.modules().root().className());
        assertEquals("b".repeat(200), g.modules().find("block").orElseThrow().className());
        assertEquals(1, g.nodes().size() - 2, "the graph is intact");
    }

    @Test
    void withoutTheOnnxPackageTheEntryIsAppendedAsProtobufBytes() throws Exception {
        Path model = smallModel();
        byte[] before = Files.readAllBytes(model);
        addMetadata(model, "-S");
        byte[] after = Files.readAllBytes(model);
        assertArrayEquals(before, Arrays.copyOf(after, before.length), "the export itself is untouched");
        assertEquals(2, entriesUnderKey(model), "appended after the old one, which readers take last");
        assertReadBack(model);
    }

    @Test
    void withTheOnnxPackageAnOlderEntryIsReplaced() throws Exception {
        ExternalTools.require("the onnx package for " + TorchExports.PYTHON, onnxImportable());
        Path model = smallModel();
        addMetadata(model);
        assertEquals(1, entriesUnderKey(model));
        assertReadBack(model);
    }

    private static long entriesUnderKey(Path model) throws IOException {
        return ModelProto.parseFrom(Files.readAllBytes(model)).getMetadataPropsList().stream()
                .filter(e -> e.getKey().equals(ModuleClassMap.METADATA_KEY)).count();
    }

    private static boolean onnxImportable() {
        try {
            Process p = new ProcessBuilder(TorchExports.PYTHON, "-c", "import onnx").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
