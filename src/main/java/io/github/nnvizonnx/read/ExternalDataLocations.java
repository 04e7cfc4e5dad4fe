package io.github.nnvizonnx.read;

import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.SparseTensorProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The external data files a model refers to: the {@code location} of every tensor stored outside the file
 * (initializers, sparse initializers, tensor-valued attributes), in every graph, body and function, once each.
 * Nothing is opened; the list only says what a runtime would have to read.
 */
final class ExternalDataLocations {
    private ExternalDataLocations() {
    }

    static List<String> of(ModelProto model) {
        Set<String> locations = new LinkedHashSet<>();
        Deque<GraphProto> graphs = new ArrayDeque<>();
        graphs.add(model.getGraph());
        for (FunctionProto f : model.getFunctionsList()) {
            nodes(f.getNodeList(), locations, graphs);
        }
        while (!graphs.isEmpty()) {
            GraphProto g = graphs.poll();
            g.getInitializerList().forEach(t -> tensor(t, locations));
            g.getSparseInitializerList().forEach(t -> sparse(t, locations));
            nodes(g.getNodeList(), locations, graphs);
        }
        return List.copyOf(locations);
    }

    private static void nodes(List<NodeProto> nodes, Set<String> locations, Deque<GraphProto> graphs) {
        for (NodeProto n : nodes) {
            for (AttributeProto a : n.getAttributeList()) {
                if (a.hasT()) {
                    tensor(a.getT(), locations);
                }
                a.getTensorsList().forEach(t -> tensor(t, locations));
                if (a.hasSparseTensor()) {
                    sparse(a.getSparseTensor(), locations);
                }
                a.getSparseTensorsList().forEach(t -> sparse(t, locations));
                if (a.hasG()) {
                    graphs.add(a.getG());
                }
                graphs.addAll(a.getGraphsList());
            }
        }
    }

    private static void sparse(SparseTensorProto t, Set<String> locations) {
        tensor(t.getValues(), locations);
        tensor(t.getIndices(), locations);
    }

    private static void tensor(TensorProto t, Set<String> locations) {
        if (t.getDataLocation() != TensorProto.DataLocation.EXTERNAL) {
            return;
        }
        for (StringStringEntryProto e : t.getExternalDataList()) {
            if (e.getKey().equals("location")) {
                locations.add(e.getValue());
            }
        }
    }
}
