package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import com.google.protobuf.CodedOutputStream;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
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
        byte[] graph = GraphProto.newBuilder().setName("leaf").build().toByteArray();
        for (int depth = 0; depth < 1000; depth++) {
            byte[] attribute = concat(AttributeProto.newBuilder().setName("then_branch")
                    .setType(AttributeProto.AttributeType.GRAPH).build().toByteArray(), field(6, graph));
            byte[] node = concat(NodeProto.newBuilder().setOpType("If").build().toByteArray(), field(5, attribute));
            graph = field(1, node);
        }
        byte[] model = concat(OnnxBuilder.model(GraphProto.newBuilder()).clearGraph().build().toByteArray(),
                field(ModelProto.GRAPH_FIELD_NUMBER, graph));
        Path file = Files.write(dir.resolve("deep.onnx"), model);
        assertTrue(failure(file).contains("nested"));
    }

    private static byte[] field(int number, byte[] message) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeByteArray(number, message);
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
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
