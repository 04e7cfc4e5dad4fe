package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A model with more graph outputs, made without parsing it: the file's bytes followed by one more encoded
 * {@code ModelProto.graph} field that holds only the extra outputs. Protobuf merges a repeated occurrence of a
 * message field into the first, and repeated fields concatenate, so the runtime sees the original graph with the
 * outputs appended; the weights are copied as bytes and never decoded. Outputs carry only their names: the runtime
 * infers their types.
 */
final class AugmentedModel {
    private AugmentedModel() {
    }

    /** The encoded extra field: {@code graph { output { name } ... }}. */
    static byte[] extraOutputs(List<String> names) {
        GraphProto.Builder graph = GraphProto.newBuilder();
        for (String name : names) {
            graph.addOutput(ValueInfoProto.newBuilder().setName(name));
        }
        return ModelProto.newBuilder().setGraph(graph).build().toByteArray();
    }

    /** The augmented model in a direct buffer (off the Java heap; the runtime reads it in place). */
    static ByteBuffer read(Path model, List<String> extraOutputNames) throws IOException, ShapeRunException {
        byte[] extra = extraOutputs(extraOutputNames);
        try (FileChannel in = FileChannel.open(model, StandardOpenOption.READ)) {
            long size = in.size();
            if (size + extra.length > Integer.MAX_VALUE) {
                throw new ShapeRunException("the model file is larger than 2 GiB; onnxruntime cannot load it from"
                        + " memory");
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect((int) size + extra.length);
            while (buffer.position() < size && in.read(buffer) >= 0) {
                // reads until the whole file is in
            }
            if (buffer.position() != size) {
                throw new IOException("the model file changed while it was read");
            }
            buffer.put(extra);
            return buffer.flip();
        }
    }
}
