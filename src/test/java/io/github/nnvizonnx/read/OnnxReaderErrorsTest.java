package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.testsupport.ProtoBytes;
import io.github.nnvizonnx.testsupport.RealModels;
import io.github.nnvizonnx.testsupport.TorchExports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one clear message and never anything else. */
class OnnxReaderErrorsTest {
    @TempDir
    Path dir;

    private String failure(Path file) {
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> OnnxReader.read(file));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void missingEmptyDirectoryAndZipAreNamed() throws IOException {
        assertTrue(failure(dir.resolve("nope.onnx")).startsWith("no such file"));
        assertTrue(failure(Files.createFile(dir.resolve("empty.onnx"))).endsWith("is empty"));
        assertTrue(failure(dir).contains("is a directory"));
        Path zip = Files.write(dir.resolve("model.pt"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
        assertTrue(failure(zip).contains("ZIP archive"));
    }

    @Test
    void textAndRandomBytesAreNotOnnx() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.onnx"), "hello, this is not a model\n");
        assertTrue(failure(text).contains("not"));
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[1 + random.nextInt(4096)];
            random.nextBytes(bytes);
            Path file = Files.write(dir.resolve("random" + i + ".onnx"), bytes);
            try {
                ModelGraph g = OnnxReader.read(file);
                assertTrue(g.nodes().size() >= 0); // parsed by chance into a valid model: fine as long as it reads
            } catch (InvalidModelException expected) {
                assertFalse(expected.getMessage().contains("\n"));
            }
        }
    }

    @Test
    void aModelWithoutGraphOrVersionSaysWhichIsMissing() throws IOException {
        Path noGraph = Files.write(dir.resolve("nograph.onnx"), io.github.nnvizonnx.proto.Onnx.ModelProto.newBuilder()
                .setIrVersion(8).build().toByteArray());
        assertTrue(failure(noGraph).endsWith("is not an ONNX model (it holds no graph)"), failure(noGraph));
        Path noVersion = Files.write(dir.resolve("noversion.onnx"), io.github.nnvizonnx.proto.Onnx.ModelProto
                .newBuilder().setGraph(io.github.nnvizonnx.proto.Onnx.GraphProto.newBuilder().setName("g")).build()
                .toByteArray());
        assertTrue(failure(noVersion).contains("no IR version and no opset"), failure(noVersion));
    }

    @Test
    void realModelTruncatedAnywhereIsReportedAsTruncated() throws IOException {
        byte[] whole = Files.readAllBytes(TorchExports.export("resnet18", false));
        int[] cuts = {1, 2, 10, 100, 1000, whole.length / 3, whole.length / 2, whole.length - 1000, whole.length - 1};
        for (int cut : cuts) {
            Path file = Files.write(dir.resolve("cut" + cut + ".onnx"), java.util.Arrays.copyOf(whole, cut));
            String message = failure(file);
            assertTrue(message.contains("truncated") || message.contains("not"), cut + ": " + message);
        }
    }

    @Test
    void deeplyNestedSubgraphsFailCleanly() throws IOException {
        // Built as bytes: protobuf's own serializer would overflow the stack on a 1000-deep message.
        Path file = Files.write(dir.resolve("deep.onnx"), ProtoBytes.nestedIfModel(1000));
        assertTrue(failure(file).contains("nested"));
    }

    @Test
    void corpusModelsNeverHoldWeightBytes() throws IOException {
        // A reader that kept raw_data would not pass the memory test below; here: names, dims and counts survive.
        ModelGraph g = OnnxReader.read(RealModels.miniLm());
        assertEquals(g.parameters().stream().mapToLong(p -> p.count()).sum(), g.totalParameters());
        assertTrue(g.parameters().stream().anyMatch(p -> p.name().contains("word_embeddings")
                && p.dims().equals(java.util.List.of(30522L, 384L))));
    }
}
