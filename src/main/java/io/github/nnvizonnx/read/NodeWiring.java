package io.github.nnvizonnx.read;

import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import java.util.List;

/**
 * What the importer reads of a node besides the names its {@code NodeView} holds: the tensors it reads and writes,
 * its attributes and its function overload. For the main graph it is decoded straight from the node's bytes
 * ({@link FastDecoders#nodeWiring}), so that a million nodes are not each built as a protobuf message.
 */
record NodeWiring(List<String> inputs, List<String> outputs, List<AttributeProto> attributes, String overload) {
    static NodeWiring of(NodeProto node) {
        return new NodeWiring(node.getInputList(), node.getOutputList(), node.getAttributeList(), node.getOverload());
    }

    /** Element {@code index} of {@code nodes}, from its bytes when the list keeps them. */
    static NodeWiring of(List<NodeProto> nodes, int index) {
        NodeWiring wiring = nodes instanceof LazyMessages<NodeProto> lazy
                ? lazy.decode(index, FastDecoders::nodeWiring) : null;
        return wiring != null ? wiring : of(nodes.get(index));
    }
}
