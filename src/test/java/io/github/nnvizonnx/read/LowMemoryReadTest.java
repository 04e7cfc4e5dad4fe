package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 360 MB model reads in a JVM limited to 256 MB of heap: weight bytes are skipped, never held. */
@Tag("slow") // a child JVM: left out of the quick tier (-Pquick)
class LowMemoryReadTest {
    private static final int WEIGHTS = 12;
    private static final int WEIGHT_BYTES = 30 * 1024 * 1024;

    @TempDir
    Path dir;

    /** Entry point of the child JVM: reads the file and prints the parameter count. */
    public static void main(String[] args) {
        System.out.println(OnnxReader.read(Path.of(args[0])).totalParameters());
    }

    @Test
    void readsWithSmallHeap() throws Exception {
        Path file = dir.resolve("big.onnx");
        writeBigModel(file);
        assertTrue(Files.size(file) > 350L * 1024 * 1024);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LowMemoryReadTest.class.getName(), file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(String.valueOf((long) WEIGHTS * WEIGHT_BYTES / 4), out);
    }

    /** Streams the model to disk so that the test itself never holds the weights either. */
    private static void writeBigModel(Path file) throws IOException {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("big").addInput(OnnxBuilder.tensor("x", 1, 4))
                .addOutput(OnnxBuilder.tensor("y", 1, 4));
        String previous = "x";
        for (int i = 0; i < WEIGHTS; i++) {
            String out = i == WEIGHTS - 1 ? "y" : "h" + i;
            graph.addNode(OnnxBuilder.node("/layer" + i + "/Add", "Add", OnnxBuilder.in(previous, "w" + i), out));
            previous = out;
        }
        byte[] head = OnnxBuilder.model(graph).build().toByteArray();
        // Initializers are appended as extra GraphProto fields: protobuf merges repeated fields, so the graph
        // field may be written twice (once with nodes, once with the initializers).
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            raw.write(head);
            CodedOutputStream out = CodedOutputStream.newInstance(raw);
            for (int i = 0; i < WEIGHTS; i++) {
                TensorProto meta = TensorProto.newBuilder().setName("w" + i).setDataType(1)
                        .addAllDims(List.of(1L, (long) WEIGHT_BYTES / 4)).build();
                OnnxBuilder.writeWeightHeader(out, meta, WEIGHT_BYTES);
                byte[] chunk = new byte[1 << 20];
                for (int written = 0; written < WEIGHT_BYTES; written += chunk.length) {
                    out.writeRawBytes(chunk, 0, Math.min(chunk.length, WEIGHT_BYTES - written));
                }
            }
            out.flush();
        }
    }
}
