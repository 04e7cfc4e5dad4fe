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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;

/**
 * Draws one module alone: its nodes become the whole graph, the module becomes the root, and every tensor crossing
 * its boundary becomes an Input (coming in) or an Output (going out), one per tensor, named for people by
 * {@link BoundaryNames}.
 */
final class SelectLayer {
    /** A tensor leaving the layer: the node inside that makes it, its first edge out, and every reader outside. */
    private record Leaving(Node producer, TensorEdge first, List<Node> consumers) {
    }

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
        Map<String, Leaving> outputs = new LinkedHashMap<>();
        BoundaryNames names = new BoundaryNames(model.modules(), layer);
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
                    input = new InputNode("b" + next++, tensor, ModulePath.ROOT, names.from(graph.getEdgeSource(e)));
                    inputs.put(tensor.name(), input);
                    builder.addNode(input);
                }
                builder.addEdge(input, to, tensor, e.isTopLevel());
            } else if (from != null) {
                outputs.computeIfAbsent(tensor.name(), name -> new Leaving(from, e, new ArrayList<>()))
                        .consumers().add(graph.getEdgeTarget(e));
            }
        }
        // An output is named once all its consumers are known: it is drawn once however many read it.
        for (Leaving leaving : outputs.values()) {
            TensorEdge e = leaving.first();
            Node output = new OutputNode("b" + next++, e.tensor(), ModulePath.ROOT, names.to(leaving.consumers()));
            builder.addNode(output);
            builder.addEdge(leaving.producer(), output, e.tensor(), e.isTopLevel());
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
