package io.github.nnvizonnx.read;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How many nodes a file's main graph holds, counted by walking field tags and lengths only (nothing is decoded):
 * enough to know before reading whether a model is over a limit, such as the operation limit of the onnxruntime
 * run, whose process is not worth starting then. Local functions are not expanded: the count is a lower bound.
 */
final class NodeCount {
    /** {@code ModelProto.graph}. */
    private static final int MODEL_GRAPH = 7;
    /** {@code GraphProto.node}. */
    private static final int GRAPH_NODE = 1;

    private NodeCount() {
    }

    /** The main graph's node count, or -1 when the file cannot be walked (it is then read, and refused, as usual). */
    static long of(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                return -1;
            }
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return nodes(bytes, (int) size);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long nodes(ByteBuffer bytes, int end) throws InvalidProtocolBufferException {
        WireCursor model = new WireCursor(bytes, 0);
        long count = 0;
        while (model.position() < end) {
            int tag = model.readTag(end);
            if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH
                    && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int length = model.readLength(end);
                count += nodesOfGraph(new WireCursor(bytes, model.position()), model.position() + length);
                model.position(model.position() + length); // a repeated graph field merges into the first
            } else {
                model.skipValue(WireFormat.getTagWireType(tag), WireFormat.getTagFieldNumber(tag), end, 0);
            }
        }
        return count;
    }

    private static long nodesOfGraph(WireCursor graph, int end) throws InvalidProtocolBufferException {
        long count = 0;
        while (graph.position() < end) {
            int tag = graph.readTag(end);
            if (WireFormat.getTagFieldNumber(tag) == GRAPH_NODE) {
                count++;
            }
            graph.skipValue(WireFormat.getTagWireType(tag), WireFormat.getTagFieldNumber(tag), end, 0);
        }
        return count;
    }
}
