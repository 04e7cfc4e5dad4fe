package io.github.nnvizonnx.read;

import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.SparseTensorProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import java.util.List;

/**
 * What the importer reads of one graph. A control-flow body comes from its GraphProto; the main graph's nodes,
 * initializers and value_info may be lists that parse each element when asked ({@link LazyMessages}).
 */
record GraphContent(String name, List<ValueInfoProto> inputs, List<ValueInfoProto> outputs,
                    List<ValueInfoProto> valueInfo, List<TensorProto> initializers,
                    List<SparseTensorProto> sparseInitializers, List<NodeProto> nodes) {
    static GraphContent of(GraphProto graph) {
        return of(graph, graph.getNodeList(), graph.getInitializerList(), graph.getValueInfoList());
    }

    /** {@code graph} with its node, initializer and value_info lists given apart. */
    static GraphContent of(GraphProto graph, List<NodeProto> nodes, List<TensorProto> initializers,
                           List<ValueInfoProto> valueInfo) {
        return new GraphContent(graph.getName(), graph.getInputList(), graph.getOutputList(), valueInfo,
                initializers, graph.getSparseInitializerList(), nodes);
    }
}
