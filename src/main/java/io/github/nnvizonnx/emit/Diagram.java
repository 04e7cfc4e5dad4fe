package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.TensorEdge;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an emitter reads: the (already collapsed) graph, grouped for nesting. Emitters never change the model; they
 * walk {@link #nodesDirectlyIn} and {@link #boxesIn} from the root, then write {@link #edges}.
 */
public final class Diagram {
    private final ModelGraph model;
    private final DrawOptions options;
    private final Map<ModulePath, List<Node>> nodesByScope = new LinkedHashMap<>();
    private final Set<ModulePath> occupied = new HashSet<>();

    public Diagram(ModelGraph model, DrawOptions options) {
        this.model = model;
        this.options = options;
        for (Node n : model.graph().vertexSet()) {
            nodesByScope.computeIfAbsent(n.scope(), s -> new ArrayList<>()).add(n);
            for (int i = 0; i <= n.scope().length(); i++) {
                occupied.add(n.scope().prefix(i));
            }
        }
    }

    public ModelGraph model() {
        return model;
    }

    public DrawOptions options() {
        return options;
    }

    public List<Node> nodesDirectlyIn(ModulePath scope) {
        return nodesByScope.getOrDefault(scope, List.of());
    }

    /** The child modules of {@code scope} that contain at least one node, to be drawn as boxes. */
    public List<Module> boxesIn(ModulePath scope) {
        List<Module> result = new ArrayList<>();
        for (Module m : model.modules().children(scope)) {
            if (occupied.contains(m.path())) {
                result.add(m);
            }
        }
        return result;
    }

    public Collection<Node> nodes() {
        return model.graph().vertexSet();
    }

    public Collection<TensorEdge> edges() {
        return model.graph().edgeSet();
    }

    public Node source(TensorEdge e) {
        return model.graph().getEdgeSource(e);
    }

    public Node target(TensorEdge e) {
        return model.graph().getEdgeTarget(e);
    }
}
