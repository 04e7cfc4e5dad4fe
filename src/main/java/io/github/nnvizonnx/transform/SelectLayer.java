package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.Parameter;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;

/**
 * Draws one module alone: its nodes become the whole graph, the module becomes the root, and every tensor crossing
 * its boundary becomes an Input (coming in) or an Output (going out), one per tensor.
 */
final class SelectLayer {
    private SelectLayer() {
    }

    public static ModelGraph apply(ModelGraph model, ModulePath layer) {
        Graph<Node, TensorEdge> graph = model.graph();
        ModelGraph.Builder builder = new ModelGraph.Builder(model.info());
        Map<Node, Node> moved = new HashMap<>();
        for (Node n : graph.vertexSet()) {
            if (layer.contains(n.scope())) {
                Node relocated = n.withScope(n.scope().relativeTo(layer));
                moved.put(n, relocated);
                builder.addNode(relocated);
            }
        }
        Map<String, Node> inputs = new HashMap<>();
        Map<String, Node> outputs = new HashMap<>();
        int next = 0;
        for (TensorEdge e : graph.edgeSet()) {
            Node from = moved.get(graph.getEdgeSource(e));
            Node to = moved.get(graph.getEdgeTarget(e));
            TensorInfo tensor = e.tensor();
            if (from != null && to != null) {
                builder.addEdge(from, to, tensor, e.isTopLevel());
            } else if (to != null) {
                Node input = inputs.get(tensor.name());
                if (input == null) {
                    input = new InputNode("b" + next++, tensor, ModulePath.ROOT);
                    inputs.put(tensor.name(), input);
                    builder.addNode(input);
                }
                builder.addEdge(input, to, tensor, e.isTopLevel());
            } else if (from != null && !outputs.containsKey(tensor.name())) {
                Node output = new OutputNode("b" + next++, tensor, ModulePath.ROOT);
                outputs.put(tensor.name(), output);
                builder.addNode(output);
                builder.addEdge(from, output, tensor, e.isTopLevel());
            }
        }
        List<Module> modules = new ArrayList<>();
        for (Module m : model.modules().all()) {
            if (layer.contains(m.path())) {
                ModulePath relative = m.path().relativeTo(layer);
                modules.add(m.at(relative));
            }
        }
        List<Parameter> parameters = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            if (layer.contains(p.scope())) {
                parameters.add(p.inScope(p.scope().relativeTo(layer)));
            }
        }
        return builder.modules(modules).parameters(parameters).build();
    }
}
