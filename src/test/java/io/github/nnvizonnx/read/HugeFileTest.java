package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model over protobuf's 2 GiB limit gets one clear line, not a protobuf error or a crash. */
class HugeFileTest {
    /** Beyond 2 GiB; the file is sparse, so its zeros take no disk space. */
    static final long WEIGHT_BYTES = 3L << 30;

    @TempDir
    Path dir;

    /** A valid small model followed by one more graph field holding a 3 GiB embedded weight. */
    static Path hugeModel(Path dir) throws IOException {
        Path file = dir.resolve("huge.onnx");
        GraphProto.Builder graph = GraphProto.newBuilder().setName("g").addInput(OnnxBuilder.tensor("x", 4))
                .addOutput(OnnxBuilder.tensor("y", 4))
                .addNode(OnnxBuilder.node("/Add", "Add", OnnxBuilder.in("x", "w"), "y"));
        TensorProto meta = TensorProto.newBuilder().setName("w").setDataType(1).addDims(WEIGHT_BYTES / 4).build();
        long end;
        try (OutputStream raw = Files.newOutputStream(file)) {
            CodedOutputStream out = CodedOutputStream.newInstance(raw);
            OnnxBuilder.model(graph).build().writeTo(out);
            OnnxBuilder.writeWeightHeader(out, meta, WEIGHT_BYTES);
            out.flush();
            end = out.getTotalBytesWritten() + WEIGHT_BYTES;
        }
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(end);
        }
        return file;
    }

    @Test
    void overTwoGibibytesIsExplainedInOneLine() throws IOException {
        Path file = hugeModel(dir);
        assertTrue(Files.size(file) > Integer.MAX_VALUE);
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> OnnxReader.read(file));
        String message = e.getMessage();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.startsWith(file + " is 3.2 GB, over the 2 GiB that protobuf allows"), message);
        assertTrue(message.contains("external data"), message);
    }
}
